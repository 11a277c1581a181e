import { AsyncLocalStorage } from "node:async_hooks";
import { desc, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { auditEvents, type FieldChange } from "@/db/schema";
import type { Principal } from "@/lib/auth/actor";
import { insertRows } from "@/db/insert-rows";
import { rowsOf } from "@/db/rows";
import { eventHash, GENESIS } from "./chain";
import { readChainBatch } from "./chain-read";

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

/** The advisory lock that serialises appends to the chain (the key audit_chain_next() takes too: "auditlog"). */
const CHAIN_LOCK = sql`select pg_advisory_xact_lock(7022907060185653095)`;

const benchmarkWithoutChain = new AsyncLocalStorage<true>();

/** Runs `fn` writing audit events without the chain: for bench/ only, to measure what chaining costs. */
export function withoutChainForBenchmarks<T>(fn: () => Promise<T>): Promise<T> {
  return benchmarkWithoutChain.run(true, fn);
}

/**
 * The one way an audit event is written. Call it with the transaction of the change it records.
 * Appends are serialised by a transaction-scoped advisory lock, taken by audit_chain_next()
 * (migration 0007) with the head's hash, the next id and the time in one round trip: no other writer
 * can append until this transaction commits or rolls back, so concurrent writers never fork the chain.
 */
export async function recordAudit(tx: Executor, event: AuditInput): Promise<void> {
  await recordAudits(tx, [event]);
}

/**
 * Several events appended in order, in a few round trips whatever their number (an import's rows).
 */
export async function recordAudits(tx: Executor, events: AuditInput[]): Promise<void> {
  if (!events.length) return;
  const chain = await openChain(tx, events.length);
  for (let start = 0; start < events.length; start += INSERT_CHUNK) await chain.append(events.slice(start, start + INSERT_CHUNK));
}

/** The place of `count` events at the end of the chain, to be appended in order, a chunk at a time. */
export type OpenChain = { append(events: AuditInput[]): Promise<void> };

/**
 * Takes the chain lock (audit_chain_next(): the head's hash, the next id and the time in one round
 * trip) and draws the rest of `count` ids from the same sequence, which no other writer can draw
 * from for the chain until this transaction ends. The caller then appends exactly `count` events,
 * in as many chunks as it likes (an import builds its events a chunk at a time, never all at once).
 */
export async function openChain(tx: Executor, count: number): Promise<OpenChain> {
  if (benchmarkWithoutChain.getStore()) return { append: (events) => insertRows(tx, auditEvents, events.map(auditValues)) };
  const [next] = await tx
    .select({
      id: sql<string>`next_id::text`,
      headExists: sql<boolean>`head_exists`,
      headHash: sql<string | null>`head_hash`,
      ms: sql<string>`at_ms::text`,
    })
    .from(sql`audit_chain_next()`);
  const ids = [Number(next.id)];
  if (count > 1) {
    const more = await rowsOf<{ id: string }>(tx, sql`select nextval(pg_get_serial_sequence('audit_events', 'id'))::text as id from generate_series(2, ${count})`);
    ids.push(...more.map((r) => Number(r.id)).sort((a, b) => a - b));
  }
  // No hash on an existing head: events from before the chain, sealed now (the lock is already held).
  let prevHash = !next.headExists ? GENESIS : (next.headHash ?? (await sealLegacyEvents(tx)));
  const at = new Date(Number(next.ms));
  let used = 0;
  return {
    async append(events) {
      if (used + events.length > ids.length) throw new Error(`more events appended than the ${ids.length} the chain was opened for`);
      const chained = events.map((event) => {
        const row = { ...auditValues(event), id: ids[used++], at, prevHash };
        const hash = eventHash(row);
        prevHash = hash;
        return { ...row, hash };
      });
      await insertRows(tx, auditEvents, chained);
    },
  };
}

/** Events per insert statement: keeps one statement's JSON to a few megabytes when an import records 100,000. */
export const INSERT_CHUNK = 2_000;

function auditValues(event: AuditInput) {
  const actor = event.actor;
  return {
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
  };
}

/** The hash of the last event (GENESIS before the first), sealing first any event written before the chain existed. */
async function chainHead(tx: Executor): Promise<string> {
  const [head] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  if (!head) return GENESIS;
  return head.hash ?? sealLegacyEvents(tx);
}

/**
 * Gives the events written before the chain existed (no hash yet) their place in it, in id order.
 * The append-only trigger allows exactly this on such events (setting the hash, nothing else).
 * The caller holds the chain lock; returns the new head's hash.
 */
async function sealLegacyEvents(tx: Executor): Promise<string> {
  const [last] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(sql`${auditEvents.hash} is not null`)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  let prevHash = last?.hash ?? GENESIS;
  for (;;) {
    const batch = await readChainBatch(tx, 0, 1000, { unsealedOnly: true });
    if (batch.length === 0) return prevHash;
    for (const e of batch) {
      const hash = eventHash({ ...e, prevHash });
      await tx.execute(sql`update audit_events set prev_hash = ${prevHash}, hash = ${hash} where id = ${e.id}`);
      prevHash = hash;
    }
  }
}

/** Seals events written before the chain existed, under the chain lock (at start, before requests). */
export async function sealAuditChain(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(CHAIN_LOCK);
    await chainHead(tx);
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
