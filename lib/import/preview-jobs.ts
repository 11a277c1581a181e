import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { imports, type PreviewState } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import type { EvidenceStore } from "@/lib/evidence/store";
import { logFault } from "@/lib/fault-log";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { HEARTBEAT_MS, previewUpload, readingRequest, storedFiles, type ReadingRequest } from "./jobs";
import { previewImport, type ImportPreview } from "./preview";
import { STALE_AFTER_MS } from "./queries";

/** Files up to this size are previewed in the page's own request (a second or two); larger ones by a job with a progress bar. */
export const PREVIEW_IN_REQUEST_BYTES = 2 * 1024 * 1024;
/** How long a finished preview is shown again for the same reading before the register is asked afresh. */
export const PREVIEW_FRESH_MS = 10 * 60_000;

export type BackgroundPreview = { status: "running"; done: number; total: number } | { status: "done"; preview: ImportPreview };

/**
 * The preview of an uploaded import as the page asks for it. A small file is read in the request.
 * A large one is read by a job on the server, its progress and then its result kept on the import's
 * row under the reading's hash: asked again (a reload, another tab, another replica), the same
 * reading shows its progress, then its result, and starts again only if its job went silent (its
 * process died) or its result is older than PREVIEW_FRESH_MS. A new reading replaces the last.
 */
export async function backgroundPreview(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  importId: string,
  request: unknown,
  { inRequestBytes = PREVIEW_IN_REQUEST_BYTES, wait = false }: { inRequestBytes?: number; wait?: boolean } = {},
): Promise<Result<BackgroundPreview>> {
  try {
    authorize(by, "case:import");
    const parsed = readingRequest.safeParse(request);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    if (!isUuid(importId)) return fail("notFound");
    const [current] = await db.select().from(imports).where(eq(imports.id, importId));
    if (!current) return fail("notFound");
    if (current.fileSize <= inRequestBytes) {
      const preview = await previewUpload(db, store, by, importId, parsed.data);
      return preview.ok ? ok({ status: "done", preview: preview.value }) : preview;
    }
    // The reading, and the victims file it may read (a new one makes the last preview obsolete).
    const key = createHash("sha256").update(JSON.stringify([parsed.data, current.victimsFile?.sha256 ?? null])).digest("hex");
    const known = current.previewKey === key ? stateNow(current) : null;
    if (known?.status === "done") return ok({ status: "done", preview: known.preview as ImportPreview });
    if (known?.status === "failed") return { ok: false, ...known.failure };
    if (known?.status === "running") return ok(known);
    // Claimed by one request only: the row still holds the reading (and heartbeat) this one saw.
    const [claimed] = await db
      .update(imports)
      .set({ previewKey: key, previewState: { status: "running", done: 0, total: 0 }, previewHeartbeatAt: new Date() })
      .where(and(eq(imports.id, importId), current.previewKey === null ? sql`${imports.previewKey} is null` : eq(imports.previewKey, current.previewKey)))
      .returning({ id: imports.id });
    if (claimed) {
      const run = runPreview(db, store, by, importId, key, parsed.data as ReadingRequest);
      if (wait) await run;
      else void run;
    }
    return ok({ status: "running", done: 0, total: 0 });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** The state kept for the row's reading, unless its job went silent or its result grew old (then: none). */
function stateNow(row: typeof imports.$inferSelect, now = Date.now()): PreviewState | null {
  const state = row.previewState;
  if (!state) return null;
  if (state.status === "running") return row.previewHeartbeatAt && now - row.previewHeartbeatAt.getTime() <= STALE_AFTER_MS ? state : null;
  if (state.status === "done") return now - Date.parse(state.at) <= PREVIEW_FRESH_MS ? state : null;
  return state;
}

async function runPreview(db: Db, store: EvidenceStore, by: Principal | null, importId: string, key: string, reading: ReadingRequest): Promise<void> {
  const mine = and(eq(imports.id, importId), eq(imports.previewKey, key));
  const write = (state: PreviewState) => db.update(imports).set({ previewState: state, previewHeartbeatAt: new Date() }).where(mine);
  let reported = 0;
  const heartbeat = setInterval(() => void db.update(imports).set({ previewHeartbeatAt: new Date() }).where(mine).catch((err) => logFault("preview heartbeat", err)), HEARTBEAT_MS);
  try {
    const [row] = await db.select().from(imports).where(eq(imports.id, importId));
    const files = row && (await storedFiles(store, row));
    if (!files) return void (await write({ status: "failed", failure: { error: "notFound" } }));
    const preview = await previewImport(db, by, {
      ...files,
      ...reading,
      progress: (done, total) => {
        // At most one write in flight, every few thousand rows: the progress is a hint, not a record.
        if (done - reported < 5_000 && done < total) return;
        reported = done;
        void write({ status: "running", done, total }).catch((err) => logFault("preview progress", err));
      },
    });
    await write(
      preview.ok
        ? { status: "done", at: new Date().toISOString(), preview: preview.value }
        : { status: "failed", failure: { error: preview.error, fieldErrors: preview.fieldErrors, params: preview.params } },
    );
  } catch (err) {
    logFault("import preview", err);
    await write({ status: "failed", failure: { error: "unexpected" } }).catch((e) => logFault("import preview end", e));
  } finally {
    clearInterval(heartbeat);
  }
}
