import type { Role } from "./roles";

/**
 * Who may do what, by role (DOMAIN.md, "Roles"). The single source for every check on the server
 * and for what the interface offers. Admins manage accounts and nothing else is implied.
 */
export const permissionTable = {
  "case:read": ["staff", "reviewer", "manager", "admin"],
  "case:create": ["staff", "reviewer", "manager"],
  /** Staff edit cases they filed while those are still in submission. */
  "case:edit-own-submission": ["staff", "reviewer", "manager"],
  "case:edit-any": ["reviewer", "manager"],
  /** Add sources, victims, evidence and comments to any case the actor can see. */
  "case:contribute": ["staff", "reviewer", "manager"],
  "case:assess": ["reviewer", "manager"],
  "case:move-stage": ["reviewer", "manager"],
  "case:record-response": ["reviewer", "manager"],
  "case:record-redress": ["reviewer", "manager"],
  "case:link-duplicate": ["reviewer", "manager"],
  "case:reopen": ["reviewer", "manager"],
  "case:assign": ["manager"],
  /** Bring in allegations from another register's file (lib/import). */
  "case:import": ["reviewer", "manager"],
  "summary:read": ["manager"],
  /** Exports fit for publication: no confidential identity, no internal text. */
  "summary:export": ["manager"],
  /** Exports with confidential identities and internal text, for the organisation only. */
  "summary:export-internal": ["manager"],
  "audit:read": ["manager", "admin"],
  "user:manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionTable;

export function roleHas(role: Role, permission: Permission): boolean {
  return (permissionTable[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissionTable) as Permission[]).filter((p) => roleHas(role, p));
}
