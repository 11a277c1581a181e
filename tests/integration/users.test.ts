import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { ForbiddenError, systemActor, type Actor } from "@/lib/auth/actor";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { changeRole, createUser, resetPassword, setDisabled } from "@/lib/users/commands";
import { getUserWithHistory, listUsers } from "@/lib/users/queries";
import { addAccount, TEST_PASSWORD } from "../support/accounts";
import { backends } from "../support/databases";
import { allUsers, auditTrail, userById } from "../support/rows";

const NEW_PASSWORD = "amber lanterns drift upstream";
const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}@example.org`;

describe.each(backends)("account commands on $name", (backend) => {
  let handle: DatabaseHandle;
  let admin: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    admin = await addAccount(handle.db, "admin", { name: "Yusuf Darwish" });
  });
  afterAll(() => handle.close());

  /** Runs `change` and returns the audit events it wrote. */
  async function eventsWrittenBy(change: () => Promise<unknown>) {
    const before = (await auditTrail(handle.db)).length;
    await change();
    return (await auditTrail(handle.db)).slice(before);
  }

  it("creates an account with its email lower-cased, and records exactly one event", async () => {
    const email = uniqueEmail("Amal.Haddad").toUpperCase();
    let id = "";
    const events = await eventsWrittenBy(async () => {
      const result = await createUser(handle.db, admin, { email: `  ${email} `, name: " Amal Haddad ", role: "staff", password: TEST_PASSWORD });
      if (!result.ok) throw new Error(JSON.stringify(result));
      id = result.value.id;
    });

    const row = await userById(handle.db, id);
    expect(row).toMatchObject({ email: email.toLowerCase(), name: "Amal Haddad", role: "staff", disabledAt: null, sessionVersion: 0 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.created",
      actorId: admin.id,
      actorLabel: "Yusuf Darwish",
      entityType: "user",
      entityId: id,
      changes: {
        email: { from: null, to: email.toLowerCase() },
        name: { from: null, to: "Amal Haddad" },
        role: { from: null, to: "staff" },
      },
    });
  });

  it("stores only a hash of the password and never writes either to the trail", async () => {
    const created = await createUser(handle.db, admin, { email: uniqueEmail("hash"), name: "H", role: "staff", password: TEST_PASSWORD });
    if (!created.ok) throw new Error(JSON.stringify(created));
    await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: created.value.id, password: NEW_PASSWORD });

    const row = await userById(handle.db, created.value.id);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const trail = await auditTrail(handle.db);
    const text = JSON.stringify(trail);
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, row.passwordHash]) expect(text).not.toContain(secret);
    const changedFields = trail.flatMap((event) => Object.keys(event.changes ?? {}));
    expect(changedFields.filter((field) => /password/i.test(field))).toEqual([]);
  });

  it("refuses an email already taken, whatever its case, and writes nothing", async () => {
    const taken = await addAccount(handle.db, "staff");
    const usersBefore = await allUsers(handle.db);
    const events = await eventsWrittenBy(async () => {
      const result = await createUser(handle.db, admin, { email: taken.email.toUpperCase(), name: "Twin", role: "reviewer", password: NEW_PASSWORD });
      expect(result).toEqual({ ok: false, error: "invalidInput", fieldErrors: { email: ["emailTaken"] } });
    });
    expect(events).toEqual([]);
    expect(await allUsers(handle.db)).toEqual(usersBefore);
  });

  it("returns every field's problem at once and writes nothing", async () => {
    const usersBefore = await allUsers(handle.db);
    const events = await eventsWrittenBy(async () => {
      const result = await createUser(handle.db, admin, { email: "not-an-email", name: "  ", role: "staff", password: "short" });
      expect(result).toEqual({
        ok: false,
        error: "invalidInput",
        fieldErrors: { email: ["invalidEmail"], name: ["required"], password: ["passwordTooShort"] },
      });
    });
    expect(events).toEqual([]);
    expect(await allUsers(handle.db)).toEqual(usersBefore);
  });

  it("reports the password's problem together with an unknown role", async () => {
    const result = await createUser(handle.db, admin, { email: uniqueEmail("role"), name: "R", role: "superuser", password: "qwerty123456" });
    expect(result).toEqual({ ok: false, error: "invalidInput", fieldErrors: { role: ["invalidRole"], password: ["passwordCommon"] } });
  });

  it("refuses a password containing the email's local part", async () => {
    const result = await createUser(handle.db, admin, {
      email: "layla.nasser@example.org",
      name: "Layla Nasser",
      role: "manager",
      password: "i am layla.nasser, hello",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: ["passwordContainsEmail"] } });
  });

  describe("refuses callers who may not manage accounts, changing nothing", () => {
    const attempts = (target: string) => [
      (by: Actor | null) => createUser(handle.db, by, { email: uniqueEmail("x"), name: "X", role: "admin", password: NEW_PASSWORD }),
      (by: Actor | null) => changeRole(handle.db, by, { yourPassword: TEST_PASSWORD, userId: target, role: "admin" }),
      (by: Actor | null) => setDisabled(handle.db, by, { yourPassword: TEST_PASSWORD, userId: target, disabled: true }),
      (by: Actor | null) => resetPassword(handle.db, by, { yourPassword: TEST_PASSWORD, userId: target, password: NEW_PASSWORD }),
    ];

    it.each(["staff", "reviewer", "manager"] as const)("a %s gets forbidden", async (role) => {
      const caller = await addAccount(handle.db, role);
      const target = await addAccount(handle.db, "staff");
      const usersBefore = await allUsers(handle.db);
      const events = await eventsWrittenBy(async () => {
        for (const attempt of attempts(target.id)) expect(await attempt(caller)).toEqual({ ok: false, error: "forbidden" });
      });
      expect(events).toEqual([]);
      expect(await allUsers(handle.db)).toEqual(usersBefore);
    });

    it("a caller who is not signed in gets signedOut", async () => {
      const target = await addAccount(handle.db, "staff");
      const usersBefore = await allUsers(handle.db);
      const events = await eventsWrittenBy(async () => {
        for (const attempt of attempts(target.id)) expect(await attempt(null)).toEqual({ ok: false, error: "signedOut" });
      });
      expect(events).toEqual([]);
      expect(await allUsers(handle.db)).toEqual(usersBefore);
    });

    it("the account queries throw ForbiddenError for them", async () => {
      const manager = await addAccount(handle.db, "manager");
      await expect(listUsers(handle.db, manager)).rejects.toThrow(ForbiddenError);
      await expect(getUserWithHistory(handle.db, manager, admin.id)).rejects.toThrow(ForbiddenError);
      await expect(listUsers(handle.db, null)).rejects.toThrow(ForbiddenError);
    });
  });

  it("asks the admin's own password again before a role change, disabling or a password reset", async () => {
    const target = await addAccount(handle.db, "staff");
    const changes = [
      (extra: object) => changeRole(handle.db, admin, { userId: target.id, role: "manager", ...extra }),
      (extra: object) => setDisabled(handle.db, admin, { userId: target.id, disabled: true, ...extra }),
      (extra: object) => resetPassword(handle.db, admin, { userId: target.id, password: "an entirely new passphrase 7", ...extra }),
    ];
    for (const change of changes) {
      const failuresBefore = (await auditTrail(handle.db)).filter((e) => e.action === "auth.reauthentication_failed").length;
      expect(await change({})).toEqual({ ok: false, error: "invalidInput", fieldErrors: { yourPassword: ["required"] } });
      expect(await change({ yourPassword: "not my password at all" })).toEqual({ ok: false, error: "invalidInput", fieldErrors: { yourPassword: ["wrongPassword"] } });
      const failures = (await auditTrail(handle.db)).filter((e) => e.action === "auth.reauthentication_failed");
      expect(failures).toHaveLength(failuresBefore + 1);
      expect(failures.at(-1)).toMatchObject({ actorId: admin.id });
    }
    // Nothing changed: the person is still staff, enabled, and signs in with the old password.
    expect(await userById(handle.db, target.id)).toMatchObject({ role: "staff", disabledAt: null });
    expect(await attemptSignIn(handle.db, { email: target.email, password: TEST_PASSWORD, clientAddress: null })).toMatchObject({ ok: true });
    // The command line (an operator on the server) is not asked.
    expect(await changeRole(handle.db, systemActor(), { userId: target.id, role: "reviewer" })).toMatchObject({ ok: true });
  });

  it("changes a role and records from what to what", async () => {
    const target = await addAccount(handle.db, "staff");
    const events = await eventsWrittenBy(async () => {
      expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, role: "reviewer" })).toEqual({ ok: true, value: undefined });
    });
    expect((await userById(handle.db, target.id)).role).toBe("reviewer");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "user.role_changed",
      actorId: admin.id,
      entityId: target.id,
      changes: { role: { from: "staff", to: "reviewer" } },
    });
  });

  it("records nothing when the role is already the one asked for", async () => {
    const target = await addAccount(handle.db, "manager");
    const events = await eventsWrittenBy(async () => {
      expect((await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, role: "manager" })).ok).toBe(true);
    });
    expect(events).toEqual([]);
  });

  it("disables an account, ending its sessions, and enables it again", async () => {
    const target = await addAccount(handle.db, "reviewer");
    const versionBefore = (await userById(handle.db, target.id)).sessionVersion;

    const disabling = await eventsWrittenBy(async () => {
      expect((await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, disabled: true })).ok).toBe(true);
    });
    const disabled = await userById(handle.db, target.id);
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect(disabled.sessionVersion).toBe(versionBefore + 1);
    expect(disabling).toHaveLength(1);
    expect(disabling[0]).toMatchObject({ action: "user.disabled", actorId: admin.id, entityId: target.id, changes: { disabled: { from: false, to: true } } });

    const enabling = await eventsWrittenBy(async () => {
      expect((await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, disabled: false })).ok).toBe(true);
    });
    const enabled = await userById(handle.db, target.id);
    expect(enabled.disabledAt).toBeNull();
    expect(enabled.sessionVersion).toBe(versionBefore + 1);
    expect(enabling).toHaveLength(1);
    expect(enabling[0]).toMatchObject({ action: "user.enabled", entityId: target.id, changes: { disabled: { from: true, to: false } } });
  });

  it("does not let an admin disable their own account", async () => {
    const other = await addAccount(handle.db, "admin");
    const events = await eventsWrittenBy(async () => {
      expect(await setDisabled(handle.db, other, { yourPassword: TEST_PASSWORD, userId: other.id, disabled: true })).toEqual({ ok: false, error: "cannotDisableSelf" });
    });
    expect(events).toEqual([]);
    expect((await userById(handle.db, other.id)).disabledAt).toBeNull();
  });

  it("resets a password: the old one stops working, the new one works, and sessions end", async () => {
    const target = await addAccount(handle.db, "staff");
    const versionBefore = (await userById(handle.db, target.id)).sessionVersion;

    const events = await eventsWrittenBy(async () => {
      expect(await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, password: NEW_PASSWORD })).toEqual({ ok: true, value: undefined });
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.password_reset", actorId: admin.id, entityId: target.id, changes: null });
    expect((await userById(handle.db, target.id)).sessionVersion).toBe(versionBefore + 1);

    const signIn = (password: string) => attemptSignIn(handle.db, { email: target.email, password, clientAddress: "192.0.2.10" });
    expect(await signIn(TEST_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(NEW_PASSWORD)).toMatchObject({ ok: true, user: { id: target.id } });
  });

  it("refuses a weak new password and keeps the old one", async () => {
    const target = await addAccount(handle.db, "staff");
    const before = await userById(handle.db, target.id);
    expect(await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, password: "Password1234!" })).toEqual({
      ok: false,
      error: "invalidInput",
      fieldErrors: { password: ["passwordCommon"] },
    });
    expect(await userById(handle.db, target.id)).toEqual(before);
  });

  it("refuses a new password that contains the account's email", async () => {
    const target = await addAccount(handle.db, "staff", { email: "fatima.hassan@example.org" });
    expect(await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: target.id, password: "my-fatima.hassan-pass" })).toMatchObject({
      ok: false,
      fieldErrors: { password: ["passwordContainsEmail"] },
    });
  });

  it("reports an empty password once, as required", async () => {
    const result = await createUser(handle.db, admin, { email: "empty-pw@example.org", name: "Empty", role: "staff", password: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { password: ["required"] } });
  });

  it("answers notFound for an account that does not exist", async () => {
    const missing = randomUUID();
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: missing, role: "staff" })).toEqual({ ok: false, error: "notFound" });
    expect(await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: missing, disabled: true })).toEqual({ ok: false, error: "notFound" });
    expect(await resetPassword(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: missing, password: NEW_PASSWORD })).toEqual({ ok: false, error: "notFound" });
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: "../etc/passwd", role: "staff" })).toEqual({
      ok: false,
      error: "invalidInput",
      fieldErrors: { userId: ["notFound"] },
    });
  });

  it("lists accounts by name with their state, and shows an account's history newest first", async () => {
    const zed = await addAccount(handle.db, "staff", { name: "Zed Zayed" });
    const abe = await addAccount(handle.db, "reviewer", { name: "Abe Abbas" });
    await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: zed.id, disabled: true });

    const list = await listUsers(handle.db, admin);
    const names = list.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(list.find((u) => u.id === zed.id)).toMatchObject({ email: zed.email, role: "staff", disabled: true });
    expect(list.find((u) => u.id === abe.id)).toMatchObject({ email: abe.email, role: "reviewer", disabled: false });
    expect(list.some((u) => "passwordHash" in u)).toBe(false);

    const history = await getUserWithHistory(handle.db, admin, zed.id);
    expect(history?.user).toMatchObject({ id: zed.id, disabled: true });
    expect(history?.events.map((e) => [e.action, e.actorLabel])).toEqual([
      ["user.disabled", "Yusuf Darwish"],
      ["user.created", "test setup"],
    ]);
    expect(await getUserWithHistory(handle.db, admin, randomUUID())).toBeNull();
    expect(await getUserWithHistory(handle.db, admin, "not-a-uuid")).toBeNull();
  });
});

describe.each(backends)("the last active admin on $name", (backend) => {
  let handle: DatabaseHandle;
  let admin: Actor;
  beforeEach(async () => {
    handle = await backend.open();
    admin = await addAccount(handle.db, "admin");
  });
  afterEach(() => handle.close());

  it("can be neither demoted nor disabled", async () => {
    const before = await allUsers(handle.db);
    const eventsBefore = (await auditTrail(handle.db)).length;
    expect(await changeRole(handle.db, systemActor(), { userId: admin.id, role: "manager" })).toEqual({ ok: false, error: "lastAdmin" });
    expect(await setDisabled(handle.db, systemActor(), { userId: admin.id, disabled: true })).toEqual({ ok: false, error: "lastAdmin" });
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: admin.id, role: "staff" })).toEqual({ ok: false, error: "lastAdmin" });
    expect(await allUsers(handle.db)).toEqual(before);
    expect(await auditTrail(handle.db)).toHaveLength(eventsBefore);
  });

  it("can step down once another active admin exists, but a disabled admin does not count", async () => {
    const second = await addAccount(handle.db, "admin");
    expect((await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: second.id, disabled: true })).ok).toBe(true);
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: admin.id, role: "manager" })).toEqual({ ok: false, error: "lastAdmin" });

    expect((await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: second.id, disabled: false })).ok).toBe(true);
    expect(await changeRole(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: admin.id, role: "manager" })).toEqual({ ok: true, value: undefined });
    expect((await userById(handle.db, admin.id)).role).toBe("manager");
    expect(await setDisabled(handle.db, systemActor(), { userId: second.id, disabled: true })).toEqual({ ok: false, error: "lastAdmin" });
  });
});
