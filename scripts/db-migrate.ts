import { getDatabase } from "@/db/client";
import { exitWith, loadEnv } from "./cli-support";

loadEnv();
try {
  const handle = getDatabase();
  await handle.migrate();
  await handle.close();
  console.log("Migrations applied.");
} catch (err) {
  exitWith((err as Error).message);
}
