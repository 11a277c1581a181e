import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { revokedSessions } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { accountOfSession, endSession } from "@/lib/auth/sessions";
import { setDisabled } from "@/lib/users/commands";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";

describe.each(backends)("sessions on $name", (backend) => {
  let handle: DatabaseHandle;
  let person: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    person = await addAccount(handle.db, "staff");
  });
  afterAll(() => handle.close());

  const claim = (sessionId: string | undefined, sessionVersion = 0) => ({ userId: person.id, sessionVersion, sessionId });
  const later = () => new Date(Date.now() + 3_600_000);

  it("a signed-out session opens nothing any more, while the same person's other sessions still work", async () => {
    const [here, elsewhere] = [randomUUID(), randomUUID()];
    expect(await accountOfSession(handle.db, claim(here))).toMatchObject({ id: person.id });
    const before = (await auditEventsWithAction(handle.db, "auth.sign_out")).length;
    await endSession(handle.db, person, { sessionId: here, expires: later() });
    expect(await accountOfSession(handle.db, claim(here))).toBeNull();
    expect(await accountOfSession(handle.db, claim(elsewhere))).toMatchObject({ id: person.id });
    expect(await auditEventsWithAction(handle.db, "auth.sign_out")).toHaveLength(before + 1);
    // Signing out twice (two tabs) is harmless.
    await endSession(handle.db, person, { sessionId: here, expires: later() });
  });

  it("forgets revoked sessions once they would have expired anyway", async () => {
    const expired = randomUUID();
    await handle.db.insert(revokedSessions).values({ sessionId: expired, expiresAt: new Date(Date.now() - 1000) });
    await endSession(handle.db, person, { sessionId: randomUUID(), expires: later() });
    expect(await handle.db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, expired))).toEqual([]);
  });

  it("a session from before a password reset, or of a disabled account, opens nothing", async () => {
    expect(await accountOfSession(handle.db, claim(randomUUID(), 7))).toBeNull();
    const other = await addAccount(handle.db, "staff");
    await setDisabled(handle.db, systemActor(), { userId: other.id, disabled: true });
    expect(await accountOfSession(handle.db, { userId: other.id, sessionVersion: 1, sessionId: randomUUID() })).toBeNull();
    expect(await accountOfSession(handle.db, { userId: other.id, sessionVersion: 0, sessionId: randomUUID() })).toBeNull();
  });
});
