import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importRecords, imports } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { actorId, fileCase } from "@/lib/cases/commands";
import { expectedFailure, fail, ok, type Result } from "@/lib/result";
import type { ColumnMapping } from "./fields";
import { importedKeys, readImport } from "./read-import";
import type { ReadingRules, RowProblem } from "./rows";

export type ImportRequest = {
  fileName: string;
  bytes: Uint8Array;
  /** The workbook's sheet; the first one when not named (a CSV has one). */
  sheet?: string;
  mapping: ColumnMapping;
  rules?: ReadingRules;
};

export type ImportOutcome = {
  importId: string;
  created: number;
  /** Rows whose key an earlier import already brought in: not filed twice. */
  skipped: number;
  problems: RowProblem[];
  invalidRows: number;
};

/**
 * Commits an import as one unit: every valid row filed, with its provenance (file, row) in its own
 * trail, in one transaction with the import's record and audit event, or nothing at all. Rows
 * with problems are left out and listed; a row whose key (the file's code) an earlier import
 * already filed is skipped, never duplicated.
 */
export async function commitImport(db: Db, by: Principal | null, request: ImportRequest): Promise<Result<ImportOutcome>> {
  try {
    authorize(by, "case:import");
    const read = await readImport(request);
    if (!read.ok) return read;
    const { sheet, rules, outcomes, problems, valid } = read.value;
    const sha256 = createHash("sha256").update(request.bytes).digest("hex");

    return ok(
      await db.transaction(async (tx) => {
        const known = await importedKeys(tx, valid);
        const [record] = await tx
          .insert(imports)
          .values({
            fileName: request.fileName,
            fileSize: request.bytes.length,
            fileSha256: sha256,
            sheet: sheet.name,
            template: { mapping: request.mapping, rules },
            created: 0,
            skipped: 0,
            invalid: outcomes.length - valid.length,
            createdBy: actorId(by as Principal),
          })
          .returning({ id: imports.id });
        let created = 0;
        let skipped = 0;
        for (const { row, input, key } of valid) {
          // The same key twice in one file is one allegation too.
          if (key && known.has(key)) {
            skipped++;
            continue;
          }
          const filed = await fileCase(tx, by as Principal, input, `imported from ${request.fileName}, row ${row.number}`);
          await tx.insert(importRecords).values({ importId: record.id, caseId: filed.id, rowNumber: row.number, sourceKey: key });
          if (key) known.add(key);
          created++;
        }
        await tx.update(imports).set({ created, skipped }).where(eq(imports.id, record.id));
        await recordAudit(tx, {
          actor: by,
          action: "import.committed",
          entityType: "import",
          entityId: record.id,
          subject: request.fileName,
          changes: {
            file: { from: null, to: { name: request.fileName, size: request.bytes.length, sha256, sheet: sheet.name } },
            counts: { from: null, to: { rows: outcomes.length, created, skipped, invalid: outcomes.length - valid.length } },
          },
        });
        return { importId: record.id, created, skipped, problems, invalidRows: outcomes.length - valid.length };
      }),
    );
  } catch (err) {
    return expectedFailure(err);
  }
}
