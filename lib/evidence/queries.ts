import { createHash } from "node:crypto";
import { pipeline, Transform, type Readable } from "node:stream";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, evidenceFiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { authorize, type Principal } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { expectedFailure, fail, ok, type Result } from "@/lib/result";
import type { EvidenceStore } from "./store";

/** What is recorded about an evidence file, as a download's headers tell it. */
export type EvidenceRecord = { fileName: string; mediaType: string; sizeBytes: number; sha256: string };

export type EvidenceDownload = EvidenceRecord & {
  /** The stored bytes, checked against the recorded size and SHA-256 as they pass: a mismatch ends the stream with an error. */
  stream: Readable;
};

/** The file's row, for someone who may read the case: the case live, the file its own and not removed. */
async function findEvidence(db: Db, by: Principal | null, caseId: string, evidenceId: string) {
  authorize(by, "case:read");
  if (!isUuid(caseId) || !isUuid(evidenceId)) return null;
  const [row] = await db
    .select({ e: evidenceFiles })
    .from(evidenceFiles)
    .innerJoin(cases, eq(cases.id, evidenceFiles.caseId))
    .where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.caseId, caseId), isNull(evidenceFiles.removedAt), isNull(cases.deletedAt)));
  return row?.e ?? null;
}

function recordOf(e: EvidenceRecord): EvidenceRecord {
  return { fileName: e.fileName, mediaType: e.mediaType, sizeBytes: e.sizeBytes, sha256: e.sha256 };
}

/**
 * What a HEAD request is told about a file: its record, without opening the bytes. Not a download,
 * so not audited.
 */
export async function describeEvidence(db: Db, by: Principal | null, caseId: string, evidenceId: string): Promise<Result<EvidenceRecord>> {
  try {
    const e = await findEvidence(db, by, caseId, evidenceId);
    if (!e) return fail("notFound");
    return ok(recordOf(e));
  } catch (err) {
    return expectedFailure(err);
  }
}

/**
 * An evidence file's bytes for someone who may read the case (see findEvidence). Each download is
 * audited (who, which file, when): who has held a copy is part of the chain of custody.
 */
export async function openEvidence(
  db: Db,
  store: EvidenceStore,
  by: Principal | null,
  caseId: string,
  evidenceId: string,
): Promise<Result<EvidenceDownload>> {
  try {
    const e = await findEvidence(db, by, caseId, evidenceId);
    if (!e) return fail("notFound");
    const blob = await store.get(e.storageKey);
    if (!blob) {
      console.error(`[evidence] ${e.id} (${e.storageKey}) is recorded but its bytes are missing from the store`);
      return fail("evidenceMissing");
    }
    if (blob.size >= 0 && blob.size !== e.sizeBytes) {
      blob.stream.destroy();
      console.error(`[evidence] ${e.id} (${e.storageKey}) holds ${blob.size} bytes, ${e.sizeBytes} were recorded`);
      return fail("evidenceMissing");
    }
    try {
      await db.transaction((tx) =>
        recordAudit(tx, { actor: by, action: "evidence.downloaded", entityType: "evidence", entityId: e.id, caseId, subject: e.fileName }),
      );
    } catch (err) {
      blob.stream.destroy();
      throw err;
    }
    return ok({
      ...recordOf(e),
      stream: pipeline(blob.stream, verifying(e.id, e.sizeBytes, e.sha256), (err) => {
        if (err && (err as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE") console.error(`[evidence] download of ${e.id} failed:`, err.message);
      }),
    });
  } catch (err) {
    return expectedFailure(err);
  }
}

/** Passes bytes through, and fails at the end if they are not the ones recorded at upload. */
function verifying(id: string, sizeBytes: number, sha256: string): Transform {
  const hash = createHash("sha256");
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.byteLength;
      callback(null, chunk);
    },
    flush(callback) {
      const actual = hash.digest("hex");
      if (size === sizeBytes && actual === sha256) return callback();
      console.error(`[evidence] ${id} no longer matches its record: ${size} bytes, SHA-256 ${actual}`);
      callback(new Error("evidence bytes do not match their recorded SHA-256"));
    },
  });
}
