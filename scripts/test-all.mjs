#!/usr/bin/env node
// The whole test suite, as the README's test command and .ci/run run it:
// type-check, vitest (unit + integration on PGlite and PostgreSQL), production build, Playwright on both back ends.
// Ends with one line "N passed, N failed" totalling every suite (also written to test-results/summary.txt).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const results = "test-results";
mkdirSync(results, { recursive: true });

env.TEST_DATABASE_URL ??= await localPostgres();
if (!env.TEST_DATABASE_URL) {
  console.warn("\n!! No PostgreSQL: set TEST_DATABASE_URL to run the PostgreSQL half of the suite. Running on PGlite only.\n");
}

const steps = [];
function run(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const { status } = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  steps.push({ name, ok: status === 0 });
  return status === 0;
}

const vitestJson = `${results}/vitest.json`;
const e2eJson = `${results}/e2e.json`;
rmSync(vitestJson, { force: true });
rmSync(e2eJson, { force: true });

run("type-check", "npx", ["tsc", "--noEmit"]);
run("unit and integration", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
if (run("production build", "npx", ["next", "build"])) {
  run("end-to-end", "npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson });
}

let passed = 0;
let failed = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
}
if (existsSync(e2eJson)) {
  const p = JSON.parse(readFileSync(e2eJson, "utf8")).stats;
  passed += p.expected + p.flaky;
  failed += p.unexpected;
}
// A step that failed without failing a test (a type error, a broken build) still fails the run.
const brokenSteps = steps.filter((s) => !s.ok).map((s) => s.name);
if (brokenSteps.length) console.error(`\nFailed steps: ${brokenSteps.join(", ")}`);
// A broken step with no failed test (say a type error) counts as one failure each, so the line never reads "0 failed" on a red run.
const failures = failed || brokenSteps.length;
const summary = `${passed} passed, ${failures} failed`;
writeFileSync(`${results}/summary.txt`, `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failures ? 1 : 0);

/** The PostgreSQL of a developer machine, if one answers on the default port. */
async function localPostgres() {
  const url = "postgres://postgres@127.0.0.1:5432/postgres";
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    console.log(`Using the local PostgreSQL at ${url} for the PostgreSQL suites (set TEST_DATABASE_URL to choose another).`);
    return url;
  } catch {
    return undefined;
  }
}
