import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, importRecords, imports, users, type ImportStatus } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";

/** A running job silent this long (no heartbeat) died with its process: it is shown as interrupted. */
export const STALE_AFTER_MS = 30_000;

type ImportRow = typeof imports.$inferSelect;
/** An import as its page and the API show it; `interrupted` is a running job whose heartbeat stopped. */
export type ImportState = Omit<ImportRow, "status"> & { status: ImportStatus | "interrupted"; createdByName: string };

export function stateOf<T extends ImportRow>(row: T, now = Date.now()): Omit<T, "status"> & { status: ImportState["status"] } {
  const silent = row.status === "running" && (!row.heartbeatAt || now - row.heartbeatAt.getTime() > STALE_AFTER_MS);
  return { ...row, status: silent ? "interrupted" : row.status };
}

const withCreator = (db: Db) => db.select({ row: imports, createdByName: users.name }).from(imports).innerJoin(users, eq(users.id, imports.createdBy));

export async function readImportState(db: Db, by: Principal | null, importId: string): Promise<ImportState | null> {
  authorize(by, "case:import");
  if (!isUuid(importId)) return null;
  const [found] = await withCreator(db).where(eq(imports.id, importId));
  return found ? { ...stateOf(found.row), createdByName: found.createdByName } : null;
}

/** The latest imports, newest first. */
export async function listImports(db: Db, by: Principal | null, limit = 50): Promise<ImportState[]> {
  authorize(by, "case:import");
  const found = await withCreator(db).orderBy(desc(imports.createdAt)).limit(limit);
  return found.map((f) => ({ ...stateOf(f.row), createdByName: f.createdByName }));
}

/** The first allegations an import filed, in the order of its rows. */
export async function filedByImport(db: Db, by: Principal | null, importId: string, limit = 10): Promise<{ id: string; reference: string; title: string; rowNumber: number }[]> {
  authorize(by, "case:import");
  if (!isUuid(importId)) return [];
  return db
    .select({ id: cases.id, reference: cases.reference, title: cases.title, rowNumber: importRecords.rowNumber })
    .from(importRecords)
    .innerJoin(cases, eq(cases.id, importRecords.caseId))
    .where(eq(importRecords.importId, importId))
    .orderBy(asc(importRecords.rowNumber))
    .limit(limit);
}
