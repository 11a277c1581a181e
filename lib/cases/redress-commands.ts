import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { redressItems, victims } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit } from "@/lib/audit/record";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { lockCase } from "./access";
import { staleFailure } from "./commands";
import { nextRedressStatuses } from "./lifecycle";
import { redressInput, redressStatusInput } from "./lifecycle-schemas";
import { personOf } from "./stage-commands";
import type { RedressStatus } from "./vocabulary";

/** The names of the beneficiaries (for the trail), or null if any is not a victim of the case. */
async function beneficiaryNames(tx: Tx, caseId: string, ids: string[]): Promise<string[] | null> {
  if (ids.length === 0) return [];
  const found = await tx
    .select({ nameLatin: victims.nameLatin, nameAr: victims.nameAr })
    .from(victims)
    .where(and(eq(victims.caseId, caseId), inArray(victims.id, ids)));
  return found.length === ids.length ? found.map((v) => [v.nameLatin, v.nameAr].filter(Boolean).join(" · ")) : null;
}

/** Adds a redress item, requested, to a case in redress; its beneficiaries are victims of the case. */
export async function addRedressItem(db: Db, by: Principal | null, caseId: string, input: unknown): Promise<Result<{ id: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-redress");
    const parsed = redressInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const v = { ...parsed.data, beneficiaryIds: [...new Set(parsed.data.beneficiaryIds)] };
    return await db.transaction(async (tx) => {
      const current = await lockCase(tx, caseId);
      if (!current) return fail("notFound");
      if (current.stage !== "redress") return fail("redressOnlyInRedress");
      const beneficiaries = await beneficiaryNames(tx, caseId, v.beneficiaryIds);
      if (!beneficiaries) return fail("invalidInput", { beneficiaryIds: ["notOfThisCase"] });
      const [row] = await tx
        .insert(redressItems)
        .values({ ...v, status: "requested", caseId, createdBy: person.id })
        .returning({ id: redressItems.id });
      await recordAudit(tx, {
        actor: person,
        action: "redress.added",
        entityType: "redress",
        entityId: row.id,
        caseId,
        changes: diff({}, { ...v, beneficiaryIds: undefined, beneficiaryNames: beneficiaries, status: "requested" }),
      });
      return ok({ id: row.id });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

const dateColumn: Record<RedressStatus, "requestedOn" | "offeredOn" | "acceptedOn" | "settledOn"> = {
  requested: "requestedOn",
  offered: "offeredOn",
  accepted: "acceptedOn",
  delivered: "settledOn",
  refused: "settledOn",
  denied: "settledOn",
};

/** Moves a redress item to its next status (lib/cases/lifecycle.ts says which), with the day it happened. */
export async function changeRedressStatus(db: Db, by: Principal | null, itemId: string, input: unknown): Promise<Result<{ version: number; caseId: string }>> {
  try {
    const person = personOf(by);
    authorize(person, "case:record-redress");
    const parsed = redressStatusInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const v = parsed.data;
    if (!isUuid(itemId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [item] = await tx.select().from(redressItems).where(eq(redressItems.id, itemId));
      const current = item && (await lockCase(tx, item.caseId));
      if (!item || !current) return fail("notFound");
      const [locked] = await tx.select().from(redressItems).where(eq(redressItems.id, itemId)).for("update");
      if (current.stage !== "redress") return fail("redressOnlyInRedress");
      if (locked.version !== v.version) return staleFailure(tx, { updatedBy: person.id, updatedAt: locked.updatedAt, version: locked.version });
      if (!nextRedressStatuses(locked.status).includes(v.status)) {
        return fail("invalidInput", { status: ["redressStatusNotNext"] });
      }
      const earlier = [locked.requestedOn, locked.offeredOn, locked.acceptedOn].filter((d): d is string => !!d).sort().at(-1);
      if (earlier && v.on < earlier) return fail("invalidInput", { on: ["beforeEarlierStep"] });
      const change = { status: v.status, [dateColumn[v.status]]: v.on };
      const version = locked.version + 1;
      await tx
        .update(redressItems)
        .set({ ...change, version, updatedAt: new Date() })
        .where(eq(redressItems.id, itemId));
      await recordAudit(tx, {
        actor: person,
        action: "redress.statusChanged",
        entityType: "redress",
        entityId: itemId,
        caseId: current.id,
        changes: diff(locked as Record<string, unknown>, change),
        reason: v.reason,
      });
      return ok({ version, caseId: current.id });
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
