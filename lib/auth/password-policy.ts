import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Message keys under "errors." in the catalogues. */
export type PasswordProblem = "passwordTooShort" | "passwordTooLong" | "passwordCommon" | "passwordContainsEmail";

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

/**
 * At least 12 characters and not a common password. "Common" also catches a common password
 * padded with digits or punctuation ("Password1234!"), and a single character repeated.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const list = commonPasswords();
  if (list.has(lower) || (core.length >= 4 && list.has(core)) || new Set(lower).size <= 2) return "passwordCommon";
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "passwordContainsEmail";
  return null;
}
