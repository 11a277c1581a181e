import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next's guard against importing server code into client bundles; meaningless under Node.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    // What the app seals (lib/auth/sealed.ts) is keyed from this; child processes get their own (tests/support/processes.ts).
    env: { AUTH_SECRET: "vitest-only-secret-not-for-any-real-deployment" },
    // The integration tests wait on databases and child processes much of the time: at least two
    // files at once even on two CPUs (the default there is one), each on its own fresh database.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
