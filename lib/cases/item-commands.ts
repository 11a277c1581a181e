import type { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { authorize, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit, removal } from "@/lib/audit/record";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { isUuid } from "@/lib/ids";
import { lockCase } from "./access";
import { assertMayChangeItem, itemBookkeeping, userIdOf } from "./item-access";
import { refreshSearchText } from "./search-index";

type StoredItem = { id: string; caseId: string } & Record<string, unknown>;

/** How one kind of item (victim, source, comment) is stored; everything else is shared. */
export type ItemStore<Input> = {
  entity: "victim" | "source" | "comment";
  schema: z.ZodType<Input>;
  /** Who added an item: only they, or a reviewer or manager, may change or remove it. */
  ownerOf(row: StoredItem): string;
  /** Victims' names are searched with their case. */
  affectsSearch: boolean;
  insert(tx: Tx, values: Input, caseId: string, userId: string): Promise<{ id: string }>;
  lock(tx: Tx, id: string): Promise<StoredItem | undefined>;
  update(tx: Tx, id: string, values: Input): Promise<void>;
  remove(tx: Tx, id: string): Promise<void>;
};

/** Add, change and remove for one kind of item: authorised, validated, in one audited transaction. */
export function itemCommands<Input extends Record<string, unknown>>(store: ItemStore<Input>) {
  const action = (verb: string) => `${store.entity}.${verb}`;

  async function add(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ id: string }>> {
    try {
      authorize(by, "case:contribute");
      const parsed = store.schema.safeParse(input);
      if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
      return await db.transaction(async (tx) => {
        if (!(await lockCase(tx, caseId))) return fail("notFound");
        const { id } = await store.insert(tx, parsed.data, caseId, userIdOf(by));
        if (store.affectsSearch) await refreshSearchText(tx, caseId);
        await recordAudit(tx, { actor: by, action: action("added"), entityType: store.entity, entityId: id, caseId, changes: diff({}, parsed.data) });
        return ok({ id });
      });
    } catch (err) {
      return expectedFailure(err);
    }
  }

  async function change(db: Db, by: Principal | null, id: string, input: unknown): Promise<Result> {
    try {
      authorize(by, "case:contribute");
      const parsed = store.schema.safeParse(input);
      if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
      return await db.transaction(async (tx) => {
        const current = await lockItem(tx, id);
        if (!current) return fail("notFound");
        assertMayChangeItem(by, store.ownerOf(current));
        const changes = diff(current, parsed.data);
        if (Object.keys(changes).length === 0) return ok(undefined);
        await store.update(tx, id, parsed.data);
        if (store.affectsSearch) await refreshSearchText(tx, current.caseId);
        await recordAudit(tx, { actor: by, action: action("updated"), entityType: store.entity, entityId: id, caseId: current.caseId, changes });
        return ok(undefined);
      });
    } catch (err) {
      return expectedFailure(err);
    }
  }

  async function remove(db: Db, by: Principal | null, id: string, reason?: string | null): Promise<Result> {
    try {
      authorize(by, "case:contribute");
      if (reason && reason.length > 500) return fail("invalidInput", { reason: ["tooLong"] });
      return await db.transaction(async (tx) => {
        const current = await lockItem(tx, id);
        if (!current) return fail("notFound");
        assertMayChangeItem(by, store.ownerOf(current));
        await store.remove(tx, id);
        if (store.affectsSearch) await refreshSearchText(tx, current.caseId);
        await recordAudit(tx, {
          actor: by,
          action: action("removed"),
          entityType: store.entity,
          entityId: id,
          caseId: current.caseId,
          changes: removal(current, itemBookkeeping),
          reason: reason?.trim() || null,
        });
        return ok(undefined);
      });
    } catch (err) {
      return expectedFailure(err);
    }
  }

  /** The item and its (live) case, both locked; undefined if either is gone. */
  async function lockItem(tx: Tx, id: string): Promise<StoredItem | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await store.lock(tx, id);
    return row && (await lockCase(tx, row.caseId)) ? row : undefined;
  }

  return { add, change, remove, ownerOf: store.ownerOf };
}
