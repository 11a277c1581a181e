/**
 * Load: 50 signed-in people at once against `next start` on PostgreSQL with the bench database
 * (bench/generate.ts), for 60 seconds, mixing the case list, case pages, searches and edits
 * (comments through the API), on loopback. Reports errors and latency percentiles (docs/performance.md).
 *
 *   npx next build && npx tsx bench/load-test.ts --database-url postgres://postgres@127.0.0.1:5432/civharm_bench
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/tokens/tokens";
import { createUser } from "@/lib/users/commands";
import { benchUrl } from "./database";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string" },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3400" },
    /** Drive a server already running on --port (started by hand, e.g. under a profiler) instead of starting one. */
    "running-server": { type: "boolean", default: false },
  },
});
const url = benchUrl(options["database-url"]);
const people = Number(options.users);
const origin = `http://127.0.0.1:${options.port}`;
const PASSWORD = "load test password never used elsewhere";

type Person = { cookie: string; token: string };

async function accounts(): Promise<Actor[]> {
  const handle = openDatabase({ kind: "postgres", url });
  const out: Actor[] = [];
  for (let i = 1; i <= people; i++) {
    const email = `load-${i}@bench.example`;
    let [row] = await handle.db.select().from(users).where(eq(users.email, email));
    if (!row) {
      const created = await createUser(handle.db, systemActor("load test"), { email, name: `Load Tester ${i}`, role: "staff", password: PASSWORD });
      if (!created.ok) throw new Error(JSON.stringify(created));
      [row] = await handle.db.select().from(users).where(eq(users.id, created.value.id));
    }
    out.push({ kind: "user", id: row.id, email: row.email, name: row.name, role: row.role });
  }
  await handle.close();
  return out;
}

async function tokensFor(actors: Actor[]): Promise<string[]> {
  const handle = openDatabase({ kind: "postgres", url });
  const out: string[] = [];
  for (const a of actors) {
    const made = await createToken(handle.db, a, { name: `load ${Date.now()}` });
    if (!made.ok) throw new Error(JSON.stringify(made));
    out.push(made.value.token);
  }
  await handle.close();
  return out;
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does, and keeps the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return session.split(";")[0];
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/login`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start");
}

async function main(): Promise<void> {
  const actors = await accounts();
  const tokens = await tokensFor(actors);
  const pool = new Pool({ connectionString: url, max: 2 });
  const sample = (await pool.query<{ id: string }>("select id from cases where deleted_at is null order by random() limit 1000")).rows.map((r) => r.id);
  await pool.end();
  const words = ["hussein", "فاطمه", "raqqa", "mosul", "market", "bakery", "school", "الرقة"];

  const server = options["running-server"]
    ? null
    : spawn("npx", ["next", "start", "-p", String(options.port)], {
        env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "load-test-secret-for-the-benchmark-only-0123456789", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
        stdio: ["ignore", "ignore", "inherit"],
        detached: true,
      });
  try {
    await waitForServer();
    const folks: Person[] = [];
    for (const [i, a] of actors.entries()) folks.push({ cookie: await signIn(a.email), token: tokens[i] });
    let next = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
    const counts = { list: 0, page: 0, search: 0, edit: 0 };

    const result = await autocannon({
      url: origin,
      connections: people,
      duration: Number(options.seconds),
      requests: [
        {
          setupRequest: (req, connection: object) => {
            // Each connection is one person, for the whole run.
            const context = connection as { person?: Person };
            context.person ??= folks[next++ % folks.length];
            const person = context.person;
            const roll = Math.random();
            if (roll < 0.35) {
              counts.list += 1;
              return { ...req, method: "GET", path: `/cases?page=${1 + Math.floor(Math.random() * 20)}`, headers: { cookie: person.cookie } };
            }
            if (roll < 0.7) {
              counts.page += 1;
              return { ...req, method: "GET", path: `/cases/${pick(sample)}`, headers: { cookie: person.cookie } };
            }
            if (roll < 0.9) {
              counts.search += 1;
              return { ...req, method: "GET", path: `/cases?q=${encodeURIComponent(pick(words))}`, headers: { cookie: person.cookie } };
            }
            counts.edit += 1;
            return {
              ...req,
              method: "POST",
              path: `/api/v1/cases/${pick(sample)}/comments`,
              headers: { authorization: `Bearer ${person.token}`, "content-type": "application/json" },
              body: JSON.stringify({ body: `Load test note ${Date.now()}` }),
            };
          },
        },
      ],
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      [
        `${people} signed-in people, ${options.seconds} s, against next start on PostgreSQL (${sample.length} sampled cases)`,
        `requests: ${result.requests.total} (${Math.round(result.requests.average)}/s); list ${counts.list}, case page ${counts.page}, search ${counts.search}, edit ${counts.edit}`,
        `errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
        `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
      ].join("\n"),
    );
  } finally {
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
