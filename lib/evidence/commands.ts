import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { cases, evidenceFiles, type FieldChange } from "@/db/schema";
import { authorize, type Principal } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { lockCase } from "@/lib/cases/access";
import { assertMayChangeItem, userIdOf } from "@/lib/cases/item-access";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, fieldErrorsOf, ok, type Failure, type Result } from "@/lib/result";
import { DEFAULT_EVIDENCE_MAX_BYTES } from "./config";
import { HEAD_BYTES, recognise, TextChecker } from "./media";
import type { ByteSource, EvidenceStore } from "./store";

export type EvidenceUpload = {
  /** The name as the uploader's computer knew it; kept (cleaned) for the record and the download. */
  fileName: string;
  stream: ByteSource;
  /** What the client said it would send (Content-Length): refused at once when over the limit. */
  declaredSize?: number | null;
  description?: string | null;
};

export type EvidenceLimits = { maxBytes: number };

export type AddedEvidence = { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string };

/** Characters that are never part of a file name: controls, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg". */
const unsafeInName = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** The name without any folder part or unsafe character, in NFC. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return base.normalize("NFC").replace(unsafeInName, "").trim();
}

const uploadInput = z.object({
  fileName: z
    .string({ error: "required" })
    .transform(cleanFileName)
    .pipe(
      z
        .string()
        .min(1, { error: "required" })
        .max(255, { error: "tooLong" })
        .refine((n) => n !== "." && n !== "..", { error: "invalid" }),
    ),
  description: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
    z.string({ error: "invalid" }).max(1000, { error: "tooLong" }).nullable(),
  ),
  declaredSize: z.number().int().min(0).nullable().optional(),
});

const reasonInput = z.preprocess(
  (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null),
  z.string({ error: "invalid" }).max(2000, { error: "tooLong" }).nullable(),
);

/** A refusal raised while the bytes stream, so the store gives up and keeps nothing. */
class UploadRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error);
    this.name = "UploadRefused";
  }
}

/** The request body itself failed (the uploader went away mid-file). */
class SourceFailed extends Error {
  constructor(readonly original: unknown) {
    super("the upload stream failed");
    this.name = "SourceFailed";
  }
}

const tooLarge = (limits: EvidenceLimits) => fail("evidenceTooLarge", undefined, { maxBytes: String(limits.maxBytes) });

/**
 * Adds an evidence file to a case. The bytes stream to the store while they are counted, hashed
 * (SHA-256) and, for text, checked; the type is read from the content and the name must agree.
 * Only once the store holds every byte is the row written, with its audit event, in one
 * transaction. Any refusal or failure leaves neither a row nor stored bytes.
 */
export async function addEvidence(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  caseId: string,
  upload: EvidenceUpload,
  limits: EvidenceLimits = { maxBytes: DEFAULT_EVIDENCE_MAX_BYTES },
): Promise<Result<AddedEvidence>> {
  const source = upload.stream[Symbol.asyncIterator]();
  let stored: string | null = null;
  try {
    authorize(by, "case:contribute");
    const parsed = uploadInput.safeParse(upload);
    if (!parsed.success) return fail("invalidInput", fieldErrorsOf(parsed.error));
    const { fileName, description, declaredSize } = parsed.data;
    if (declaredSize != null && declaredSize > limits.maxBytes) return tooLarge(limits);
    if (!isUuid(caseId)) return fail("notFound");
    const [live] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), isNull(cases.deletedAt)));
    if (!live) return fail("notFound");

    let received = 0;
    const next = async (): Promise<Uint8Array | null> => {
      let step: IteratorResult<Uint8Array>;
      try {
        step = await source.next();
      } catch (err) {
        throw new SourceFailed(err);
      }
      if (step.done) return null;
      received += step.value.byteLength;
      if (received > limits.maxBytes) throw new UploadRefused(tooLarge(limits));
      return step.value;
    };

    // The first bytes, to recognise the file before anything is stored.
    const head: Uint8Array[] = [];
    let headSize = 0;
    let ended = false;
    while (headSize < HEAD_BYTES) {
      const chunk = await next();
      if (!chunk) {
        ended = true;
        break;
      }
      head.push(chunk);
      headSize += chunk.byteLength;
    }
    if (headSize === 0) return fail("evidenceEmpty");
    const kind = await recognise(Buffer.concat(head), fileName);
    if (!kind.ok) return fail(kind.error, undefined, "params" in kind ? kind.params : undefined);

    const hash = createHash("sha256");
    const textCheck = kind.isText ? new TextChecker() : null;
    const pass = (chunk: Uint8Array) => {
      hash.update(chunk);
      if (textCheck && !textCheck.push(chunk)) throw new UploadRefused(fail("evidenceNotText"));
      return chunk;
    };
    const body = async function* () {
      for (const chunk of head) yield pass(chunk);
      head.length = 0;
      if (!ended) for (let chunk = await next(); chunk; chunk = await next()) yield pass(chunk);
      if (textCheck && !textCheck.end()) throw new UploadRefused(fail("evidenceNotText"));
      if (declaredSize != null && received !== declaredSize) throw new UploadRefused(fail("evidenceIncomplete"));
    };

    let put: { key: string; size: number };
    try {
      put = await store.put(body());
    } catch (err) {
      if (err instanceof UploadRefused || err instanceof SourceFailed) throw err;
      console.error("[evidence] the evidence store failed:", err);
      return fail("evidenceStoreUnavailable");
    }
    stored = put.key;
    if (put.size !== received) {
      console.error(`[evidence] the store holds ${put.size} bytes of ${received} sent for ${put.key}; discarded`);
      return fail("evidenceStoreUnavailable");
    }
    const sha256 = hash.digest("hex");
    const values = { fileName, mediaType: kind.mediaType, sizeBytes: received, sha256 };
    const result = await db.transaction(async (tx) => {
      if (!(await lockCase(tx, caseId))) return fail("notFound");
      const [row] = await tx
        .insert(evidenceFiles)
        .values({ ...values, description, caseId, storageKey: put.key, addedBy: userIdOf(by) })
        .returning({ id: evidenceFiles.id });
      const changes: Record<string, FieldChange> = {};
      for (const [field, to] of Object.entries({ ...values, description })) if (to !== null) changes[field] = { from: null, to };
      await recordAudit(tx, { actor: by, action: "evidence.added", entityType: "evidence", entityId: row.id, caseId, changes });
      return ok({ id: row.id, ...values });
    });
    if (result.ok) stored = null;
    return result;
  } catch (err) {
    if (err instanceof UploadRefused) return err.failure;
    if (err instanceof SourceFailed) {
      console.warn("[evidence] upload interrupted:", (err.original as Error)?.message ?? err.original);
      return fail("evidenceIncomplete");
    }
    return expectedFailure(err);
  } finally {
    // Whatever did not end in a committed row leaves nothing behind, and the body is let go.
    if (stored) await store.delete(stored).catch((err) => console.error(`[evidence] could not delete ${stored}:`, err));
    await source.return?.().catch(() => undefined);
  }
}

/**
 * Takes an evidence file off the case. The row and the stored bytes are kept (chain of custody:
 * what was once evidence stays provable); the file disappears from the case page and downloads,
 * and the trail records who removed which file, with its hash, and why.
 */
export async function removeEvidence(db: Db, by: Principal | null, evidenceId: string, reason?: unknown): Promise<Result> {
  try {
    authorize(by, "case:contribute");
    const parsedReason = reasonInput.safeParse(reason);
    if (!parsedReason.success) return fail("invalidInput", { reason: parsedReason.error.issues.map((i) => i.message) });
    if (!isUuid(evidenceId)) return fail("notFound");
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(evidenceFiles)
        .where(and(eq(evidenceFiles.id, evidenceId), isNull(evidenceFiles.removedAt)))
        .for("update");
      if (!row || !(await lockCase(tx, row.caseId))) return fail("notFound");
      assertMayChangeItem(by, row.addedBy);
      await tx.update(evidenceFiles).set({ removedAt: new Date() }).where(eq(evidenceFiles.id, evidenceId));
      await recordAudit(tx, {
        actor: by,
        action: "evidence.removed",
        entityType: "evidence",
        entityId: row.id,
        caseId: row.caseId,
        changes: {
          fileName: { from: row.fileName, to: null },
          mediaType: { from: row.mediaType, to: null },
          sizeBytes: { from: row.sizeBytes, to: null },
          sha256: { from: row.sha256, to: null },
        },
        reason: parsedReason.data,
      });
      return ok(undefined);
    });
  } catch (err) {
    return expectedFailure(err);
  }
}
