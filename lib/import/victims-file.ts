import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { imports } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { EvidenceStore } from "@/lib/evidence/store";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, ok, type Result } from "@/lib/result";
import { IMPORT_MAX_BYTES } from "./jobs";
import { receiveFile, type ImportUpload } from "./received-file";

/**
 * A second file of an import not yet started, listing its victims (a CSV export keeps them apart,
 * one victim per row with the code of their allegation): read whole, kept in the evidence store
 * beside the first as the provenance of the victims it files, audited. A new one replaces the last.
 * The reading names it with `rules.victims = { file: true, sheet }`.
 */
export async function uploadVictimsFile(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  importId: string,
  upload: ImportUpload,
  maxBytes = IMPORT_MAX_BYTES,
): Promise<Result<{ importId: string }>> {
  let key: string | null = null;
  try {
    authorize(by, "case:import");
    if (!isUuid(importId)) return fail("notFound");
    const [current] = await db.select({ status: imports.status, fileName: imports.fileName }).from(imports).where(eq(imports.id, importId));
    if (!current) return fail("notFound");
    if (current.status !== "uploaded") return fail("importNotStartable", undefined, { status: current.status });
    const received = await receiveFile(store, upload, maxBytes);
    if (!received.ok) return received;
    key = received.value.key;
    const { name, size, sha256 } = received.value;
    const file = { name, size, sha256, key };
    const replaced = await db.transaction(async (tx) => {
      const [before] = await tx.select({ victimsFile: imports.victimsFile }).from(imports).where(eq(imports.id, importId)).for("update");
      const [row] = await tx
        .update(imports)
        .set({ victimsFile: file })
        .where(and(eq(imports.id, importId), eq(imports.status, "uploaded")))
        .returning({ id: imports.id });
      if (!row) return null;
      await recordAudit(tx, {
        actor: by,
        action: "import.victims_file_uploaded",
        entityType: "import",
        entityId: importId,
        subject: current.fileName,
        changes: { victimsFile: { from: before?.victimsFile ? { name: before.victimsFile.name, sha256: before.victimsFile.sha256 } : null, to: { name, size, sha256 } } },
      });
      return { previous: before?.victimsFile?.key ?? null };
    });
    if (!replaced) return fail("importNotStartable", undefined, { status: "running" });
    key = replaced.previous;
    return ok({ importId });
  } catch (err) {
    return expectedFailure(err);
  } finally {
    if (key) await store.delete(key);
  }
}
