import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { revokedSessions } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { accountOfSession, endSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { setDisabled } from "@/lib/users/commands";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";
import { freshClaim } from "../support/sessions";

const HOUR = 3_600_000;

describe.each(backends)("sessions on $name", (backend) => {
  let handle: DatabaseHandle;
  let person: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    person = await addAccount(handle.db, "staff");
  });
  afterAll(() => handle.close());
  afterEach(() => vi.useRealTimers());

  const signOut = (claim: ReturnType<typeof freshClaim>) =>
    endSession(handle.db, person, { sessionId: claim.sessionId!, signedInAt: claim.signedInAt! });
  const revocationOf = (claim: ReturnType<typeof freshClaim>) =>
    handle.db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, claim.sessionId!));

  it("a signed-out session opens nothing any more, while the same person's other sessions still work", async () => {
    const [here, elsewhere] = [freshClaim(person.id), freshClaim(person.id)];
    expect(await accountOfSession(handle.db, here)).toMatchObject({ id: person.id });
    const before = (await auditEventsWithAction(handle.db, "auth.sign_out")).length;
    await signOut(here);
    expect(await accountOfSession(handle.db, here)).toBeNull();
    expect(await accountOfSession(handle.db, elsewhere)).toMatchObject({ id: person.id });
    expect(await auditEventsWithAction(handle.db, "auth.sign_out")).toHaveLength(before + 1);
    // Signing out twice (two tabs) is harmless.
    await signOut(here);
  });

  it("a sign-in ends after the maximum age however recently it was used, so a purged revocation cannot revive it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedIn = new Date();
    const stolen = freshClaim(person.id, 0, signedIn);
    await signOut(stolen);
    const [kept] = await revocationOf(stolen);
    expect(kept.expiresAt.getTime()).toBe((stolen.signedInAt! + SESSION_MAX_AGE_SECONDS) * 1000);

    // Just before the end the revocation is still there and still refuses the cookie.
    vi.setSystemTime(signedIn.getTime() + SESSION_MAX_AGE_SECONDS * 1000 - 60_000);
    await endSession(handle.db, person, { sessionId: freshClaim(person.id).sessionId!, signedInAt: Math.floor(Date.now() / 1000) });
    expect(await revocationOf(stolen)).toHaveLength(1);
    expect(await accountOfSession(handle.db, stolen)).toBeNull();

    // After it, the next sign-out purges the row, and the cookie is refused by its age alone.
    vi.setSystemTime(signedIn.getTime() + SESSION_MAX_AGE_SECONDS * 1000 + HOUR);
    await endSession(handle.db, person, { sessionId: freshClaim(person.id).sessionId!, signedInAt: Math.floor(Date.now() / 1000) });
    expect(await revocationOf(stolen)).toEqual([]);
    expect(await accountOfSession(handle.db, stolen)).toBeNull();
    // The same age refuses a session never signed out, and one claiming a sign-in in the future.
    expect(await accountOfSession(handle.db, freshClaim(person.id, 0, signedIn))).toBeNull();
    expect(await accountOfSession(handle.db, freshClaim(person.id, 0, new Date(Date.now() + HOUR)))).toBeNull();
    expect(await accountOfSession(handle.db, freshClaim(person.id))).toMatchObject({ id: person.id });
  });

  it("a session without a sign-in id or time (a cookie from before they were kept) opens nothing", async () => {
    const claim = freshClaim(person.id);
    expect(await accountOfSession(handle.db, { ...claim, sessionId: undefined })).toBeNull();
    expect(await accountOfSession(handle.db, { ...claim, signedInAt: undefined })).toBeNull();
  });

  it("a session from before a password reset, or of a disabled account, opens nothing", async () => {
    expect(await accountOfSession(handle.db, freshClaim(person.id, 7))).toBeNull();
    const other = await addAccount(handle.db, "staff");
    await setDisabled(handle.db, systemActor(), { userId: other.id, disabled: true });
    expect(await accountOfSession(handle.db, freshClaim(other.id, 1))).toBeNull();
    expect(await accountOfSession(handle.db, freshClaim(other.id, 0))).toBeNull();
  });
});
