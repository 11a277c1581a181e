import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { recoveryCodes, users } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { accountOfSession } from "@/lib/auth/sessions";
import { attemptSignIn, completeSignIn } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import {
  disableTwoFactor,
  enableTwoFactor,
  renewRecoveryCodes,
  resetTwoFactor,
  setTwoFactorRequirement,
  startEnrolment,
  twoFactorOverview,
} from "@/lib/auth/two-factor";
import { resetPassword } from "@/lib/users/commands";
import { addAccount, TEST_PASSWORD } from "../support/accounts";
import { backends } from "../support/databases";
import { freshClaim } from "../support/sessions";
import { auditEventsWithAction, auditTrail, userById } from "../support/rows";

const STEP = 30_000;
let addresses = 0;
const freshAddress = () => `203.0.113.${++addresses}`;

describe.each(backends)("two-factor sign-in on $name", (backend) => {
  let handle: DatabaseHandle;
  let admin: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    admin = await addAccount(handle.db, "admin");
  });
  afterAll(() => handle.close());

  /** Turns two-factor sign-in on for `person` through the account page's command; returns their key and codes. */
  async function withAuthenticator(person: Actor, at = new Date()) {
    const enrolment = await startEnrolment(handle.db, person);
    const result = await enableTwoFactor(handle.db, person, { ticket: enrolment.ticket, code: totpCode(enrolment.secret, at), yourPassword: TEST_PASSWORD }, at);
    expect(result).toEqual({ ok: true, value: undefined });
    return enrolment;
  }
  const passwordStep = (person: Actor, at = new Date(), address = freshAddress()) =>
    attemptSignIn(handle.db, { email: person.email, password: TEST_PASSWORD, clientAddress: address }, at);
  async function ticketOf(person: Actor, at = new Date()) {
    const outcome = await passwordStep(person, at);
    if (!outcome.ok) throw new Error(`password refused: ${outcome.reason}`);
    return outcome;
  }
  const codeStep = (ticket: string, code: string, at: Date) => completeSignIn(handle.db, { ticket, code, clientAddress: freshAddress() }, at);

  it("asks an account with an authenticator for its code after the password, and signs it in with the code", async () => {
    const person = await addAccount(handle.db, "staff");
    const { secret } = await withAuthenticator(person);
    const before = (await auditTrail(handle.db)).length;
    const later = new Date(Date.now() + STEP);
    const outcome = await ticketOf(person, later);
    expect(outcome.next).toBe("code");
    expect((await auditTrail(handle.db)).length).toBe(before);

    expect(await codeStep(outcome.ticket, "000000" === totpCode(secret, later) ? "111111" : "000000", later)).toEqual({ ok: false, reason: "wrongCode" });
    const failed = (await auditEventsWithAction(handle.db, "auth.second_factor_failed")).at(-1);
    expect(failed).toMatchObject({ entityId: person.id, subject: person.email, actorId: null });

    expect(await codeStep(outcome.ticket, totpCode(secret, later), later)).toMatchObject({ ok: true, user: { id: person.id } });
    const signIn = (await auditEventsWithAction(handle.db, "auth.sign_in")).at(-1);
    expect(signIn).toMatchObject({ actorId: person.id, reason: "second factor: authenticator" });

    // The same code, read over a shoulder, does not open a second session.
    expect(await codeStep(outcome.ticket, totpCode(secret, later), later)).toEqual({ ok: false, reason: "wrongCode" });
  });

  it("takes each recovery code once, however it is typed, and counts what is left", async () => {
    const person = await addAccount(handle.db, "reviewer");
    const { recoveryCodes: codes } = await withAuthenticator(person);
    const { ticket } = await ticketOf(person);
    const now = new Date();
    expect(await codeStep(ticket, ` ${codes[3].toUpperCase()} `, now)).toMatchObject({ ok: true });
    expect((await auditEventsWithAction(handle.db, "auth.sign_in")).at(-1)).toMatchObject({ reason: "second factor: recovery code" });
    expect(await codeStep(ticket, codes[3], now)).toEqual({ ok: false, reason: "wrongCode" });
    expect(await twoFactorOverview(handle.db, person)).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
  });

  it("counts wrong codes towards the sign-in throttle", async () => {
    const person = await addAccount(handle.db, "staff");
    const { secret } = await withAuthenticator(person);
    const at = new Date(Date.now() + STEP);
    const { ticket } = await ticketOf(person, at);
    const wrong = totpCode(secret, at) === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) expect(await codeStep(ticket, wrong, at)).toEqual({ ok: false, reason: "wrongCode" });
    expect(await codeStep(ticket, totpCode(secret, at), at)).toEqual({ ok: false, reason: "throttled" });
    expect(await passwordStep(person, at)).toEqual({ ok: false, reason: "throttled" });
  });

  it("pauses a guesser of codes after 5, through 50 tries of authenticator and recovery codes from 50 addresses, spending nothing", async () => {
    const person = await addAccount(handle.db, "staff");
    const { secret, recoveryCodes: codes } = await withAuthenticator(person);
    const at = new Date(Date.now() + STEP);
    const { ticket } = await ticketOf(person, at);
    const right = totpCode(secret, at);
    const wrongTotp = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0");
    const wrongRecovery = (i: number) => [...codes[i % codes.length]].reverse().join("");
    const reasonOf = async (code: string) => {
      const outcome = await codeStep(ticket, code, at);
      return outcome.ok ? "signed in" : outcome.reason;
    };
    const reasons: string[] = [];
    for (let i = 0; i < 50; i++) reasons.push(await reasonOf(i % 2 ? wrongRecovery(i) : wrongTotp(i)));
    expect(reasons).toEqual([...Array(5).fill("wrongCode"), ...Array(45).fill("throttled")]);
    // Past the fifth, even the right codes are refused, and a refused recovery code is not spent.
    expect([await reasonOf(right), await reasonOf(codes[0])]).toEqual(["throttled", "throttled"]);
    expect(await twoFactorOverview(handle.db, person)).toMatchObject({ recoveryCodesLeft: 10 });
    expect((await auditEventsWithAction(handle.db, "auth.second_factor_failed")).filter((e) => e.entityId === person.id)).toHaveLength(5);

    // Once the pause is over, the person signs in with a recovery code.
    const after = new Date(at.getTime() + 31 * 60_000);
    const { ticket: later } = await ticketOf(person, after);
    expect(await codeStep(later, codes[0], after)).toMatchObject({ ok: true, user: { id: person.id } });
  });

  it("refuses a ticket that was altered, has lapsed, or predates a password reset", async () => {
    const person = await addAccount(handle.db, "staff");
    const { secret } = await withAuthenticator(person);
    const at = new Date(Date.now() + STEP);
    const { ticket } = await ticketOf(person, at);
    const altered = ticket.slice(0, -2) + (ticket.endsWith("A") ? "BB" : "AA");
    expect(await codeStep(altered, totpCode(secret, at), at)).toEqual({ ok: false, reason: "expired" });
    const lapsed = new Date(at.getTime() + 6 * 60_000);
    expect(await codeStep(ticket, totpCode(secret, lapsed), lapsed)).toEqual({ ok: false, reason: "expired" });
    expect(await resetPassword(handle.db, systemActor(), { userId: person.id, password: "a completely new passphrase 42" })).toMatchObject({ ok: true });
    expect(await codeStep(ticket, totpCode(secret, at), at)).toEqual({ ok: false, reason: "expired" });
  });

  it("turns on only with the right password and a working code, and keeps the key sealed", async () => {
    const person = await addAccount(handle.db, "manager");
    const other = await addAccount(handle.db, "manager");
    const enrolment = await startEnrolment(handle.db, person);
    const code = totpCode(enrolment.secret, new Date());
    expect(await enableTwoFactor(handle.db, person, { ticket: enrolment.ticket, code, yourPassword: "wrong" })).toEqual({
      ok: false,
      error: "invalidInput",
      fieldErrors: { yourPassword: ["wrongPassword"] },
      params: undefined,
    });
    const wrongCode = code === "000000" ? "999999" : "000000";
    expect(await enableTwoFactor(handle.db, person, { ticket: enrolment.ticket, code: wrongCode, yourPassword: TEST_PASSWORD })).toMatchObject({ fieldErrors: { code: ["wrongCode"] } });
    expect(await enableTwoFactor(handle.db, other, { ticket: enrolment.ticket, code, yourPassword: TEST_PASSWORD })).toMatchObject({ error: "enrolmentExpired" });
    expect(await userById(handle.db, person.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null });

    expect(await enableTwoFactor(handle.db, person, { ticket: enrolment.ticket, code, yourPassword: TEST_PASSWORD })).toMatchObject({ ok: true });
    const row = await userById(handle.db, person.id);
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpSecret).not.toContain(enrolment.secret);
    const stored = await handle.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    expect(stored).toHaveLength(10);
    for (const c of enrolment.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(c);
    expect((await auditEventsWithAction(handle.db, "user.two_factor_enabled")).at(-1)).toMatchObject({ actorId: person.id, entityId: person.id });
    expect(await enableTwoFactor(handle.db, person, { ticket: enrolment.ticket, code, yourPassword: TEST_PASSWORD })).toMatchObject({ error: "twoFactorAlreadyOn" });
  });

  it("new recovery codes replace the old ones", async () => {
    const person = await addAccount(handle.db, "staff");
    const { recoveryCodes: old } = await withAuthenticator(person);
    const renewed = await renewRecoveryCodes(handle.db, person, { yourPassword: TEST_PASSWORD });
    if (!renewed.ok) throw new Error(renewed.error);
    const { ticket } = await ticketOf(person);
    expect(await codeStep(ticket, old[0], new Date())).toEqual({ ok: false, reason: "wrongCode" });
    expect(await codeStep(ticket, renewed.value.codes[0], new Date())).toMatchObject({ ok: true });
    expect(await renewRecoveryCodes(handle.db, await addAccount(handle.db, "staff"), { yourPassword: TEST_PASSWORD })).toMatchObject({ error: "twoFactorOff" });
  });

  it("turns off with the password and a code, after which the password is enough", async () => {
    const person = await addAccount(handle.db, "staff");
    const { secret } = await withAuthenticator(person);
    const later = new Date(Date.now() + STEP);
    expect(await disableTwoFactor(handle.db, person, { code: totpCode(secret, later), yourPassword: "wrong" }, later)).toMatchObject({ fieldErrors: { yourPassword: ["wrongPassword"] } });
    expect(await disableTwoFactor(handle.db, person, { code: "", yourPassword: TEST_PASSWORD }, later)).toMatchObject({ fieldErrors: { code: ["required"] } });
    expect(await disableTwoFactor(handle.db, person, { code: totpCode(secret, later), yourPassword: TEST_PASSWORD }, later)).toMatchObject({ ok: true });
    expect(await userById(handle.db, person.id)).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect((await ticketOf(person)).next).toBe("session");
  });

  it("an admin removes a lost second factor: the person's sessions end and the password is enough again", async () => {
    const person = await addAccount(handle.db, "staff");
    await withAuthenticator(person);
    const staff = await addAccount(handle.db, "staff");
    expect(await resetTwoFactor(handle.db, staff, { userId: person.id, yourPassword: TEST_PASSWORD })).toEqual({ ok: false, error: "forbidden", fieldErrors: undefined, params: undefined });
    expect(await resetTwoFactor(handle.db, admin, { userId: person.id })).toMatchObject({ fieldErrors: { yourPassword: ["required"] } });
    expect(await resetTwoFactor(handle.db, admin, { userId: person.id, yourPassword: TEST_PASSWORD })).toMatchObject({ ok: true });
    const row = await userById(handle.db, person.id);
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 1 });
    expect(await accountOfSession(handle.db, freshClaim(person.id, 0))).toBeNull();
    expect((await auditEventsWithAction(handle.db, "user.two_factor_reset")).at(-1)).toMatchObject({ actorId: admin.id, entityId: person.id });
    expect((await ticketOf(person)).next).toBe("session");
  });

  // Last: once required, every later account in this database must set up a second factor.
  it("an admin requires it of everyone: sessions without it end, and the next sign-in sets it up", async () => {
    const staff = await addAccount(handle.db, "staff");
    expect(await setTwoFactorRequirement(handle.db, staff, { required: "true", yourPassword: TEST_PASSWORD })).toMatchObject({ error: "forbidden" });
    expect(await setTwoFactorRequirement(handle.db, admin, { required: "true", yourPassword: TEST_PASSWORD })).toMatchObject({ error: "twoFactorNeededFirst" });
    expect(await accountOfSession(handle.db, freshClaim(staff.id, 0))).toMatchObject({ id: staff.id });

    const { secret: adminSecret } = await withAuthenticator(admin);
    expect(await setTwoFactorRequirement(handle.db, admin, { required: "true", yourPassword: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect((await auditEventsWithAction(handle.db, "settings.two_factor_requirement_changed")).at(-1)).toMatchObject({
      actorId: admin.id,
      changes: { requireTwoFactor: { from: false, to: true } },
    });
    expect(await accountOfSession(handle.db, freshClaim(staff.id, 0))).toBeNull();
    expect(await accountOfSession(handle.db, freshClaim(admin.id, 0))).toMatchObject({ id: admin.id });

    const outcome = await ticketOf(staff);
    expect(outcome.next).toBe("enrol");
    const enrolment = await startEnrolment(handle.db, staff);
    // The password's ticket does not stand in for an enrolment.
    expect(await codeStep(outcome.ticket, totpCode(enrolment.secret, new Date()), new Date())).toEqual({ ok: false, reason: "wrongCode" });
    expect(await codeStep(enrolment.ticket, totpCode(enrolment.secret, new Date()), new Date())).toMatchObject({ ok: true, user: { id: staff.id } });
    expect((await auditEventsWithAction(handle.db, "user.two_factor_enabled")).at(-1)).toMatchObject({ actorId: staff.id, reason: "set up at sign-in" });
    expect(await accountOfSession(handle.db, freshClaim(staff.id, 0))).toMatchObject({ id: staff.id });
    expect(await twoFactorOverview(handle.db, staff)).toMatchObject({ enabled: true, recoveryCodesLeft: 10, required: true });

    const later = new Date(Date.now() + STEP);
    expect(await disableTwoFactor(handle.db, admin, { code: totpCode(adminSecret, later), yourPassword: TEST_PASSWORD }, later)).toMatchObject({ error: "twoFactorRequiredByOrganisation" });
    expect(await setTwoFactorRequirement(handle.db, admin, { required: "false", yourPassword: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await handle.db.select({ id: users.id }).from(users).where(eq(users.id, staff.id))).toHaveLength(1);
  });
});
