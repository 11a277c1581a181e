import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { importTemplates } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { diff, recordAudit } from "@/lib/audit/record";
import { actorId } from "@/lib/cases/commands";
import { requiredText } from "@/lib/cases/schema-parts";
import { sourceTypes, victimOutcomes } from "@/lib/cases/vocabulary";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { importFields, type ColumnMapping } from "./fields";
import { compact } from "./name-matching";
import { vocabularyLists } from "./lists";
import type { ReadingRules } from "./rows";
import { victimFields } from "./victim-rows";

export type ImportTemplate = { id: string; name: string; headers: string[]; mapping: ColumnMapping; rules: ReadingRules; version: number };

const valueMaps = z.object(
  Object.fromEntries(
    Object.entries(vocabularyLists).map(([list, codes]) => [
      list,
      z.record(z.string().max(500), z.enum(codes as readonly [string, ...string[]], { error: "invalid" })).optional(),
    ]),
  ),
);

/** A column mapping as a person or a client gives it: column numbers to our fields, each field once. */
export const mappingInput = z
  .record(z.string().regex(/^\d{1,3}$/), z.enum(importFields, { error: "invalid" }))
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, { error: "fieldTwice" });

/** A victims sheet's mapping: its column numbers to victim fields, each once. */
const victimMappingInput = z
  .record(z.string().regex(/^\d{1,3}$/), z.enum(victimFields, { error: "invalid" }))
  .refine((m) => new Set(Object.values(m)).size === Object.values(m).length, { error: "fieldTwice" });

/**
 * Reading rules as given: the date order, the file's values mapped to codes of our lists (never new
 * ones), and the workbook's victims sheet with its mapping (guessed from its headers when not given).
 */
export const rulesInput = z.object({
  dateOrder: z.enum(["dmy", "mdy"], { error: "invalid" }),
  values: valueMaps.strict(),
  victims: z.object({ sheet: z.string().min(1).max(200), mapping: victimMappingInput.optional(), file: z.boolean().optional() }).optional(),
  defaults: z
    .object({ victimOutcome: z.enum(victimOutcomes, { error: "invalid" }).optional(), sourceType: z.enum(sourceTypes, { error: "invalid" }).optional() })
    .strict()
    .optional(),
});

/** A template as a person saves it: its name, the file's headers, and a mapping that only names our fields and the file's columns. */
const templateInput = z
  .object({
    name: requiredText(100),
    headers: z.array(z.string().max(500)).min(1).max(500),
    mapping: mappingInput,
    rules: rulesInput,
  })
  .superRefine((t, ctx) => {
    for (const column of Object.keys(t.mapping)) {
      if (Number(column) >= t.headers.length) ctx.addIssue({ code: "custom", path: ["mapping"], message: "invalid" });
    }
  });

/** Saves a template under its name (replacing one of the same name), audited. */
export async function saveTemplate(db: Db, by: Principal | null, input: unknown): Promise<Result<{ id: string; version: number }>> {
  try {
    authorize(by, "case:import");
    const parsed = templateInput.safeParse(input);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const t = parsed.data;
    return ok(
      await db.transaction(async (tx) => {
        const [current] = await tx.select().from(importTemplates).where(eq(importTemplates.name, t.name)).for("update");
        const values = { headers: t.headers, mapping: t.mapping, rules: t.rules };
        const [row] = current
          ? await tx
              .update(importTemplates)
              .set({ ...values, version: current.version + 1, updatedBy: actorId(by as Principal), updatedAt: new Date() })
              .where(eq(importTemplates.id, current.id))
              .returning()
          : await tx
              .insert(importTemplates)
              .values({ name: t.name, ...values, updatedBy: actorId(by as Principal) })
              .returning();
        await recordAudit(tx, {
          actor: by,
          action: "import.template_saved",
          entityType: "import_template",
          entityId: row.id,
          subject: t.name,
          changes: diff(current ? { headers: current.headers, mapping: current.mapping, rules: current.rules } : {}, values),
        });
        return { id: row.id, version: row.version };
      }),
    );
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Every template, by name. */
export async function listTemplates(db: Db, by: Principal | null): Promise<ImportTemplate[]> {
  authorize(by, "case:import");
  const rows = await db.select().from(importTemplates).orderBy(asc(importTemplates.name));
  return rows.map((r) => ({ id: r.id, name: r.name, headers: r.headers, mapping: r.mapping as ColumnMapping, rules: r.rules as ReadingRules, version: r.version }));
}

/** The template made for a file of this shape: the same headers in the same order, however they are spelt. */
export function templateFor(templates: ImportTemplate[], headers: string[]): ImportTemplate | null {
  const shape = headers.map(compact).join("|");
  return templates.find((t) => t.headers.map(compact).join("|") === shape) ?? null;
}
