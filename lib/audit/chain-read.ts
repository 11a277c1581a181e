import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ChainedContent } from "./chain";
import { rowsOf } from "@/db/rows";

export type StoredEvent = Omit<ChainedContent, "prevHash" | "at"> & { at: string; prevHash: string | null; hash: string | null };

/**
 * A batch of events in chain (id) order, read the way every hash is computed and checked: the time
 * as ISO 8601 UTC text to the millisecond, straight from the database (no date parsing on either
 * side, so sealing and checking can never disagree on a time), the changes parsed from JSON.
 */
export async function readChainBatch(db: Executor, after: number, limit: number, { unsealedOnly = false } = {}): Promise<StoredEvent[]> {
  // Columns under the names the hash uses, so the rows serve as they come (no copy per event: a check
  // reads millions).
  return rowsOf<StoredEvent>(
    db,
    sql`
    select id::float8 as "id", to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "at", actor_id as "actorId",
           actor_label as "actorLabel", action, entity_type as "entityType", entity_id as "entityId", case_id as "caseId", subject,
           client_address as "clientAddress", changes, reason, prev_hash as "prevHash", hash
    from audit_events
    where id > ${after} ${unsealedOnly ? sql`and hash is null` : sql``}
    order by audit_events.id limit ${limit}`,
  );
}
