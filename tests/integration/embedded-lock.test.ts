import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { acquireEmbeddedLock, EmbeddedDatabaseLockedError, lockFilePath } from "@/db/embedded-lock";
import { addAccount } from "../support/accounts";
import { runScript } from "../support/processes";
import { allUsers } from "../support/rows";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "civharm-lock-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts a Node process that runs `code`; resolves with its pid once it is running. */
function startNode(code: string): Promise<{ pid: number; exited: Promise<void>; kill(): void }> {
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("spawn", () => resolve({ pid: child.pid ?? -1, exited, kill: () => child.kill() }));
  });
}

/** A pid that belonged to a process which has since exited. */
async function deadPid(): Promise<number> {
  const child = await startNode("");
  await child.exited;
  return child.pid;
}

function writeLock(holder: { pid: number; host: string; processStart: string | null }) {
  writeFileSync(lockFilePath(dataDir), JSON.stringify({ ...holder, since: new Date(0).toISOString() }));
}

const lockHolderPid = () => (JSON.parse(readFileSync(lockFilePath(dataDir), "utf8")) as { pid: number }).pid;

describe("an embedded data folder", () => {
  it("refuses other processes while one holds it open, and they write nothing", async () => {
    const holder = openDatabase({ kind: "embedded", dataDir });
    await holder.migrate();
    const admin = await addAccount(holder.db, "admin");

    const env = { DATA_DIR: dataDir };
    const create = await runScript("scripts/user-create.ts", ["--email", "intruder@example.org", "--name", "I", "--role", "admin"], {
      env,
      stdin: "violet tractor hums at dawn\n",
    });
    const migrate = await runScript("scripts/db-migrate.ts", [], { env });
    for (const run of [create, migrate]) {
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain("in use by another process");
      expect(run.stderr).toContain(`pid ${process.pid}`);
    }
    expect(lockHolderPid()).toBe(process.pid);
    await holder.close();

    const after = openDatabase({ kind: "embedded", dataDir });
    try {
      expect((await allUsers(after.db)).map((u) => u.id)).toEqual([admin.id]);
    } finally {
      await after.close();
    }
  });

  it("is refused to a second open in the same process", () => {
    const lock = acquireEmbeddedLock(dataDir);
    try {
      expect(() => openDatabase({ kind: "embedded", dataDir })).toThrow(EmbeddedDatabaseLockedError);
    } finally {
      lock.release();
    }
  });

  it("takes over a lock left by a process that no longer exists, and frees it on close", async () => {
    writeLock({ pid: await deadPid(), host: hostname(), processStart: "1" });

    const first = openDatabase({ kind: "embedded", dataDir });
    expect(lockHolderPid()).toBe(process.pid);
    await first.migrate();
    await first.close();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);

    const second = openDatabase({ kind: "embedded", dataDir });
    expect(lockHolderPid()).toBe(process.pid);
    await second.close();
  });

  it("takes over a lock whose pid now belongs to a process that started later", async () => {
    const stranger = await startNode("setTimeout(() => {}, 60000)");
    try {
      writeLock({ pid: stranger.pid, host: hostname(), processStart: "1" });
      const lock = acquireEmbeddedLock(dataDir);
      expect(lockHolderPid()).toBe(process.pid);
      lock.release();
    } finally {
      stranger.kill();
    }
  });

  it("respects a lock written on another machine", async () => {
    writeLock({ pid: await deadPid(), host: `not-${hostname()}`, processStart: null });
    expect(() => acquireEmbeddedLock(dataDir)).toThrow(EmbeddedDatabaseLockedError);
  });

  it("is not freed for its next holder when an earlier holder releases twice", () => {
    const first = acquireEmbeddedLock(dataDir);
    first.release();
    const second = acquireEmbeddedLock(dataDir);
    first.release();
    expect(lockHolderPid()).toBe(process.pid);
    expect(() => acquireEmbeddedLock(dataDir)).toThrow(EmbeddedDatabaseLockedError);
    second.release();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });
});
