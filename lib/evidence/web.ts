import type { Readable } from "node:stream";

/**
 * Content-Disposition for a download: always an attachment, never shown inline; an ASCII fallback
 * name and the real one in UTF-8 (RFC 6266 / RFC 5987 `filename*`).
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, "_") || "evidence";
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A request body's chunks as they arrive, for a store's put(). */
export async function* chunksOf(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): AsyncGenerator<Uint8Array> {
  if (!reader) return;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** A Node stream as the body of a Response, stopping the source if the client goes away. */
export function webStreamOf(stream: Readable): ReadableStream<Uint8Array> {
  const chunks = stream[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await chunks.next();
        if (step.done) controller.close();
        else controller.enqueue(step.value as Uint8Array);
      } catch (err) {
        controller.error(err);
      }
    },
    cancel() {
      stream.destroy();
    },
  });
}

/**
 * Upload requests must come from this site: the browser sends Origin on every cross-site POST,
 * and the custom file-name header a cross-site form cannot send without a (refused) preflight.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
