import { defineConfig, type PlaywrightTestConfig } from "@playwright/test";
import { existsSync } from "node:fs";
import type { E2EWorkerOptions } from "./e2e/fixtures";
import { e2eDatabaseUrl } from "./e2e/support/postgres-url";

/**
 * End-to-end tests against the production build (`npx next build` first), on both back ends in one
 * run: embedded PGlite on port 3100 (a fresh data folder each run) and, when TEST_DATABASE_URL is
 * set, PostgreSQL on port 3101 (a fresh database `civharm_e2e` on that server each run).
 * Per back end, a setup project signs each role in once through the sign-in form and saves its
 * session under e2e/.auth/; the tests of that back end start from those sessions.
 * axe-core analyses every page state on the embedded run only: the markup is the same on both back
 * ends, and the analysis is a third of a run's time.
 */
const CI = Boolean(process.env.CI);
const testDatabaseUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

// Debian's Chromium when present (Playwright cannot download browsers everywhere); otherwise Playwright's own.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

// Small enough that a test can send a file over it without moving hundreds of megabytes.
const smallEvidenceLimit = { EVIDENCE_MAX_BYTES: String(5 * 1024 * 1024) };

type Server = { backend: E2EWorkerOptions["backend"]; port: number; command: string; env: Record<string, string> };

const servers: Server[] = [
  {
    backend: "embedded",
    port: 3100,
    command:
      `node -e "require('node:fs').rmSync('.e2e/embedded', { recursive: true, force: true })"` +
      " && node scripts/serve.mjs -p 3100",
    // Blank DATABASE_URL/AUTH_SECRET: embedded PGlite, its secret kept in the data folder, demo accounts created.
    env: { DATA_DIR: ".e2e/embedded", DATABASE_URL: "", AUTH_SECRET: "", DEMO_MODE: "on", ...smallEvidenceLimit },
  },
];
if (testDatabaseUrl) {
  servers.push({
    backend: "postgres",
    port: 3101,
    command: "npx tsx e2e/support/prepare-postgres.ts && node scripts/serve.mjs -p 3101",
    env: {
      TEST_DATABASE_URL: testDatabaseUrl,
      DATABASE_URL: e2eDatabaseUrl(testDatabaseUrl),
      AUTH_SECRET: "end-to-end-tests-only-secret-not-for-any-real-deployment",
      DATA_DIR: ".e2e/postgres",
      ...smallEvidenceLimit,
    },
  });
}

const origin = (port: number) => `http://127.0.0.1:${port}`;
const projectUse = (server: Server) => ({
  baseURL: origin(server.port),
  backend: server.backend,
  accessibility: server.backend === "embedded",
});

const config: PlaywrightTestConfig<object, E2EWorkerOptions> = {
  testDir: "./e2e",
  outputDir: "test-results/e2e",
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: 2,
  // Guards against a hang, not a speed target: shared CI machines run two and three times slower some hours.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/e2e.json" }]],
  use: {
    browserName: "chromium",
    launchOptions,
    locale: "en-GB",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: servers.map((server) => ({
    command: server.command,
    url: `${origin(server.port)}/login`,
    // I18N_STRICT: a client component missing a message from its area fails the page (lib/i18n/client-namespaces.ts).
    env: { NEXT_TELEMETRY_DISABLED: "1", I18N_STRICT: "on", ...server.env },
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  })),
  projects: servers.flatMap((server) => [
    {
      name: `setup-${server.backend}`,
      testMatch: /auth\.setup\.ts$/,
      use: projectUse(server),
    },
    {
      name: server.backend,
      testMatch: /\.spec\.ts$/,
      dependencies: [`setup-${server.backend}`],
      use: projectUse(server),
    },
    // Tests that change the whole organisation (requiring a second factor ends the shared sessions) run after all the others.
    {
      name: `${server.backend}-exclusive`,
      testMatch: /\.exclusive\.ts$/,
      dependencies: [server.backend],
      use: projectUse(server),
    },
    // Tests that leave the server unusable for others (the address throttle pauses sign-in from 127.0.0.1) run last of all.
    {
      name: `${server.backend}-last`,
      testMatch: /\.last\.ts$/,
      dependencies: [`${server.backend}-exclusive`],
      use: projectUse(server),
    },
  ]),
};

export default defineConfig(config);
