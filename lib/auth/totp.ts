import { createHash, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30 seconds), as every authenticator app
 * reads them, and the recovery codes that stand in for a lost phone.
 */
const PERIOD_SECONDS = 30;
const ISSUER = "Civilian harm cases";

function totpOf(base32Secret: string, label = ""): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(base32Secret) });
}

/** A new 160-bit key, base32 (what an app is given to type in when it cannot scan). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpAddress(base32Secret: string, email: string): string {
  return totpOf(base32Secret, email).toString();
}

/** The code an authenticator shows at `at` (tests, and nothing else, need it). */
export function totpCode(base32Secret: string, at: Date): string {
  return totpOf(base32Secret).generate({ timestamp: at.getTime() });
}

/**
 * The 30-second step a code belongs to, or null if it is not the code of the step before, this one
 * or the next (a phone's clock a little off), or that step was already used (`lastStep`).
 */
export function acceptedStep(base32Secret: string, code: string, lastStep: number | null, at: Date): number | null {
  const token = asciiDigits(code).replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(base32Secret).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Arabic-Indic and Persian digits, as an Arabic keyboard types them, read as 0-9. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k7m2q-x9ht4": 10 characters of a 31-letter alphabet (about 50 bits) each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The stored form of a recovery code: spaces, dashes and case do not matter when it is typed. */
export function recoveryCodeHash(code: string): string {
  const normal = code.toLowerCase().replace(/[\s-]+/g, "");
  return createHash("sha256").update(normal).digest("hex");
}

/** A typed code that could be a recovery code rather than an authenticator's six digits. */
export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{10}$/i.test(code.replace(/[\s-]+/g, ""));
}
