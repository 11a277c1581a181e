import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/** A field's value before and after a change. */
export type FieldChange = { from: unknown; to: unknown };

/**
 * One row per thing that happened: every change to a record, every sign-in, failed sign-in and
 * refusal. Written only through lib/audit/record.ts, in the transaction of the change it describes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system (command line, start-up) and for visitors who are not signed in. */
    actorId: uuid("actor_id").references(() => users.id),
    /** Who acted, as shown in the trail even if the account is renamed: a name, an email, "system". */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    /** The case an event belongs to (the case itself or anything in it), for the case's trail. */
    caseId: uuid("case_id").references(() => cases.id),
    /** For sign-in events: the normalised email that was tried (the throttle counts by it). */
    subject: text("subject"),
    clientAddress: text("client_address"),
    changes: jsonb("changes").$type<Record<string, FieldChange>>(),
    reason: text("reason"),
    /** The previous event's hash (lib/audit/chain.ts GENESIS for the first). */
    prevHash: text("prev_hash"),
    /** SHA-256 of this event's canonical content, previous hash included (lib/audit/chain.ts). */
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_case_idx").on(t.caseId, t.id),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.at),
    index("audit_events_subject_idx").on(t.action, t.subject, t.at),
    index("audit_events_client_idx").on(t.action, t.clientAddress, t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;

/**
 * Each check of the whole chain: when, by whom, the outcome and the head it reached. The next check
 * also confirms that the head recorded here still carries the same hash, so even the last event
 * cannot be rewritten unnoticed once a check has seen it.
 */
export const auditVerifications = pgTable("audit_verifications", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  /** Who asked (a name, or "command line"). */
  byLabel: text("by_label").notNull(),
  ok: boolean("ok").notNull(),
  events: integer("events").notNull(),
  headId: bigint("head_id", { mode: "number" }),
  headHash: text("head_hash"),
  /** The first broken event and what is wrong with it. */
  brokenId: bigint("broken_id", { mode: "number" }),
  problem: text("problem"),
  detail: text("detail"),
  durationMs: integer("duration_ms").notNull(),
});

export type AuditVerification = typeof auditVerifications.$inferSelect;
