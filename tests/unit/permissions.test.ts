import { describe, expect, it } from "vitest";
import { authorize, can, ForbiddenError, systemActor, type Actor } from "@/lib/auth/actor";
import { permissionsOf, permissionTable, type Permission } from "@/lib/auth/permissions";
import { roleValues, type Role } from "@/lib/auth/roles";

// DOMAIN.md, "Roles", written out independently of lib/auth/permissions.ts.
const staff: Permission[] = ["case:read", "case:create", "case:contribute", "case:edit-own-submission"];
const reviewer: Permission[] = [
  ...staff,
  "case:assess",
  "case:move-stage",
  "case:record-response",
  "case:record-redress",
  "case:link-duplicate",
  "case:reopen",
  "case:edit-any",
  // Issue 16: reviewers and managers bring in other registers' files; staff file one at a time.
  "case:import",
];
const manager: Permission[] = [...reviewer, "case:assign", "summary:read", "summary:export", "summary:export-internal", "audit:read"];
const admin: Permission[] = ["user:manage", "audit:read", "case:read"];
const expected: Record<Role, Permission[]> = { staff, reviewer, manager, admin };

const allPermissions = Object.keys(permissionTable) as Permission[];
const actor = (role: Role): Actor => ({ kind: "user", id: "00000000-0000-4000-8000-000000000001", email: "a@b.org", name: "A", role });

describe("the permission table", () => {
  it("knows exactly the permissions the roles mention", () => {
    const mentioned = new Set(Object.values(expected).flat());
    expect([...allPermissions].sort()).toEqual([...mentioned].sort());
  });

  it.each(roleValues)("gives %s exactly what DOMAIN.md says", (role) => {
    expect([...permissionsOf(role)].sort()).toEqual([...new Set(expected[role])].sort());
  });

  it.each(roleValues)("agrees with can() for every permission of %s", (role) => {
    for (const permission of allPermissions) {
      expect(can(actor(role), permission), `${role} ${permission}`).toBe(expected[role].includes(permission));
    }
  });

  it("lets each of staff, reviewer, manager do everything the one before may", () => {
    const ladder: Role[] = ["staff", "reviewer", "manager"];
    for (let i = 1; i < ladder.length; i++) {
      const wider = permissionsOf(ladder[i]);
      expect(wider).toEqual(expect.arrayContaining(permissionsOf(ladder[i - 1])));
      expect(wider.length).toBeGreaterThan(permissionsOf(ladder[i - 1]).length);
    }
  });

  it("gives only admins account management, and admins no case writes", () => {
    expect(roleValues.filter((role) => can(actor(role), "user:manage"))).toEqual(["admin"]);
    const caseWrites = allPermissions.filter((p) => p.startsWith("case:") && p !== "case:read");
    expect(caseWrites.length).toBeGreaterThan(0);
    for (const permission of caseWrites) expect(can(actor("admin"), permission), permission).toBe(false);
  });
});

describe("can() and authorize()", () => {
  it("gives a caller who is not signed in nothing", () => {
    for (const permission of allPermissions) expect(can(null, permission), permission).toBe(false);
  });

  it("gives the system actor everything", () => {
    for (const permission of allPermissions) expect(can(systemActor("command line"), permission), permission).toBe(true);
  });

  it("throws ForbiddenError naming the permission a role lacks", () => {
    const attempt = () => authorize(actor("staff"), "case:assess");
    expect(attempt).toThrow(ForbiddenError);
    expect(attempt).toThrow(expect.objectContaining({ permission: "case:assess" }));
  });

  it("throws ForbiddenError asking for sign-in when there is no principal", () => {
    expect(() => authorize(null, "case:read")).toThrow(expect.objectContaining({ name: "ForbiddenError", permission: "signed-in" }));
  });

  it("passes silently when the role has the permission", () => {
    expect(() => authorize(actor("admin"), "user:manage")).not.toThrow();
    expect(() => authorize(actor("manager"), "summary:export")).not.toThrow();
    expect(() => authorize(systemActor(), "user:manage")).not.toThrow();
  });
});
