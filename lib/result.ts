import type { z } from "zod";
import { ForbiddenError } from "@/lib/auth/actor";

/** Field name → message keys (under "errors." in the catalogues). */
export type FieldErrors = Record<string, string[]>;

/** `params` fill the message's placeholders (who changed a record, and when). */
export type Failure = { ok: false; error: string; fieldErrors?: FieldErrors; params?: Record<string, string> };
export type Result<T = undefined> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: string, fieldErrors?: FieldErrors, params?: Record<string, string>): Failure => ({
  ok: false,
  error,
  fieldErrors,
  params,
});

/** Every field's problems, not just the first, keyed by field path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    const message = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid";
    (out[key] ??= []).includes(message) || out[key].push(message);
  }
  return out;
}

/** Thrown inside a transaction to undo what it wrote and answer with `failure`. */
export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
    this.name = "Refusal";
  }
}

/** Refuses from inside a transaction: everything it wrote is rolled back, and the command answers `failure`. */
export function refuse(failure: Failure): never {
  throw new Refusal(failure);
}

/** Turns the errors a command expects into a Failure; anything else is a bug and is re-thrown. */
export function expectedFailure(err: unknown): Failure {
  if (err instanceof Refusal) return err.failure;
  if (err instanceof ForbiddenError) return fail(err.permission === "signed-in" ? "signedOut" : "forbidden");
  throw err;
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
