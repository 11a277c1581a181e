import type { Executor } from "@/db/client";
import { auditEvents, type FieldChange } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";

export type AuditInput = {
  /** Null when nobody is signed in (a failed sign-in by an unknown visitor). */
  actor: Principal | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  caseId?: string | null;
  subject?: string | null;
  clientAddress?: string | null;
  changes?: Record<string, FieldChange> | null;
  reason?: string | null;
};

/** The one way an audit event is written. Call it with the transaction of the change it records. */
export async function recordAudit(tx: Executor, event: AuditInput): Promise<void> {
  const actor = event.actor;
  await tx.insert(auditEvents).values({
    actorId: actor?.kind === "user" ? actor.id : null,
    actorLabel: actor === null ? "anonymous" : actor.kind === "user" ? actor.name : actor.label,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    caseId: event.caseId ?? null,
    subject: event.subject ?? null,
    clientAddress: event.clientAddress ?? null,
    changes: event.changes ?? null,
    reason: event.reason ?? null,
  });
}

/** The fields whose values differ, as { field: { from, to } }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from: from ?? null, to };
  }
  return changes;
}

/** Every field of a removed record as { from: value, to: null }, so the trail keeps what was removed. */
export function removal(row: Record<string, unknown>, omit: string[] = []): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!omit.includes(key) && value !== null && value !== undefined) changes[key] = { from: value, to: null };
  }
  return changes;
}
