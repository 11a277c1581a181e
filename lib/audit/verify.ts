import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/actor";
import { auditEvents, auditVerifications } from "@/db/schema";
import { eventHash, GENESIS, type ChainedContent } from "./chain";
import { readChainBatch, type StoredEvent } from "./chain-read";
import { diff, recordAudit } from "./record";

/** What is wrong with the first broken event: its content (or its own hash) was altered, or the link to the event before it. */
export type ChainProblem = "contentAltered" | "linkBroken" | "notSealed" | "headRewritten";

export type ChainReport =
  | { ok: true; events: number; headId: number | null; headHash: string | null }
  | { ok: false; events: number; brokenId: number; problem: ChainProblem; detail: string };

export type ChainedEvent = Omit<ChainedContent, "prevHash"> & { prevHash: string | null; hash: string | null };

/**
 * Checks events one at a time, in chain order. `contiguous`: the events are the whole chain from its
 * start (a database, an unfiltered export), so each must link to the one before it, the first to
 * GENESIS. Otherwise (a filtered export) only each event's own hash is checked, and the link
 * wherever two consecutive events are neighbours in the chain.
 */
export class ChainVerifier {
  private count = 0;
  private previous: { id: number; hash: string } | null = null;
  private failure: Extract<ChainReport, { ok: false }> | null = null;

  constructor(private readonly contiguous: boolean) {}

  /** False once a problem is found (the rest is not checked: the first broken link is the finding). */
  add(event: ChainedEvent): boolean {
    if (this.failure) return false;
    const fail = (problem: ChainProblem, detail: string) => {
      this.failure = { ok: false, events: this.count, brokenId: event.id, problem, detail };
      return false;
    };
    if (!event.hash || !event.prevHash) return fail("notSealed", `event ${event.id} has no hash`);
    const computed = eventHash(event as ChainedContent);
    if (computed !== event.hash) {
      return fail("contentAltered", `event ${event.id}: its content does not match its hash (stored ${event.hash}, content hashes to ${computed})`);
    }
    const expectedPrev = this.previous?.hash ?? GENESIS;
    if (this.contiguous && event.prevHash !== expectedPrev) {
      const before = this.previous ? `event ${this.previous.id}'s hash ${this.previous.hash}` : `the chain's start ${GENESIS}`;
      return fail(
        "linkBroken",
        `event ${event.id}: its previous hash ${event.prevHash} is not ${before}: an event before it was removed, inserted, reordered or rewritten`,
      );
    }
    if (this.previous && event.id <= this.previous.id) {
      return fail("linkBroken", `event ${event.id} comes after event ${this.previous.id}: the events are out of order`);
    }
    this.previous = { id: event.id, hash: event.hash };
    this.count += 1;
    return true;
  }

  report(): ChainReport {
    return this.failure ?? { ok: true, events: this.count, headId: this.previous?.id ?? null, headHash: this.previous?.hash ?? null };
  }
}

const BATCH = 5000;

/** Walks the whole chain in the database, in id order, a batch at a time. */
export async function verifyDatabaseChain(db: Db): Promise<ChainReport> {
  const verifier = new ChainVerifier(true);
  const fetchAfter = (after: number) => readChainBatch(db, after, BATCH);
  // The next batch is read while this one is hashed: the database and the hashing overlap.
  let next: Promise<StoredEvent[]> | null = fetchAfter(0);
  while (next) {
    const batch: StoredEvent[] = await next;
    next = batch.length === BATCH ? fetchAfter(batch[batch.length - 1].id) : null;
    for (const event of batch) {
      if (!verifier.add(event)) {
        next?.catch(() => undefined);
        return verifier.report();
      }
    }
  }
  const report = verifier.report();
  if (!report.ok) return report;
  // The head an earlier check reached must still be there with the same hash: this is what catches
  // a rewrite of the last events, which no later event's link would reveal.
  const [last] = await db.select().from(auditVerifications).where(eq(auditVerifications.ok, true)).orderBy(desc(auditVerifications.id)).limit(1);
  if (last?.headId != null) {
    const [seen] = await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, last.headId));
    if (seen?.hash !== last.headHash) {
      return {
        ok: false,
        events: report.events,
        brokenId: last.headId,
        problem: "headRewritten",
        detail: `event ${last.headId} was the head at the check of ${last.at.toISOString()} with hash ${last.headHash}; it is now ${seen ? `hash ${seen.hash}` : "missing"}`,
      };
    }
  }
  return report;
}

/**
 * Verifies the database's chain for someone allowed to read the trail (or the system, from the
 * command line) and records the outcome, shown on the Audit page, with its audit event.
 */
export async function runVerification(db: Db, by: Principal | null): Promise<ChainReport> {
  authorize(by, "audit:read");
  const started = performance.now();
  const report = await verifyDatabaseChain(db);
  const outcome = {
    ok: report.ok,
    events: report.events,
    headId: report.ok ? report.headId : null,
    headHash: report.ok ? report.headHash : null,
    brokenId: report.ok ? null : report.brokenId,
    problem: report.ok ? null : report.problem,
    detail: report.ok ? null : report.detail,
  };
  await db.transaction(async (tx) => {
    await recordAudit(tx, { actor: by, action: "audit.verified", entityType: "audit", changes: diff({}, { ...outcome, headHash: undefined }) });
    // The anchor is this check's own event, the chain's head now: a later rewrite of it is caught too.
    const [head] = await tx.select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    await tx.insert(auditVerifications).values({
      ...outcome,
      headId: report.ok ? head.id : null,
      headHash: report.ok ? head.hash : null,
      byLabel: labelOf(by),
      durationMs: Math.round(performance.now() - started),
    });
  });
  return report;
}

const labelOf = (by: Principal) => (by.kind === "user" ? by.name : by.label);

export async function lastVerification(db: Db, by: Principal | null) {
  authorize(by, "audit:read");
  const [last] = await db.select().from(auditVerifications).orderBy(desc(auditVerifications.id)).limit(1);
  return last ?? null;
}
