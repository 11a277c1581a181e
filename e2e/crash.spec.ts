import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { lockFilePath } from "@/db/embedded-lock";
import { expect, test } from "./fixtures";

/**
 * A server killed with SIGKILL while writes are in flight, on each back end: after a restart every
 * write it acknowledged is there, the audit chain verifies, and the embedded database's lock left
 * by the dead process is taken over without anyone's help.
 */

const WRITERS = 8;
const SECRET = "crash-test-secret-only-for-this-end-to-end-test";

function startServer(port: number, env: Record<string, string>): ChildProcess {
  // Node itself (not npx), in a process group of its own, so SIGKILL reaches every process of it.
  return spawn(process.execPath, [path.join("scripts", "serve.mjs"), "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: SECRET, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
}

async function waitUntilUp(origin: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no server at ${origin}`);
}

async function stop(server: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, "exit");
  process.kill(-(server.pid as number), signal);
  await exited;
}

/** Runs a tsx script of the app against the database `env` names (Playwright cannot load the app's JSON data itself). */
function runTsx(script: string, args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), [script, ...args], { env: { ...process.env, AUTH_SECRET: SECRET, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("a server killed mid-write keeps every write it acknowledged, its chain intact, and starts again", async ({ backend }, testInfo) => {
  test.setTimeout(240_000);
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const port = backend === "embedded" ? 3120 : 3121;
  const origin = `http://127.0.0.1:${port}`;
  let env: Record<string, string>;
  let dropDatabase = async () => {};
  if (backend === "embedded") {
    env = { DATA_DIR: testInfo.outputPath("data"), DATABASE_URL: "" };
  } else {
    const name = `civharm_crash_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(testDatabaseUrl as string);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString(), DATA_DIR: testInfo.outputPath("data") };
    dropDatabase = async () => {
      const c = new Client({ connectionString: testDatabaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }

  try {
    const prepared = runTsx("e2e/support/crash-prepare.ts", [], env);
    expect(prepared.code, prepared.stderr).toBe(0);
    const { token, caseId } = JSON.parse(prepared.stdout.trim().split("\n").pop() as string) as { token: string; caseId: string };
    let server = startServer(port, env);
    await waitUntilUp(origin);

    // Writers add comments as fast as they are answered; only a 201 counts as acknowledged.
    const acknowledged: string[] = [];
    let writing = true;
    let sent = 0;
    const writer = async (w: number) => {
      while (writing) {
        const body = `Crash note ${w}-${sent++}`;
        try {
          const res = await fetch(`${origin}/api/v1/cases/${caseId}/comments`, {
            method: "POST",
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify({ body }),
          });
          if (res.status === 201) acknowledged.push(body);
        } catch {
          // The connection died with the server: not acknowledged, may or may not have been written.
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(20);
    await stop(server, "SIGKILL");
    writing = false;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(20);
    // The dead process's lock is still there; the next start must take it over by itself.
    if (backend === "embedded") expect(existsSync(lockFilePath(env.DATA_DIR))).toBe(true);

    // A new server on the same data: the dead process's lock is taken over, every acknowledged write is there.
    server = startServer(port, env);
    await waitUntilUp(origin);
    const res = await fetch(`${origin}/api/v1/cases/${caseId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const stored = new Set(((await res.json()).comments as { body: string }[]).map((c) => c.body));
    const lost = acknowledged.filter((body) => !stored.has(body));
    expect(lost, `${lost.length} of ${acknowledged.length} acknowledged writes lost`).toEqual([]);
    await stop(server, "SIGTERM");

    const verified = runTsx("scripts/audit-verify.ts", [], env);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/^OK: \d+ events verified/);
  } finally {
    await dropDatabase();
  }
});
