import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, users, type Role } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  /** Signs in with an authenticator as well as the password. */
  twoFactor: boolean;
  createdAt: Date;
};

const summaryColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabledAt: users.disabledAt,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
};

function toSummary(row: { disabledAt: Date | null; totpEnabledAt: Date | null } & Omit<UserSummary, "disabled" | "twoFactor">): UserSummary {
  const { disabledAt, totpEnabledAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null, twoFactor: totpEnabledAt !== null };
}

export async function listUsers(db: Db, by: Principal | null): Promise<UserSummary[]> {
  authorize(by, "user:manage");
  const rows = await db.select(summaryColumns).from(users).orderBy(asc(users.name), asc(users.email));
  return rows.map(toSummary);
}

export type AccountEvent = { id: number; at: Date; actorLabel: string; action: string };

export async function getUserWithHistory(
  db: Db,
  by: Principal | null,
  id: string,
): Promise<{ user: UserSummary; events: AccountEvent[] } | null> {
  authorize(by, "user:manage");
  if (!isUuid(id)) return null;
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, id));
  if (!row) return null;
  const events = await db
    .select({ id: auditEvents.id, at: auditEvents.at, actorLabel: auditEvents.actorLabel, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, id)))
    .orderBy(desc(auditEvents.id))
    .limit(50);
  return { user: toSummary(row), events };
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}
