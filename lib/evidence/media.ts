import { fileTypeFromBuffer } from "file-type";

/**
 * What evidence may be: photos, video, audio, PDF, office documents and plain UTF-8 text. The
 * type is read from the bytes (magic numbers); the name only has to agree with it.
 */
export type MediaKind = "image" | "video" | "audio" | "document" | "text";

type Accepted = {
  kind: MediaKind;
  mediaType: string;
  extensions: readonly string[];
  /** More precise types the detector may report for the same family, recorded as reported. */
  precise?: readonly string[];
};

/** By the extension file-type reports for the content → the media type we record and the names that agree. */
const accepted: Record<string, Accepted> = {
  jpg: { kind: "image", mediaType: "image/jpeg", extensions: ["jpg", "jpeg", "jpe", "jfif"] },
  png: { kind: "image", mediaType: "image/png", extensions: ["png"] },
  gif: { kind: "image", mediaType: "image/gif", extensions: ["gif"] },
  webp: { kind: "image", mediaType: "image/webp", extensions: ["webp"] },
  heic: { kind: "image", mediaType: "image/heic", extensions: ["heic", "heif"], precise: ["image/heif", "image/heic-sequence", "image/heif-sequence"] },
  tif: { kind: "image", mediaType: "image/tiff", extensions: ["tif", "tiff"] },
  mp4: { kind: "video", mediaType: "video/mp4", extensions: ["mp4", "m4v"] },
  m4v: { kind: "video", mediaType: "video/x-m4v", extensions: ["m4v", "mp4"] },
  mov: { kind: "video", mediaType: "video/quicktime", extensions: ["mov", "qt"] },
  webm: { kind: "video", mediaType: "video/webm", extensions: ["webm"] },
  mkv: { kind: "video", mediaType: "video/matroska", extensions: ["mkv"] },
  avi: { kind: "video", mediaType: "video/vnd.avi", extensions: ["avi"] },
  "3gp": { kind: "video", mediaType: "video/3gpp", extensions: ["3gp"] },
  mp3: { kind: "audio", mediaType: "audio/mpeg", extensions: ["mp3"] },
  m4a: { kind: "audio", mediaType: "audio/mp4", extensions: ["m4a"] },
  ogg: { kind: "audio", mediaType: "audio/ogg", extensions: ["ogg", "oga"] },
  oga: { kind: "audio", mediaType: "audio/ogg", extensions: ["oga", "ogg"] },
  opus: { kind: "audio", mediaType: "audio/ogg", extensions: ["opus", "ogg"] },
  wav: { kind: "audio", mediaType: "audio/wav", extensions: ["wav"] },
  pdf: { kind: "document", mediaType: "application/pdf", extensions: ["pdf"] },
  docx: { kind: "document", mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"] },
  xlsx: { kind: "document", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"] },
  pptx: { kind: "document", mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extensions: ["pptx"] },
  odt: { kind: "document", mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  ods: { kind: "document", mediaType: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  odp: { kind: "document", mediaType: "application/vnd.oasis.opendocument.presentation", extensions: ["odp"] },
  rtf: { kind: "document", mediaType: "application/rtf", extensions: ["rtf"] },
};

/** Content with no magic number that is valid UTF-8 without NUL bytes. */
const text: Accepted = { kind: "text", mediaType: "text/plain; charset=utf-8", extensions: ["txt", "text", "csv", "tsv", "md", "log", "srt"] };

/** Every name ending that some accepted content may carry: a name with one of these must match its content. */
const knownExtensions = new Set([...Object.values(accepted), text].flatMap((a) => a.extensions));

/** For the upload field: what the file picker offers (the server decides regardless). */
export const acceptAttribute = [...knownExtensions].map((e) => `.${e}`).join(",");

/** How many leading bytes are read to recognise a file (zip-based documents list their parts early). */
export const HEAD_BYTES = 1024 * 1024;

export type Recognised = { ok: true; mediaType: string; kind: MediaKind; isText: boolean };
export type Refused =
  | { ok: false; error: "evidenceDisguised"; params: { declared: string; detected: string } }
  | { ok: false; error: "evidenceTypeNotAllowed"; params: { detected: string } }
  | { ok: false; error: "evidenceUnrecognised" };

/** The extension of a file name, lower case, without the dot; "" when it has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/**
 * Decides what a file is from its first bytes (all of them if it is short) and whether its name
 * agrees. `isText` means the rest must still be checked as UTF-8 while it streams (TextChecker).
 */
export async function recognise(head: Uint8Array, fileName: string): Promise<Recognised | Refused> {
  const declared = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  let match: Accepted | undefined;
  let detectedLabel: string;
  let mediaType: string | undefined;
  if (detected) {
    match = accepted[detected.ext];
    mediaType = match?.precise?.includes(detected.mime) ? detected.mime : match?.mediaType;
    detectedLabel = detected.ext.toUpperCase();
  } else if (looksLikeUtf8Text(head)) {
    match = text;
    detectedLabel = "TXT";
  } else {
    return { ok: false, error: "evidenceUnrecognised" };
  }
  if (!match) {
    // An .exe renamed .jpg is a disguise; a .zip named .zip is simply not accepted.
    return declared && knownExtensions.has(declared)
      ? { ok: false, error: "evidenceDisguised", params: { declared: `.${declared}`, detected: detectedLabel } }
      : { ok: false, error: "evidenceTypeNotAllowed", params: { detected: detectedLabel } };
  }
  if (declared && !match.extensions.includes(declared)) {
    return { ok: false, error: "evidenceDisguised", params: { declared: `.${declared}`, detected: detectedLabel } };
  }
  return { ok: true, mediaType: mediaType ?? match.mediaType, kind: match.kind, isText: match === text };
}

/** Valid UTF-8 (a character cut off at the end of the sample is allowed) with no NUL byte. */
function looksLikeUtf8Text(head: Uint8Array): boolean {
  const checker = new TextChecker();
  return checker.push(head) && checker.atEndOfSample();
}

/** Checks, chunk by chunk, that a stream is UTF-8 text without NUL bytes. */
export class TextChecker {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private valid = true;

  /** False once anything seen so far is not text. */
  push(chunk: Uint8Array): boolean {
    if (!this.valid) return false;
    if (chunk.includes(0)) return (this.valid = false);
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.valid = false;
    }
    return this.valid;
  }

  /** At the true end of the file: no character may be left unfinished. */
  end(): boolean {
    if (!this.valid) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return (this.valid = false);
    }
  }

  /** For a sample cut from a longer file: an unfinished last character is fine. */
  atEndOfSample(): boolean {
    return this.valid;
  }
}
