/**
 * Run with tsx before a test starts a server of its own (e2e/support/own-server.ts; Playwright's
 * loader cannot import the app's JSON data): migrates the database DATABASE_URL or DATA_DIR names,
 * adds a reviewer, a case and an API token, and prints {"token", "caseId", "email", "password"}.
 */
import { randomBytes } from "node:crypto";
import { getDatabase } from "@/db/client";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/commands";
import { createToken } from "@/lib/tokens/tokens";
import { createUser } from "@/lib/users/commands";

const handle = getDatabase();
await handle.migrate();
const email = `own-server-${randomBytes(4).toString("hex")}@example.org`;
const password = "own server test password, long enough";
const user = await createUser(handle.db, systemActor("end-to-end test"), { email, name: "Crash Tester", role: "reviewer", password });
if (!user.ok) throw new Error(JSON.stringify(user));
const actor: Actor = { kind: "user", id: user.value.id, email, name: "Crash Tester", role: "reviewer" };
const created = await createCase(handle.db, actor, hararAlBaduInput());
const token = await createToken(handle.db, actor, { name: "end-to-end test" });
if (!created.ok || !token.ok) throw new Error("setup refused");
await handle.close();
console.log(JSON.stringify({ token: token.value.token, caseId: created.value.id, email, password }));
