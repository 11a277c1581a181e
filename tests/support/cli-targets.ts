import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { databaseUrlOf, freshPostgresDatabase } from "./databases";

/** A database a command-line tool is pointed at through its environment, as an operator would. */
export type CliDatabase = {
  /** The variables that name this database to the tool. */
  env: Record<string, string>;
  /** Opens the database from the test process; call after the tool has exited. */
  open(): Promise<DatabaseHandle>;
  dispose(): Promise<void>;
};

export type CliTarget = {
  name: string;
  /** Whether the server's start-up makes the demo accounts here (the embedded default only). */
  getsDemoAccounts: boolean;
  prepare(): Promise<CliDatabase>;
};

export const CLI_AUTH_SECRET = "an-operator-chosen-secret-of-forty-chars!";

/** An embedded data folder (no DATABASE_URL); the tool creates the database in it. */
const embedded: CliTarget = {
  name: "an embedded data folder",
  getsDemoAccounts: true,
  async prepare() {
    const dataDir = mkdtempSync(path.join(tmpdir(), "civharm-cli-"));
    let handle: DatabaseHandle | undefined;
    return {
      env: { DATA_DIR: dataDir },
      async open() {
        handle = openDatabase({ kind: "embedded", dataDir });
        return handle;
      },
      async dispose() {
        await handle?.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** A new, empty (unmigrated) database on the PostgreSQL server of TEST_DATABASE_URL, with demo mode asked for. */
const postgres = (serverUrl: string): CliTarget => ({
  name: "a PostgreSQL database named by DATABASE_URL",
  getsDemoAccounts: false,
  async prepare() {
    const handle = await freshPostgresDatabase(serverUrl, { migrate: false });
    return {
      env: { DATABASE_URL: databaseUrlOf(handle), AUTH_SECRET: CLI_AUTH_SECRET, DEMO_MODE: "on" },
      open: async () => handle,
      dispose: () => handle.close(),
    };
  },
});

const serverUrl = process.env.TEST_DATABASE_URL;
export const cliTargets: CliTarget[] = [embedded, ...(serverUrl ? [postgres(serverUrl)] : [])];
