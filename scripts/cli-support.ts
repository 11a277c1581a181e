import nextEnv from "@next/env";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Failure } from "@/lib/result";

/** Command-line tools read the same .env files as the server. */
export function loadEnv(): void {
  nextEnv.loadEnvConfig(process.cwd());
}

/** A command's refusal in plain English, with each field's problems. */
export function describeFailure(failure: Failure): string {
  const errors = catalogues.en.errors as Record<string, string>;
  const text = (key: string) => errors[key] ?? key;
  const lines = [text(failure.error)];
  for (const [field, keys] of Object.entries(failure.fieldErrors ?? {})) lines.push(`  ${field}: ${keys.map(text).join(" ")}`);
  return lines.join("\n");
}

/** Prints the error's message (not its stack: these are expected refusals) and exits non-zero. */
export function exitWith(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
