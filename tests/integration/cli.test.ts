import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import { enableTwoFactor, startEnrolment } from "@/lib/auth/two-factor";
import { cliTargets, type CliDatabase } from "../support/cli-targets";
import { appliedMigrations, columnsOf, committedMigrations } from "../support/catalog";
import { runScript } from "../support/processes";
import { allUsers, auditTrail } from "../support/rows";

const PASSWORD = "violet tractor hums at dawn";
const createArgs = ["--email", "Ada.Lovelace@Example.org", "--name", "Ada Lovelace", "--role", "admin"];

describe.each(cliTargets)("npm run user:create against $name", (target) => {
  let database: CliDatabase;
  beforeEach(async () => {
    database = await target.prepare();
  });
  afterEach(() => database.dispose());

  it("creates that one account (no demo accounts) with the password from standard input, recorded as the command line", async () => {
    const run = await runScript("scripts/user-create.ts", createArgs, { env: database.env, stdin: `${PASSWORD}\nignored second line\n` });
    expect(run.stderr).not.toContain("Account not created");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Account created: ada.lovelace@example.org (admin).");

    const { db } = await database.open();
    const users = await allUsers(db);
    expect(users.map((u) => [u.email, u.name, u.role])).toEqual([["ada.lovelace@example.org", "Ada Lovelace", "admin"]]);
    const created = (await auditTrail(db)).filter((e) => e.action === "user.created");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actorId: null, actorLabel: "command line", entityId: users[0].id });
    expect(await attemptSignIn(db, { email: "ada.lovelace@example.org", password: PASSWORD, clientAddress: null })).toMatchObject({ ok: true });
  });

  it("refuses a weak password with the policy's message and creates nothing", async () => {
    const run = await runScript("scripts/user-create.ts", createArgs, { env: database.env, stdin: "short\n" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("Account not created.");
    expect(run.stderr).toContain("Use at least 12 characters.");
    expect(run.stdout).not.toContain("Account created");
    const { db } = await database.open();
    expect(await allUsers(db)).toEqual([]);
    expect(await auditTrail(db)).toEqual([]);
  });

  it("npm run user:reset-two-factor removes a locked-out person's second factor, recorded as the command line", async () => {
    expect((await runScript("scripts/user-create.ts", createArgs, { env: database.env, stdin: `${PASSWORD}\n` })).code).toBe(0);
    const opened = await database.open();
    const [admin] = await allUsers(opened.db);
    const actor = { kind: "user" as const, id: admin.id, email: admin.email, name: admin.name, role: admin.role };
    const enrolment = await startEnrolment(opened.db, actor);
    expect(await enableTwoFactor(opened.db, actor, { ticket: enrolment.ticket, code: totpCode(enrolment.secret, new Date()), yourPassword: PASSWORD })).toMatchObject({ ok: true });
    // The embedded folder takes one process at a time: let the command line have it.
    if (opened.target.kind === "embedded") await opened.close();

    const run = await runScript("scripts/user-reset-two-factor.ts", ["--email", " ADA.Lovelace@example.org "], { env: database.env });
    expect(run.stderr).not.toContain("Nothing changed");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Second factor removed for ada.lovelace@example.org");
    const unknown = await runScript("scripts/user-reset-two-factor.ts", ["--email", "nobody@example.org"], { env: database.env });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("No account has the email nobody@example.org.");
    const { db } = await database.open();
    expect((await allUsers(db))[0]).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: 1 });
    expect((await auditTrail(db)).at(-1)).toMatchObject({ action: "user.two_factor_reset", actorId: null, actorLabel: "command line", entityId: admin.id });

  });

  it("npm run db:migrate applies the migrations to an empty database", async () => {
    const run = await runScript("scripts/db-migrate.ts", [], { env: database.env });
    expect(run.stderr).not.toContain("Error");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Migrations applied.");

    const { db } = await database.open();
    expect((await columnsOf(db, "users")).length).toBeGreaterThan(0);
    expect((await columnsOf(db, "audit_events")).length).toBeGreaterThan(0);
    expect(await db.select().from(appliedMigrations)).toHaveLength(committedMigrations.length);
    expect(await allUsers(db)).toEqual([]);
  });
});

describe("npm run user:create, used wrongly", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "civharm-cli-usage-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("prints the usage and exits with 2 when --role is missing, touching no database", async () => {
    const run = await runScript("scripts/user-create.ts", ["--email", "a@example.org", "--name", "A"], {
      env: { DATA_DIR: dataDir },
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--email, --name and --role are all required.");
    expect(run.stderr).toContain("npm run user:create -- --email");
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it("does not take a password on the command line", async () => {
    const run = await runScript("scripts/user-create.ts", [...createArgs, "--password", PASSWORD], {
      env: { DATA_DIR: dataDir },
      stdin: `${PASSWORD}\n`,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--password");
    expect(existsSync(path.join(dataDir, "pglite"))).toBe(false);
  });
});
