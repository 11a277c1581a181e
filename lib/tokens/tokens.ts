import { createHash, randomBytes } from "node:crypto";
import { and, count, desc, eq, gt, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiTokens, users } from "@/db/schema";
import { signedInPerson, type Actor, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";

/**
 * Personal API tokens: `cht_` and 32 random bytes in base64url. Shown once when made; the database
 * keeps only the SHA-256 of the token (a 256-bit random secret cannot be guessed, so a slow hash
 * would add nothing) and its first characters to recognise it by.
 */
export const TOKEN_PREFIX = "cht_";
const TOKEN_PATTERN = /^cht_[A-Za-z0-9_-]{43}$/;
/** How much of the token the account page shows: the marker and six characters (36 bits, useless alone). */
const DISPLAY_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;
/** Live (not revoked, not expired) tokens one person may hold at once. */
export const MAX_ACTIVE_TOKENS = 20;
export const MAX_EXPIRY_DAYS = 365;
/** lastUsedAt is written at most this often per token, so a busy script does not write on every call. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, prefix: token.slice(0, DISPLAY_PREFIX_LENGTH), hash: hashToken(token) };
}

/** The token of an `Authorization: Bearer …` header, or null when there is none (any other scheme included). */
export function bearerToken(authorization: string | null): string | null {
  if (!authorization) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
  return match ? match[1] : null;
}

export const createTokenInput = z.object({
  name: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "required" }).min(1, { error: "required" }).max(100, { error: "tooLong" }),
  ),
  /** Days until the token stops working; blank for a token that lasts until revoked. */
  expiresInDays: z.preprocess(
    (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
    z
      .number({ error: "notANumber" })
      .int({ error: "wholeNumber" })
      .min(1, { error: "outOfRange" })
      .max(MAX_EXPIRY_DAYS, { error: "outOfRange" })
      .nullable(),
  ),
});

const revokeTokenInput = z.object({ tokenId: z.string().refine(isUuid, { error: "invalid" }) });

const live = (now: Date) => and(isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)));

export type CreatedToken = { id: string; name: string; prefix: string; expiresAt: Date | null; token: string };

/** Makes a token for the signed-in person. The token itself is in the result and nowhere else, ever. */
export async function createToken(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result<CreatedToken>> {
  try {
    const actor = signedInPerson(by);
    const parsed = createTokenInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { name, expiresInDays } = parsed.data;
    const expiresAt = expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * DAY_MS);
    const { token, prefix, hash } = generateToken();
    return await db.transaction(async (tx) => {
      // Locks the account row: two requests at once cannot both slip under the limit.
      const [user] = await tx.select().from(users).where(eq(users.id, actor.id)).for("update");
      if (!user || user.disabledAt) return fail("signedOut");
      const [{ active }] = await tx
        .select({ active: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, actor.id), live(now)));
      if (active >= MAX_ACTIVE_TOKENS) return fail("tooManyTokens", undefined, { max: String(MAX_ACTIVE_TOKENS) });
      const [row] = await tx
        .insert(apiTokens)
        .values({ userId: actor.id, name, prefix, tokenHash: hash, sessionVersion: user.sessionVersion, createdAt: now, expiresAt })
        .returning({ id: apiTokens.id });
      await recordAudit(tx, {
        actor,
        action: "token.created",
        entityType: "api_token",
        entityId: row.id,
        changes: {
          name: { from: null, to: name },
          prefix: { from: null, to: prefix },
          expiresAt: { from: null, to: expiresAt?.toISOString() ?? null },
        },
      });
      return ok({ id: row.id, name, prefix, expiresAt, token });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Revokes one of the person's own tokens; someone else's is "not found". Revoking twice changes nothing. */
export async function revokeToken(db: Db, by: Principal | null, input: unknown, now = new Date()): Promise<Result> {
  try {
    const actor = signedInPerson(by);
    const parsed = revokeTokenInput.safeParse(input);
    if (!parsed.success) return fail("notFound");
    const { tokenId } = parsed.data;
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id)))
        .for("update");
      if (!row) return fail("notFound");
      if (row.revokedAt) return ok(undefined);
      await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
      await recordAudit(tx, {
        actor,
        action: "token.revoked",
        entityType: "api_token",
        entityId: tokenId,
        changes: { revokedAt: { from: null, to: now.toISOString() } },
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

export type TokenStatus = "active" | "revoked" | "expired" | "ended";

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** "ended": the account's sessions were ended (password reset, account disabled) after it was made. */
  status: TokenStatus;
};

/** The signed-in person's own tokens, newest first (the last hundred). Never the token or its hash. */
export async function listTokens(db: Db, by: Principal | null, now = new Date()): Promise<TokenSummary[]> {
  const actor = signedInPerson(by);
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      tokenSessionVersion: apiTokens.sessionVersion,
      userSessionVersion: users.sessionVersion,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.userId, actor.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(100);
  return rows.map(({ tokenSessionVersion, userSessionVersion, ...row }) => ({
    ...row,
    status: row.revokedAt
      ? "revoked"
      : row.expiresAt && row.expiresAt <= now
        ? "expired"
        : tokenSessionVersion !== userSessionVersion
          ? "ended"
          : "active",
  }));
}

/**
 * The person a presented token acts for, re-read from the database on every request: null when the
 * token is malformed, unknown, revoked or expired, or the account is disabled or its sessions were
 * ended since the token was made. The role is the account's current one.
 */
export async function authenticateToken(db: Db, token: string | null, now = new Date()): Promise<Actor | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      tokenSessionVersion: apiTokens.sessionVersion,
      user: users,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const { user } = row;
  if (user.disabledAt || user.sessionVersion !== row.tokenSessionVersion) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Conditional, so concurrent requests in the same minute write it once.
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, threshold))));
  }
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role };
}
