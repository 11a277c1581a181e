// Run as a child process by tests/integration/boot.test.ts: the server's start-up, without the server.
import { getDatabase } from "@/db/client";
import { boot } from "@/lib/boot";

await boot();
await getDatabase().close();
