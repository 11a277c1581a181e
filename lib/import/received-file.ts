import { createHash } from "node:crypto";
import { z } from "zod";
import { cleanFileName } from "@/lib/evidence/commands";
import type { ByteSource, EvidenceStore } from "@/lib/evidence/store";
import { chunksOf } from "@/lib/evidence/web";
import { fail, fieldErrorsOf, ok, type Result } from "@/lib/result";
import { readTable } from "./table";

export type ImportUpload = { fileName: string; stream: ByteSource; declaredSize?: number | null };

/**
 * An upload as the page and the API send it: the file's bytes as the body, its name in X-File-Name
 * (percent-encoded UTF-8); null when that name cannot be decoded.
 */
export function uploadOf(request: Request): ImportUpload | null {
  let fileName: string;
  try {
    fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
  } catch {
    return null;
  }
  const length = request.headers.get("content-length");
  return { fileName, declaredSize: length && /^\d+$/.test(length) ? Number(length) : null, stream: chunksOf(request.body?.getReader()) };
}

const fileNameInput = z
  .string()
  .transform(cleanFileName)
  .pipe(z.string().min(1, { error: "required" }).max(255, { error: "tooLong" }));

/** An upload read whole, refused when its name is empty or it is larger than `maxBytes`. */
export async function readWhole(upload: ImportUpload, maxBytes: number): Promise<Result<{ name: string; bytes: Buffer }>> {
  const name = fileNameInput.safeParse(upload.fileName);
  if (!name.success) return fail("invalidInput", { fileName: fieldErrorsOf(name.error)._form ?? ["invalid"] });
  const tooLarge = fail("importTooLarge", undefined, { maxMegabytes: String(Math.floor(maxBytes / 1024 / 1024)) });
  if (upload.declaredSize != null && upload.declaredSize > maxBytes) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of upload.stream) {
    size += chunk.byteLength;
    if (size > maxBytes) return tooLarge;
    chunks.push(chunk);
  }
  return ok({ name: name.data, bytes: Buffer.concat(chunks) });
}

/**
 * A file taken in for an import: read whole up to `maxBytes`, refused unless it reads as a CSV or a
 * workbook, then kept in the evidence store. The caller records it, or deletes `key` if it cannot.
 */
export async function receiveFile(
  store: EvidenceStore,
  upload: ImportUpload,
  maxBytes: number,
): Promise<Result<{ name: string; bytes: Buffer; size: number; sha256: string; key: string }>> {
  const whole = await readWhole(upload, maxBytes);
  if (!whole.ok) return whole;
  const { name, bytes } = whole.value;
  const table = await readTable(bytes);
  if (!table.ok) return table;
  const { key } = await store.put(once(bytes));
  return ok({ name, bytes, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), key });
}

/** Bytes as a stream of one chunk, as the evidence store takes them. */
export async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
