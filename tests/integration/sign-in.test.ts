import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { setDisabled } from "@/lib/users/commands";
import { systemActor } from "@/lib/auth/actor";
import { addAccount, TEST_PASSWORD } from "../support/accounts";
import { backends } from "../support/databases";
import { auditTrail } from "../support/rows";

const WRONG = "not the right password";
let addresses = 0;
/** A client address no other test uses, so the per-address throttle of one test never touches another. */
const freshAddress = () => `198.51.100.${++addresses}`;

describe.each(backends)("signing in on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  /** Runs `attempt` and returns it with the audit events it wrote. */
  async function withEvents<T>(attempt: () => Promise<T>) {
    const before = (await auditTrail(handle.db)).length;
    const outcome = await attempt();
    return { outcome, events: (await auditTrail(handle.db)).slice(before) };
  }
  const signIn = (email: string, password: string, clientAddress: string | null) =>
    attemptSignIn(handle.db, { email, password, clientAddress });

  it("lets the right password in and records the sign-in", async () => {
    const user = await addAccount(handle.db, "reviewer");
    const address = freshAddress();
    const { outcome, events } = await withEvents(() => signIn(user.email, TEST_PASSWORD, address));
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id, email: user.email, name: user.name, role: "reviewer" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "auth.sign_in",
      actorId: user.id,
      entityType: "user",
      entityId: user.id,
      subject: user.email,
      clientAddress: address,
    });
  });

  it("matches the email whatever its case and surrounding spaces", async () => {
    const user = await addAccount(handle.db, "staff");
    expect(await signIn(`  ${user.email.toUpperCase()} `, TEST_PASSWORD, freshAddress())).toMatchObject({ ok: true, user: { id: user.id } });
  });

  it("refuses a wrong password as invalid and records the failure", async () => {
    const user = await addAccount(handle.db, "staff");
    const { outcome, events } = await withEvents(() => signIn(user.email, WRONG, freshAddress()));
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in_failed", actorId: null, actorLabel: "anonymous", entityId: user.id, subject: user.email });
  });

  it("answers an unknown email exactly as a wrong password", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@example.org`;
    const { outcome, events } = await withEvents(() => signIn(email, TEST_PASSWORD, freshAddress()));
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in_failed", actorId: null, entityId: null, subject: email });
  });

  it("tells a disabled account so only when the password is right", async () => {
    const user = await addAccount(handle.db, "manager");
    await setDisabled(handle.db, systemActor(), { userId: user.id, disabled: true });
    const right = await withEvents(() => signIn(user.email, TEST_PASSWORD, freshAddress()));
    expect(right.outcome).toEqual({ ok: false, reason: "disabled" });
    expect(right.events.map((e) => e.action)).toEqual(["auth.sign_in_failed"]);
    expect(await signIn(user.email, WRONG, freshAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an account after five failures, even with the right password, and records the refusal", async () => {
    const user = await addAccount(handle.db, "staff");
    const address = freshAddress();
    for (let i = 0; i < 4; i++) expect(await signIn(user.email, WRONG, address)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, WRONG, address)).toEqual({ ok: false, reason: "invalid" });

    const { outcome, events } = await withEvents(() => signIn(user.email, TEST_PASSWORD, freshAddress()));
    expect(outcome).toEqual({ ok: false, reason: "throttled" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in_refused", entityId: user.id, subject: user.email });
  });

  it("allows four failures and then the right password", async () => {
    const user = await addAccount(handle.db, "staff");
    const address = freshAddress();
    for (let i = 0; i < 4; i++) await signIn(user.email, WRONG, address);
    expect(await signIn(user.email, TEST_PASSWORD, address)).toMatchObject({ ok: true });
  });

  it("does not count refusals as failures", async () => {
    const user = await addAccount(handle.db, "staff");
    const address = freshAddress();
    for (let i = 0; i < 5; i++) await signIn(user.email, WRONG, address);
    for (let i = 0; i < 3; i++) expect(await signIn(user.email, WRONG, address)).toEqual({ ok: false, reason: "throttled" });

    const trail = (await auditTrail(handle.db)).filter((e) => e.subject === user.email);
    expect(trail.filter((e) => e.action === "auth.sign_in_failed")).toHaveLength(5);
    expect(trail.filter((e) => e.action === "auth.sign_in_refused")).toHaveLength(3);
  });

  it("lets the account in again once 15 minutes have passed", async () => {
    const user = await addAccount(handle.db, "staff");
    for (let i = 0; i < 5; i++) await signIn(user.email, WRONG, freshAddress());
    const input = { email: user.email, password: TEST_PASSWORD, clientAddress: freshAddress() };
    expect(await attemptSignIn(handle.db, input, new Date(Date.now() + 10 * 60_000))).toEqual({ ok: false, reason: "throttled" });
    expect(await attemptSignIn(handle.db, input, new Date(Date.now() + 16 * 60_000))).toMatchObject({ ok: true });
  });

  it("does not lock other accounts signing in from the same address", async () => {
    const victim = await addAccount(handle.db, "staff");
    const colleague = await addAccount(handle.db, "staff");
    const address = freshAddress();
    for (let i = 0; i < 5; i++) await signIn(victim.email, WRONG, address);
    expect(await signIn(victim.email, TEST_PASSWORD, address)).toEqual({ ok: false, reason: "throttled" });
    expect(await signIn(colleague.email, TEST_PASSWORD, address)).toMatchObject({ ok: true, user: { id: colleague.id } });
  });

  it("refuses an address after 50 failures across many emails, but not other addresses", async () => {
    const user = await addAccount(handle.db, "staff");
    const address = freshAddress();
    const guess = (i: number) => signIn(`guess-${i}-${randomUUID().slice(0, 6)}@example.org`, WRONG, address);
    for (let i = 0; i < 49; i++) expect(await guess(i)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, TEST_PASSWORD, address)).toMatchObject({ ok: true });

    expect(await guess(49)).toEqual({ ok: false, reason: "invalid" });
    const { outcome, events } = await withEvents(() => signIn(user.email, TEST_PASSWORD, address));
    expect(outcome).toEqual({ ok: false, reason: "throttled" });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "auth.sign_in_refused", clientAddress: address });
    expect(await signIn(user.email, TEST_PASSWORD, freshAddress())).toMatchObject({ ok: true });
  });
});
