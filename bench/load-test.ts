/**
 * Load: 50 signed-in people at once against the app's server (scripts/serve.mjs) on PostgreSQL with the bench database
 * (bench/generate.ts), for 60 seconds, mixing the case list, case pages, searches and edits
 * (comments through the API), on loopback. Each person waits a think time between requests
 * (`--think`, ms, default 1000-3000; `--think 0` sends back to back, which measures the server's
 * capacity rather than what people see). Reports errors and latency percentiles (docs/performance.md).
 *
 *   npx next build && npx tsx bench/load-test.ts --database-url postgres://postgres@127.0.0.1:5432/civharm_bench
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { Pool } from "pg";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/tokens/tokens";
import { createUser } from "@/lib/users/commands";
import { benchUrl } from "./database";
import { percentile } from "./percentile";

const { values: options } = parseArgs({
  options: {
    "database-url": { type: "string" },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3400" },
    /** App processes (scripts/serve.mjs on consecutive ports from --port); each request goes to one at random, as a balancer without affinity would send it. */
    servers: { type: "string", default: "1" },
    think: { type: "string", default: "1000-3000" },
    /** Seconds of the same traffic before measuring: a fresh server compiles each page's code on first use. */
    warmup: { type: "string", default: "10" },
    /** Drive a server already running on --port (started by hand, e.g. under a profiler) instead of starting one. */
    "running-server": { type: "boolean", default: false },
  },
});
const url = benchUrl(options["database-url"]);
const people = Number(options.users);
const origins = Array.from({ length: Number(options.servers) }, (_, i) => `http://127.0.0.1:${Number(options.port) + i}`);
const PASSWORD = "load test password never used elsewhere";

type Person = { cookie: string; token: string };
const kinds = ["list", "page", "search", "edit"] as const;
type Kind = (typeof kinds)[number];
type Sample = { kind: Kind; ms: number; ok: boolean };

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
async function signIn(origin: string, email: string): Promise<string> {
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

async function waitForServer(origin: string): Promise<void> {
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

/** The `--think` range in ms ("1000-3000", or one number), checked before anything starts. */
const [thinkLow, thinkHigh = thinkLow] = options.think.split("-").map(Number);
if (!Number.isFinite(thinkLow) || !Number.isFinite(thinkHigh) || thinkHigh < thinkLow) throw new Error(`--think: ${options.think}`);

/** A think time in ms, uniform in the `--think` range. */
function thinkTime(): number {
  return thinkLow + Math.random() * (thinkHigh - thinkLow);
}

async function main(): Promise<void> {
  const actors = await accounts();
  const tokens = await tokensFor(actors);
  const pool = new Pool({ connectionString: url, max: 2 });
  const caseIds = (await pool.query<{ id: string }>("select id from cases where deleted_at is null order by random() limit 1000")).rows.map((r) => r.id);
  await pool.end();
  const words = ["hussein", "فاطمه", "raqqa", "mosul", "market", "bakery", "school", "الرقة"];
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

  /** 35 % list pages, 35 % case pages, 20 % searches, 10 % edits. */
  function nextKind(): Kind {
    const roll = Math.random();
    return roll < 0.35 ? "list" : roll < 0.7 ? "page" : roll < 0.9 ? "search" : "edit";
  }

  /** A list page is a random page of the first 20; an edit is a comment through the API, with the person's token. */
  function requestOf(kind: Kind, person: Person): { path: string; init: RequestInit } {
    const page = { headers: { cookie: person.cookie } };
    if (kind === "list") return { path: `/cases?page=${1 + Math.floor(Math.random() * 20)}`, init: page };
    if (kind === "page") return { path: `/cases/${pick(caseIds)}`, init: page };
    if (kind === "search") return { path: `/cases?q=${encodeURIComponent(pick(words))}`, init: page };
    const body = JSON.stringify({ body: `Load test note ${Date.now()}` });
    const headers = { authorization: `Bearer ${person.token}`, "content-type": "application/json" };
    return { path: `/api/v1/cases/${pick(caseIds)}/comments`, init: { method: "POST", headers, body } };
  }

  /** One request to any of the servers, the whole answer read. */
  async function timed(kind: Kind, path: string, init: RequestInit): Promise<Sample> {
    const started = performance.now();
    let ok = false;
    try {
      const res = await fetch(`${pick(origins)}${path}`, { ...init, redirect: "manual" });
      await res.arrayBuffer();
      ok = res.status >= 200 && res.status < 300;
    } catch {
      // counted as an error
    }
    return { kind, ms: performance.now() - started, ok };
  }

  /**
   * The baseline, measured in the same run: each kind of request, one at a time from one person
   * (median of 20 after 5 unmeasured). What a page costs on this machine today, without anyone else.
   */
  async function aloneTimes(who: Person): Promise<Record<Kind, number>> {
    const out = {} as Record<Kind, number>;
    for (const kind of kinds) {
      const ms: number[] = [];
      for (let i = 0; i < 25; i++) {
        const request = requestOf(kind, who);
        const sample = await timed(kind, request.path, request.init);
        if (!sample.ok) throw new Error(`${request.path} failed before the load started`);
        if (i >= 5) ms.push(sample.ms);
      }
      out[kind] = Math.round(percentile(ms.sort((a, b) => a - b), 50));
    }
    return out;
  }

  const servers = options["running-server"]
    ? []
    : origins.map((o) =>
        spawn(process.execPath, ["scripts/serve.mjs", "-p", new URL(o).port], {
          env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: "load-test-secret-for-the-benchmark-only-0123456789", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
          stdio: ["ignore", "ignore", "inherit"],
          detached: true,
        }),
      );
  try {
    for (const o of origins) await waitForServer(o);
    const folks: Person[] = [];
    for (const [i, a] of actors.entries()) {
      folks.push({ cookie: await signIn(origins[i % origins.length], a.email), token: tokens[i] });
    }
    const samples: Sample[] = [];
    const alone = await aloneTimes(folks[0]);
    const measureFrom = performance.now() + Number(options.warmup) * 1000;
    const stopAt = measureFrom + Number(options.seconds) * 1000;
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    /** One person: a request, the whole answer read, a think time, until the time is up; timed after the warm-up. */
    async function person(who: Person): Promise<void> {
      await sleep(Math.random() * thinkTime()); // people do not all start in the same millisecond
      while (performance.now() < stopAt) {
        const kind = nextKind();
        const request = requestOf(kind, who);
        const sample = await timed(kind, request.path, request.init);
        if (performance.now() - sample.ms >= measureFrom) samples.push(sample);
        await sleep(thinkTime());
      }
    }
    await Promise.all(folks.map(person));

    const seconds = Number(options.seconds);
    const line = (label: string, xs: Sample[], aloneMs?: number) => {
      const sorted = xs.map((x) => x.ms).sort((a, b) => a - b);
      const ms = (p: number) => Math.round(percentile(sorted, p));
      const errors = xs.filter((x) => !x.ok).length;
      const baseline = aloneMs === undefined ? "" : `; alone ${aloneMs} ms, p99 ${(ms(99) / aloneMs).toFixed(1)}× that`;
      return `${label.padEnd(10)} ${String(xs.length).padStart(6)} requests, ${errors} errors; ms p50 ${ms(50)}, p90 ${ms(90)}, p99 ${ms(99)}, max ${ms(100)}${baseline}`;
    };
    console.log(
      [
        `${people} signed-in people, ${seconds} s after ${options.warmup} s of warm-up, think time ${options.think} ms, against ${origins.length} × the app's server on PostgreSQL (${caseIds.length} sampled cases)`,
        `${Math.round(samples.length / seconds)} requests a second`,
        line("all", samples),
        ...kinds.map((k) => line(k === "page" ? "case page" : k, samples.filter((s) => s.kind === k), alone[k])),
      ].join("\n"),
    );
  } finally {
    for (const server of servers) if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
