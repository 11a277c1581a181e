import { existsSync } from "node:fs";
import { lockFilePath } from "@/db/embedded-lock";
import { expect, test } from "./fixtures";
import { freshPostgresDatabase, runTsx, startServer, stop, waitUntilUp } from "./support/own-server";

/**
 * A server killed with SIGKILL while writes are in flight, on each back end: after a restart every
 * write it acknowledged is there, the audit chain verifies, and the embedded database's lock left
 * by the dead process is taken over without anyone's help.
 */

const WRITERS = 8;

test("a server killed mid-write keeps every write it acknowledged, its chain intact, and starts again", async ({ backend }, testInfo) => {
  test.setTimeout(240_000);
  const port = backend === "embedded" ? 3120 : 3121;
  let env: Record<string, string> = { DATA_DIR: testInfo.outputPath("data"), DATABASE_URL: "" };
  let dropDatabase = async () => {};
  if (backend === "postgres") {
    const database = await freshPostgresDatabase("civharm_crash");
    env = { ...env, DATABASE_URL: database.url };
    dropDatabase = database.drop;
  }

  try {
    const prepared = runTsx("e2e/support/own-server-prepare.ts", [], env);
    expect(prepared.code, prepared.stderr).toBe(0);
    const { token, caseId } = JSON.parse(prepared.stdout.trim().split("\n").pop() as string) as { token: string; caseId: string };
    let server = startServer(port, env);
    const { origin } = server;
    await waitUntilUp(server);

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
    await waitUntilUp(server);
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
