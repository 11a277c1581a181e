import type { Pool } from "pg";
import { eventHash, GENESIS } from "@/lib/audit/chain";
import type { Row } from "./synthetic-items";

/**
 * Chains the generated audit events as the app would: each gets the next id and the hash of its
 * canonical content over the previous event's hash (lib/audit/chain.ts). The generator is the only
 * writer while it runs, so it hands out the ids itself and moves the sequence on at the end.
 */
export class BenchChain {
  private constructor(
    private nextId: number,
    private prevHash: string,
  ) {}

  static async continuing(pool: Pool): Promise<BenchChain> {
    const [head] = (await pool.query<{ id: string; hash: string | null }>("select id::text, hash from audit_events order by id desc limit 1")).rows;
    if (head && !head.hash) throw new Error("The database holds unsealed audit events: start the app once (it seals them) or use --fresh.");
    return new BenchChain(head ? Number(head.id) + 1 : 1, head?.hash ?? GENESIS);
  }

  seal(events: Row[]): void {
    for (const e of events) {
      const id = this.nextId++;
      const content = {
        id,
        at: e.at as string,
        actorId: (e.actor_id as string | null) ?? null,
        actorLabel: e.actor_label as string,
        action: e.action as string,
        entityType: e.entity_type as string,
        entityId: (e.entity_id as string | null) ?? null,
        caseId: (e.case_id as string | null) ?? null,
        subject: null,
        clientAddress: null,
        changes: e.changes ? JSON.parse(e.changes as string) : null,
        reason: (e.reason as string | null) ?? null,
        prevHash: this.prevHash,
      };
      const hash = eventHash(content);
      Object.assign(e, { id, prev_hash: this.prevHash, hash });
      this.prevHash = hash;
    }
  }

  async finish(pool: Pool): Promise<void> {
    await pool.query("select setval(pg_get_serial_sequence('audit_events', 'id'), $1)", [this.nextId - 1]);
  }
}
