import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { Client } from "pg";

/**
 * A production server of a test's own (scripts/serve.mjs on its own port and database), for tests
 * that kill it, break its database or read its log, which the shared servers must be spared.
 */
export const OWN_SERVER_SECRET = "own-server-secret-only-for-end-to-end-tests";

export type OwnServer = { process: ChildProcess; origin: string; stderr: () => string };

export function startServer(port: number, env: Record<string, string>): OwnServer {
  // Node itself (not npx), in a process group of its own, so SIGKILL reaches every process of it.
  const child = spawn(process.execPath, [path.join("scripts", "serve.mjs"), "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: OWN_SERVER_SECRET, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (part: string) => (stderr += part));
  return { process: child, origin: `http://127.0.0.1:${port}`, stderr: () => stderr };
}

export async function waitUntilUp(server: OwnServer): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${server.origin}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no server at ${server.origin}: ${server.stderr()}`);
}

export async function stop(server: OwnServer, signal: NodeJS.Signals): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  process.kill(-(child.pid as number), signal);
  await exited;
}

/** Runs a tsx script of the app against the database `env` names (Playwright cannot load the app's JSON data itself). */
export function runTsx(script: string, args: string[], env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(path.join("node_modules", ".bin", "tsx"), [script, ...args], { env: { ...process.env, AUTH_SECRET: OWN_SERVER_SECRET, ...env }, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh database on the test PostgreSQL server: its URL, and how to drop it afterwards. */
export async function freshPostgresDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const query = async (sql: string) => {
    const client = new Client({ connectionString: testDatabaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`create database ${name}`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(`drop database if exists ${name} with (force)`) };
}
