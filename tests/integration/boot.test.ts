import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { DEMO_PASSWORD, demoAccounts, ensureDemoAccounts } from "@/db/seed/demo-accounts";
import { addAccount } from "../support/accounts";
import { cliTargets, type CliDatabase } from "../support/cli-targets";
import { backends } from "../support/databases";
import { runScript } from "../support/processes";
import { allUsers } from "../support/rows";

const demoEmails = demoAccounts.map((a) => a.email).sort();

describe.each(cliTargets)("starting the server on $name", (target) => {
  let database: CliDatabase;
  beforeEach(async () => {
    database = await target.prepare();
  });
  afterEach(() => database.dispose());

  it(`migrates, and makes the demo accounts only on the embedded default`, async () => {
    const run = await runScript("tests/support/boot-once.ts", [], { env: database.env });
    expect(run.stderr).not.toContain("Error");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("[boot] database ready");

    const { db } = await database.open();
    const emails = (await allUsers(db)).map((u) => u.email);
    expect(emails).toEqual(target.getsDemoAccounts ? demoEmails : []);
  });
});

describe.each(backends)("the demo accounts on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await backend.open();
  });
  afterEach(() => handle.close());

  it("are one per role, sign in with the documented password, and are made only once", async () => {
    expect(await ensureDemoAccounts(handle.db)).toBe(true);
    const users = await allUsers(handle.db);
    expect(users.map((u) => u.role).sort()).toEqual(["admin", "manager", "reviewer", "staff"]);
    const first = demoAccounts[0];
    expect(await attemptSignIn(handle.db, { email: first.email, password: DEMO_PASSWORD, clientAddress: null })).toMatchObject({ ok: true });

    expect(await ensureDemoAccounts(handle.db)).toBe(false);
    expect(await allUsers(handle.db)).toEqual(users);
  });

  it("are never added to a database that already has an account", async () => {
    const admin = await addAccount(handle.db, "admin");
    expect(await ensureDemoAccounts(handle.db)).toBe(false);
    expect((await allUsers(handle.db)).map((u) => u.id)).toEqual([admin.id]);
  });
});
