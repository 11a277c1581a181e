import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens, auditEvents } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { changeRole, resetPassword, setDisabled } from "@/lib/users/commands";
import {
  authenticateToken,
  bearerToken,
  createToken,
  listTokens,
  MAX_ACTIVE_TOKENS,
  revokeToken,
  type CreatedToken,
} from "@/lib/tokens/tokens";
import { addAccount, TEST_PASSWORD } from "../support/accounts";
import { backends } from "../support/databases";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe.each(backends)("personal API tokens on $name", (backend) => {
  let handle: DatabaseHandle;
  let staff: Actor;
  let other: Actor;
  let admin: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    other = await addAccount(handle.db, "reviewer", { name: "Karim" });
    admin = await addAccount(handle.db, "admin");
  });
  afterAll(() => handle.close());

  async function made(by: Actor, input: Record<string, unknown> = { name: "script" }, now?: Date): Promise<CreatedToken> {
    const result = await createToken(handle.db, by, input, now);
    if (!result.ok) throw new Error(`token refused: ${JSON.stringify(result)}`);
    return result.value;
  }

  const rowOf = async (id: string) => (await handle.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0];

  it("shows the token once and stores only its SHA-256 and a short prefix", async () => {
    const created = await made(staff, { name: "  Spreadsheet sync ", expiresInDays: "" });
    expect(created.token).toMatch(/^cht_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: "Spreadsheet sync", expiresAt: null, prefix: created.token.slice(0, 10) });
    const row = await rowOf(created.id);
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row.prefix).toBe(created.token.slice(0, 10));
    // Nothing stored holds the token: not the row, not the trail.
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(JSON.stringify(row)).not.toContain(created.token.slice(10));
    const trail = await handle.db.select().from(auditEvents);
    expect(JSON.stringify(trail)).not.toContain(created.token.slice(10));
  });

  it("makes each token different", async () => {
    const a = await made(staff);
    const b = await made(staff);
    expect(a.token).not.toBe(b.token);
  });

  it("records creation and revocation in the audit trail, never the token", async () => {
    const created = await made(staff, { name: "audited", expiresInDays: "30" });
    expect(await revokeToken(handle.db, staff, { tokenId: created.id })).toEqual({ ok: true, value: undefined });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(events.map((e) => [e.action, e.entityType, e.actorId])).toEqual([
      ["token.created", "api_token", staff.id],
      ["token.revoked", "api_token", staff.id],
    ]);
    expect(events[0].changes).toMatchObject({ name: { from: null, to: "audited" }, prefix: { from: null, to: created.prefix } });
    expect(JSON.stringify(events)).not.toContain(created.token.slice(10));
  });

  it("authenticates a live token as its owner, with the owner's current role", async () => {
    const created = await made(other);
    expect(await authenticateToken(handle.db, created.token)).toEqual({ ...other, kind: "user" });
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: other.id, role: "manager" })).toMatchObject({ ok: true });
    expect(await authenticateToken(handle.db, created.token)).toMatchObject({ id: other.id, role: "manager" });
    await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: other.id, role: "reviewer" });
  });

  it("refuses a missing, malformed or unknown token", async () => {
    const created = await made(staff);
    for (const token of [null, "", "cht_", "garbage", `${created.token}x`, created.token.slice(0, -1), `cht_${"A".repeat(43)}`, created.token.toUpperCase()]) {
      expect(await authenticateToken(handle.db, token), String(token)).toBeNull();
    }
  });

  it("stops a revoked token at once, and revoking twice changes nothing", async () => {
    const created = await made(staff);
    expect(await authenticateToken(handle.db, created.token)).not.toBeNull();
    await revokeToken(handle.db, staff, { tokenId: created.id });
    expect(await authenticateToken(handle.db, created.token)).toBeNull();
    expect(await revokeToken(handle.db, staff, { tokenId: created.id })).toMatchObject({ ok: true });
    const revocations = await handle.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id));
    expect(revocations.filter((e) => e.action === "token.revoked")).toHaveLength(1);
  });

  it("lets nobody revoke someone else's token", async () => {
    const created = await made(staff);
    expect(await revokeToken(handle.db, other, { tokenId: created.id })).toMatchObject({ ok: false, error: "notFound" });
    expect(await revokeToken(handle.db, admin, { tokenId: created.id })).toMatchObject({ ok: false, error: "notFound" });
    expect(await revokeToken(handle.db, null, { tokenId: created.id })).toMatchObject({ ok: false, error: "signedOut" });
    expect(await revokeToken(handle.db, staff, { tokenId: "not-a-uuid" })).toMatchObject({ ok: false, error: "notFound" });
    expect((await rowOf(created.id)).revokedAt).toBeNull();
    expect(await authenticateToken(handle.db, created.token)).not.toBeNull();
  });

  it("expires a token after the days asked for", async () => {
    const start = new Date();
    const created = await made(staff, { name: "short", expiresInDays: 2 }, start);
    expect(created.expiresAt?.getTime()).toBe(start.getTime() + 2 * DAY);
    expect(await authenticateToken(handle.db, created.token, new Date(start.getTime() + 2 * DAY - MINUTE))).not.toBeNull();
    expect(await authenticateToken(handle.db, created.token, new Date(start.getTime() + 2 * DAY))).toBeNull();
    const listed = await listTokens(handle.db, staff, new Date(start.getTime() + 3 * DAY));
    expect(listed.find((t) => t.id === created.id)?.status).toBe("expired");
  });

  it("stops the tokens of a disabled account, even once it is re-enabled, and after a password reset", async () => {
    const person = await addAccount(handle.db, "manager");
    const before = await made(person);
    expect(await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: person.id, disabled: true })).toMatchObject({ ok: true });
    expect(await authenticateToken(handle.db, before.token)).toBeNull();
    await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: person.id, disabled: false });
    expect(await authenticateToken(handle.db, before.token)).toBeNull();
    expect((await listTokens(handle.db, person)).find((t) => t.id === before.id)?.status).toBe("ended");

    const after = await made(person);
    expect(await authenticateToken(handle.db, after.token)).not.toBeNull();
    expect(await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: person.id, password: "a brand new passphrase 42" })).toMatchObject({ ok: true });
    expect(await authenticateToken(handle.db, after.token)).toBeNull();
  });

  it("refuses to make a token for a disabled account, or for nobody", async () => {
    const person = await addAccount(handle.db, "staff");
    await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: person.id, disabled: true });
    expect(await createToken(handle.db, person, { name: "x" })).toMatchObject({ ok: false, error: "signedOut" });
    expect(await createToken(handle.db, null, { name: "x" })).toMatchObject({ ok: false, error: "signedOut" });
    expect(await createToken(handle.db, systemActor(), { name: "x" })).toMatchObject({ ok: false, error: "signedOut" });
  });

  it("validates the name and the expiry, reporting every field", async () => {
    const before = await handle.db.select().from(apiTokens);
    const result = await createToken(handle.db, staff, { name: "   ", expiresInDays: "0" });
    expect(result).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { name: ["required"], expiresInDays: ["outOfRange"] } });
    for (const [expiresInDays, code] of [["366", "outOfRange"], ["abc", "notANumber"], ["1.5", "wholeNumber"], [-3, "outOfRange"]] as const) {
      expect(await createToken(handle.db, staff, { name: "x", expiresInDays }), String(expiresInDays)).toMatchObject({
        fieldErrors: { expiresInDays: [code] },
      });
    }
    expect(await createToken(handle.db, staff, { name: "x".repeat(101) })).toMatchObject({ fieldErrors: { name: ["tooLong"] } });
    expect(await handle.db.select().from(apiTokens)).toHaveLength(before.length);
  });

  it("writes lastUsedAt at most once a minute", async () => {
    const created = await made(staff);
    const t0 = new Date(Date.now() + MINUTE);
    await authenticateToken(handle.db, created.token, t0);
    expect((await rowOf(created.id)).lastUsedAt?.getTime()).toBe(t0.getTime());
    await authenticateToken(handle.db, created.token, new Date(t0.getTime() + 30_000));
    expect((await rowOf(created.id)).lastUsedAt?.getTime()).toBe(t0.getTime());
    const t1 = new Date(t0.getTime() + MINUTE + 1);
    await authenticateToken(handle.db, created.token, t1);
    expect((await rowOf(created.id)).lastUsedAt?.getTime()).toBe(t1.getTime());
  });

  it("lists only the person's own tokens, without the token or its hash", async () => {
    const mine = await made(admin, { name: "admin's" });
    const listed = await listTokens(handle.db, admin);
    expect(listed.map((t) => t.id)).toEqual([mine.id]);
    expect(Object.keys(listed[0]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "prefix", "revokedAt", "status"]);
    expect(listed[0]).toMatchObject({ name: "admin's", status: "active", prefix: mine.prefix });
    await expect(listTokens(handle.db, null)).rejects.toThrow();
  });

  it(`allows at most ${MAX_ACTIVE_TOKENS} live tokens per person; a revoked one frees a place`, async () => {
    const person = await addAccount(handle.db, "staff");
    const tokens: CreatedToken[] = [];
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i++) tokens.push(await made(person, { name: `t${i}` }));
    expect(await createToken(handle.db, person, { name: "one too many" })).toMatchObject({ ok: false, error: "tooManyTokens" });
    await revokeToken(handle.db, person, { tokenId: tokens[0].id });
    expect(await createToken(handle.db, person, { name: "now fits" })).toMatchObject({ ok: true });
  });
});

describe("reading the Authorization header", () => {
  it("takes the token of a Bearer header and nothing else", () => {
    expect(bearerToken("Bearer cht_abc")).toBe("cht_abc");
    expect(bearerToken("bearer   cht_abc  ")).toBe("cht_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken("")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
