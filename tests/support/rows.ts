import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, users, type AuditEvent, type User } from "@/db/schema";

/** The whole audit trail, oldest first. */
export function auditTrail(db: Db): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).orderBy(asc(auditEvents.id));
}

/** Audit events with one action, oldest first. */
export function auditEventsWithAction(db: Db, action: string): Promise<AuditEvent[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id));
}

/** Every account row, in a stable order. */
export function allUsers(db: Db): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function userById(db: Db, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error(`no user ${id}`);
  return row;
}
