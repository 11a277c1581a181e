import { spawn } from "node:child_process";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** The variables that choose a database; stripped from the inherited environment so each run names its own. */
const databaseVariables = ["DATABASE_URL", "DATA_DIR", "AUTH_SECRET", "DEMO_MODE", "TEST_DATABASE_URL"];

/**
 * Runs one of the project's TypeScript scripts as an operator would (npx tsx scripts/…), from the
 * project folder, with `env` on top of this process's environment minus the database variables.
 */
export function runScript(
  script: string,
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of databaseVariables) delete env[name];
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", script, ...args], { cwd: projectRoot, env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
