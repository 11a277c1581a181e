import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";

/**
 * Small secrets sealed with a key derived from AUTH_SECRET (AES-256-GCM): readable and unforgeable
 * only by the app, so they can wait in the database (a TOTP key: a stolen backup does not hand out
 * second factors) or travel through the browser (a half-finished sign-in) without the server keeping
 * any state. Each purpose has its own key, so a value sealed for one cannot be passed off as another.
 * Changing AUTH_SECRET makes sealed values unreadable (docs/operations.md).
 */
export type SealPurpose = "totp-secret" | "sign-in-ticket" | "enrolment-ticket";

function keyFor(purpose: SealPurpose, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "civharm-sealed", purpose, 32));
}

export function seal(purpose: SealPurpose, value: unknown, secret = getConfig().authSecret): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The value, or null when the text was not sealed by this app for this purpose (or was altered). */
export function unseal<T>(purpose: SealPurpose, text: unknown, secret = getConfig().authSecret): T | null {
  if (typeof text !== "string" || text.length > 8192) return null;
  const raw = Buffer.from(text, "base64url");
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as T;
  } catch {
    return null;
  }
}

/** A sealed value that stops being accepted after `ttlSeconds`. */
export function sealForAWhile(purpose: SealPurpose, value: object, ttlSeconds: number, now = new Date()): string {
  return seal(purpose, { ...value, exp: now.getTime() + ttlSeconds * 1000 });
}

export function unsealInTime<T extends object>(purpose: SealPurpose, text: unknown, now = new Date()): T | null {
  const value = unseal<T & { exp?: unknown }>(purpose, text);
  if (!value || typeof value.exp !== "number" || value.exp < now.getTime()) return null;
  return value;
}
