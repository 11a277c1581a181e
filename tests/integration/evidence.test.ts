import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases, evidenceFiles } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/commands";
import { getCase } from "@/lib/cases/queries";
import { addEvidence, cleanFileName, removeEvidence, type EvidenceUpload } from "@/lib/evidence/commands";
import { HEAD_BYTES, recognise } from "@/lib/evidence/media";
import { describeEvidence, openEvidence } from "@/lib/evidence/queries";
import { FilesystemEvidenceStore } from "@/lib/evidence/store";
import { attachmentDisposition } from "@/lib/evidence/web";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

// ---- Files made here, byte by byte, so the tests need nothing from outside. ----

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The bytes in chunks of `size`, as a request body would arrive. */
async function* chunked(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A real PNG of random pixels: `side` × `side`, RGB, uncompressible so its size is predictable. */
function png(side = 64): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: side }, () => Buffer.concat([Buffer.from([0]), randomBytes(side * 3)])));
  return Buffer.concat([
    Buffer.from("89504e470d0a1a0a", "hex"),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(rows, { level: 0 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

const jpeg = (size = 4096) => Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), randomBytes(size), Buffer.from("ffd9", "hex")]);
const pdf = () => Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const html = () => Buffer.from("<!doctype html><html><body><script>document.location='https://attacker.example'</script></body></html>");
/** The start of a Windows program: an MS-DOS stub with a PE header. */
const exe = () => Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000", "hex"), Buffer.alloc(48), Buffer.from("This program cannot be run in DOS mode."), randomBytes(512)]);

/** A zip with stored (uncompressed) entries, enough for office documents. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const docx = () =>
  zip({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    "word/document.xml": "<w:document/>",
  });

/** Every file under the store's folder, half-written ones included. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => path.join(d.parentPath, d.name));
  } catch {
    return [];
  }
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("evidence file names and downloads", () => {
  it("keeps only the name, without folders, controls or direction overrides", () => {
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("C:\\Users\\amal\\صورة الموقع.jpg")).toBe("صورة الموقع.jpg");
    // "photo<RLO>gpj.exe" reads as "photoexe.jpg" on screen: the override goes, the truth shows.
    expect(cleanFileName("photo\u202Egpj.exe")).toBe("photogpj.exe");
    expect(cleanFileName("a\u0000b\nc.txt")).toBe("abc.txt");
  });

  it("sends every download as an attachment with the real name in UTF-8", () => {
    expect(attachmentDisposition("report.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    const arabic = attachmentDisposition('صورة "الموقع" (1).jpg');
    expect(arabic.startsWith('attachment; filename="')).toBe(true);
    expect(arabic).toContain(`filename*=UTF-8''${encodeURIComponent("صورة")}%20%22${encodeURIComponent("الموقع")}%22%20%281%29.jpg`);
    // The fallback is plain ASCII with no quote to break out of.
    const fallback = /filename="([^"]*)"/.exec(arabic)?.[1] ?? "";
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback.endsWith(".jpg")).toBe(true);
  });
});

/** An ISO media file (MP4, QuickTime, HEIC…) starts with an "ftyp" box naming its brand. */
const isoMedia = (brand: string) => {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftyp", 4, "latin1");
  box.write(brand, 8, "latin1");
  box.write(brand, 16, "latin1");
  return Buffer.concat([box, randomBytes(2048)]);
};
const wav = () => {
  const header = Buffer.alloc(12);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(4000, 4);
  header.write("WAVE", 8, "latin1");
  return Buffer.concat([header, Buffer.from("fmt "), randomBytes(4000)]);
};

describe("what a file is, read from its content", () => {
  it.each([
    ["clip.mp4", isoMedia("isom"), "video/mp4"],
    ["IMG_0042.MOV", isoMedia("qt  "), "video/quicktime"],
    ["IMG_0042.HEIC", isoMedia("heic"), "image/heic"],
    ["photo.heif", isoMedia("mif1"), "image/heif"],
    ["voice.wav", wav(), "audio/wav"],
    ["call.mp3", Buffer.concat([Buffer.from("ID3\x04\x00\x00\x00\x00\x00\x00", "latin1"), Buffer.from("fffb9064", "hex"), randomBytes(4000)]), "audio/mpeg"],
    ["minutes.odt", zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" }), "application/vnd.oasis.opendocument.text"],
    [
      "casualties.xlsx",
      zip({
        "[Content_Types].xml": '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "xl/workbook.xml": "<workbook/>",
      }),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    ["list.csv", Buffer.from("name,age\nأحمد,9\n"), "text/plain; charset=utf-8"],
  ])("%s is %s", async (name, bytes, mediaType) => {
    expect(await recognise(bytes, name)).toMatchObject({ ok: true, mediaType });
  });

  it("refuses a video named as a photo and a spreadsheet named as a text file", async () => {
    expect(await recognise(isoMedia("isom"), "photo.jpg")).toMatchObject({ ok: false, error: "evidenceDisguised", params: { detected: "MP4" } });
    expect(await recognise(docx(), "notes.txt")).toMatchObject({ ok: false, error: "evidenceDisguised", params: { detected: "DOCX" } });
  });
});

describe.each(backends)("evidence files on $name", (backend) => {
  let handle: DatabaseHandle;
  let staff: Actor;
  let otherStaff: Actor;
  let reviewer: Actor;
  let manager: Actor;
  let admin: Actor;
  let dir: string;
  let store: FilesystemEvidenceStore;
  let caseId: string;

  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    otherStaff = await addAccount(handle.db, "staff", { name: "Omar" });
    reviewer = await addAccount(handle.db, "reviewer", { name: "Karim" });
    manager = await addAccount(handle.db, "manager");
    admin = await addAccount(handle.db, "admin");
    dir = mkdtempSync(path.join(tmpdir(), "civharm-evidence-"));
    store = new FilesystemEvidenceStore(path.join(dir, "evidence"));
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    caseId = created.value.id;
  });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rowsOf = (id: string) => handle.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, id));
  const eventsOf = (id: string, action: string) =>
    handle.db.select().from(auditEvents).where(and(eq(auditEvents.caseId, id), eq(auditEvents.action, action)));
  const upload = (fileName: string, bytes: Uint8Array, extra: Partial<EvidenceUpload> = {}): EvidenceUpload => ({
    fileName,
    stream: chunked(bytes),
    declaredSize: bytes.length,
    ...extra,
  });
  async function newCase(): Promise<string> {
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    return created.value.id;
  }

  it("stores the bytes as sent, with the SHA-256 computed while they streamed, and audits the addition", async () => {
    const id = await newCase();
    const bytes = png(700); // about 1.4 MB: more than the bytes read to recognise it
    expect(bytes.length).toBeGreaterThan(HEAD_BYTES);
    const result = await addEvidence(handle.db, store, staff, id, upload("Site, north wall.png", bytes, { description: "Taken by a neighbour the next morning" }));
    expect(result).toEqual({
      ok: true,
      value: { id: expect.any(String), fileName: "Site, north wall.png", mediaType: "image/png", sizeBytes: bytes.length, sha256: sha256(bytes) },
    });
    if (!result.ok) return;
    const [row] = await rowsOf(id);
    expect(row).toMatchObject({ fileName: "Site, north wall.png", mediaType: "image/png", sizeBytes: bytes.length, sha256: sha256(bytes), addedBy: staff.id, removedAt: null });
    expect(row.description).toBe("Taken by a neighbour the next morning");
    // What the store holds is exactly what was sent, under the data folder, readable by the server only.
    const file = path.join(store.dir, ...row.storageKey.split("/"));
    expect(sha256(readFileSync(file))).toBe(sha256(bytes));
    expect(statSync(file).mode & 0o077).toBe(0);
    const [event] = await eventsOf(id, "evidence.added");
    expect(event).toMatchObject({ actorId: staff.id, actorLabel: "Amal", entityType: "evidence", entityId: result.value.id });
    expect(event.changes).toEqual({
      fileName: { from: null, to: "Site, north wall.png" },
      mediaType: { from: null, to: "image/png" },
      sizeBytes: { from: null, to: bytes.length },
      sha256: { from: null, to: sha256(bytes) },
      description: { from: null, to: "Taken by a neighbour the next morning" },
    });
    // And the case page lists it, with who added it.
    const c = await getCase(handle.db, staff, id);
    expect(c?.evidence.map((e) => [e.fileName, e.addedByName])).toEqual([["Site, north wall.png", "Amal"]]);
  });

  it("hashes the same whatever the chunking", async () => {
    const bytes = jpeg(100_000);
    const tiny = await addEvidence(handle.db, store, staff, caseId, { fileName: "a.jpg", stream: chunked(bytes, 7) });
    const whole = await addEvidence(handle.db, store, staff, caseId, { fileName: "b.JPEG", stream: chunked(bytes, bytes.length) });
    expect(tiny.ok && whole.ok).toBe(true);
    if (!tiny.ok || !whole.ok) return;
    expect(tiny.value.sha256).toBe(sha256(bytes));
    expect(whole.value.sha256).toBe(sha256(bytes));
    expect(tiny.value.mediaType).toBe("image/jpeg");
  });

  it("reads the type from the content: PDF, office documents and UTF-8 text", async () => {
    const id = await newCase();
    const statement = Buffer.from("Witness statement, 25 September 2017.\nشهادة شاهد عيان من حارة البدو.\n");
    const cases_: [string, Buffer, string][] = [
      ["report.pdf", pdf(), "application/pdf"],
      ["casualty list.docx", docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
      ["statement.txt", statement, "text/plain; charset=utf-8"],
      ["no extension", pdf(), "application/pdf"],
    ];
    for (const [name, bytes, mediaType] of cases_) {
      const result = await addEvidence(handle.db, store, staff, id, upload(name, bytes));
      expect(result, name).toMatchObject({ ok: true, value: { mediaType, sha256: sha256(bytes) } });
    }
    expect(await rowsOf(id)).toHaveLength(cases_.length);
  });

  it("refuses a file whose name contradicts its content, or whose content is not accepted, and keeps nothing", async () => {
    const id = await newCase();
    const before = filesUnder(store.dir).length;
    const refusals: [string, Buffer, object][] = [
      // A PNG named .jpg: both are images, but the name must tell the truth (docs/decisions/0006).
      ["photo.jpg", png(), { error: "evidenceDisguised", params: { declared: ".jpg", detected: "PNG" } }],
      ["report.pdf", html(), { error: "evidenceDisguised", params: { declared: ".pdf", detected: "TXT" } }],
      ["photo.jpg", exe(), { error: "evidenceDisguised", params: { declared: ".jpg", detected: "EXE" } }],
      ["setup.exe", exe(), { error: "evidenceTypeNotAllowed", params: { detected: "EXE" } }],
      ["page.html", html(), { error: "evidenceDisguised", params: { declared: ".html", detected: "TXT" } }],
      ["archive.zip", zip({ "a.txt": "hello" }), { error: "evidenceTypeNotAllowed", params: { detected: "ZIP" } }],
      ["data.bin", Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]), { error: "evidenceUnrecognised" }],
      ["utf16.txt", Buffer.from("\ufeffhello", "utf16le"), { error: "evidenceUnrecognised" }],
      ["empty.txt", Buffer.alloc(0), { error: "evidenceEmpty" }],
    ];
    for (const [name, bytes, expected] of refusals) {
      expect(await addEvidence(handle.db, store, staff, id, upload(name, bytes)), name).toMatchObject({ ok: false, ...expected });
    }
    expect(await rowsOf(id)).toEqual([]);
    expect(await eventsOf(id, "evidence.added")).toEqual([]);
    expect(filesUnder(store.dir)).toHaveLength(before);
  });

  it("refuses text that stops being UTF-8 after the first megabyte, and deletes what was stored", async () => {
    const id = await newCase();
    const before = filesUnder(store.dir).length;
    const bytes = Buffer.concat([Buffer.from("a".repeat(HEAD_BYTES + 10)), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from("tail")]);
    expect(await addEvidence(handle.db, store, staff, id, upload("log.txt", bytes))).toMatchObject({ ok: false, error: "evidenceNotText" });
    expect(await rowsOf(id)).toEqual([]);
    expect(filesUnder(store.dir)).toHaveLength(before);
  });

  it("refuses an oversize file at once when it says so, and while streaming when it does not, leaving no row and no blob", async () => {
    const id = await newCase();
    const before = filesUnder(store.dir).length;
    const limits = { maxBytes: 64 * 1024 };
    let read = false;
    const untouched = (async function* () {
      read = true;
      yield new Uint8Array(1);
    })();
    const declared = await addEvidence(handle.db, store, staff, id, { fileName: "big.png", stream: untouched, declaredSize: 65 * 1024 }, limits);
    expect(declared).toEqual({ ok: false, error: "evidenceTooLarge", params: { maxBytes: String(64 * 1024) }, fieldErrors: undefined });
    expect(read).toBe(false);

    const bytes = png(200); // about 120 kB, no size declared: stopped within the first megabyte
    const undeclared = await addEvidence(handle.db, store, staff, id, { fileName: "big.png", stream: chunked(bytes, 16 * 1024) }, limits);
    expect(undeclared).toMatchObject({ ok: false, error: "evidenceTooLarge" });

    // Past the first megabyte the store has started writing: it must let go of it all.
    const large = png(900); // about 2.4 MB
    const streamed = await addEvidence(handle.db, store, staff, id, { fileName: "big.png", stream: chunked(large) }, { maxBytes: 2 * 1024 * 1024 });
    expect(streamed).toMatchObject({ ok: false, error: "evidenceTooLarge" });

    // One byte under the limit is fine.
    const exact = png(100);
    expect(await addEvidence(handle.db, store, staff, id, upload("fits.png", exact), { maxBytes: exact.length })).toMatchObject({ ok: true });
    expect(await rowsOf(id)).toHaveLength(1);
    expect(filesUnder(store.dir)).toHaveLength(before + 1);
  });

  it("keeps nothing when the upload is cut off or shorter than announced", async () => {
    const id = await newCase();
    const before = filesUnder(store.dir).length;
    const bytes = png(900);
    const cutOff = (async function* () {
      yield bytes.subarray(0, HEAD_BYTES + 5000);
      throw new Error("aborted by the client");
    })();
    expect(await addEvidence(handle.db, store, staff, id, { fileName: "cut.png", stream: cutOff })).toMatchObject({ ok: false, error: "evidenceIncomplete" });
    const short = await addEvidence(handle.db, store, staff, id, upload("short.png", bytes.subarray(0, 5000), { declaredSize: bytes.length }));
    expect(short).toMatchObject({ ok: false, error: "evidenceIncomplete" });
    expect(await rowsOf(id)).toEqual([]);
    expect(filesUnder(store.dir)).toHaveLength(before);
  });

  it("deletes the stored bytes when the database refuses the record", async () => {
    const id = await newCase();
    const before = filesUnder(store.dir).length;
    const bytes = png(800);
    // The case is deleted while its file is still arriving: the row cannot be written.
    const racing = (async function* () {
      yield bytes.subarray(0, HEAD_BYTES + 100);
      await handle.db.update(cases).set({ deletedAt: new Date() }).where(eq(cases.id, id));
      yield bytes.subarray(HEAD_BYTES + 100);
    })();
    expect(await addEvidence(handle.db, store, staff, id, { fileName: "late.png", stream: racing })).toMatchObject({ ok: false, error: "notFound" });
    expect(await rowsOf(id)).toEqual([]);
    expect(filesUnder(store.dir)).toHaveLength(before);
  });

  it("says so plainly when the store cannot be written, and keeps no row", async () => {
    const id = await newCase();
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "x");
    const broken = new FilesystemEvidenceStore(path.join(blocker, "evidence"));
    expect(await addEvidence(handle.db, broken, staff, id, upload("a.pdf", pdf()))).toMatchObject({ ok: false, error: "evidenceStoreUnavailable" });
    expect(await rowsOf(id)).toEqual([]);
  });

  it("lets staff, reviewers and managers add files; not admins, nor anyone signed out; and only to a live case", async () => {
    const id = await newCase();
    for (const who of [staff, reviewer, manager]) {
      expect(await addEvidence(handle.db, store, who, id, upload("a.pdf", pdf())), who.role).toMatchObject({ ok: true });
    }
    expect(await addEvidence(handle.db, store, admin, id, upload("a.pdf", pdf()))).toMatchObject({ ok: false, error: "forbidden" });
    expect(await addEvidence(handle.db, store, null, id, upload("a.pdf", pdf()))).toMatchObject({ ok: false, error: "signedOut" });
    expect(await addEvidence(handle.db, store, staff, "not-a-case", upload("a.pdf", pdf()))).toMatchObject({ ok: false, error: "notFound" });
    expect(await addEvidence(handle.db, store, staff, "00000000-0000-4000-8000-000000000000", upload("a.pdf", pdf()))).toMatchObject({
      ok: false,
      error: "notFound",
    });
    expect(await rowsOf(id)).toHaveLength(3);
  });

  it("refuses a name it cannot keep, every field at once", async () => {
    const result = await addEvidence(handle.db, store, staff, caseId, upload("../", pdf(), { description: "x".repeat(1001) }));
    expect(result).toMatchObject({ ok: false, error: "invalidInput", fieldErrors: { fileName: ["required"], description: ["tooLong"] } });
    const long = await addEvidence(handle.db, store, staff, caseId, upload(`${"n".repeat(252)}.pdf`, pdf()));
    expect(long).toMatchObject({ ok: false, fieldErrors: { fileName: ["tooLong"] } });
  });

  it("serves a file's exact bytes to anyone who may read the case, and nothing to anyone else", async () => {
    const id = await newCase();
    const bytes = jpeg(300_000);
    const added = await addEvidence(handle.db, store, staff, id, upload("صورة.jpg", bytes));
    if (!added.ok) throw new Error("setup");
    for (const who of [staff, otherStaff, reviewer, manager, admin]) {
      const opened = await openEvidence(handle.db, store, who, id, added.value.id);
      expect(opened.ok, who.role).toBe(true);
      if (!opened.ok) continue;
      expect(opened.value).toMatchObject({ fileName: "صورة.jpg", mediaType: "image/jpeg", sizeBytes: bytes.length, sha256: sha256(bytes) });
      expect(sha256(await readAll(opened.value.stream))).toBe(sha256(bytes));
    }
    expect(await openEvidence(handle.db, store, null, id, added.value.id)).toMatchObject({ ok: false, error: "signedOut" });
    // Another case's address does not reach it, nor does a made-up one.
    expect(await openEvidence(handle.db, store, staff, caseId, added.value.id)).toMatchObject({ ok: false, error: "notFound" });
    expect(await openEvidence(handle.db, store, staff, id, "../../etc/passwd")).toMatchObject({ ok: false, error: "notFound" });
  });

  it("audits every download for the chain of custody: who, which file; a refused one leaves nothing", async () => {
    const id = await newCase();
    const added = await addEvidence(handle.db, store, staff, id, upload("شاهد.pdf", pdf()));
    if (!added.ok) throw new Error("setup");
    for (const who of [reviewer, staff]) {
      const opened = await openEvidence(handle.db, store, who, id, added.value.id);
      if (opened.ok) await readAll(opened.value.stream);
    }
    await openEvidence(handle.db, store, null, id, added.value.id);
    await openEvidence(handle.db, store, staff, caseId, added.value.id);
    const events = await eventsOf(id, "evidence.downloaded");
    expect(events.map((e) => [e.actorId, e.entityId, e.subject])).toEqual([
      [reviewer.id, added.value.id, "شاهد.pdf"],
      [staff.id, added.value.id, "شاهد.pdf"],
    ]);
    expect(await eventsOf(caseId, "evidence.downloaded")).toEqual([]);
    expect((await verifyDatabaseChain(handle.db)).ok).toBe(true);
  });

  it("describes a file (what a HEAD request is told) to anyone who may read the case, without recording a download", async () => {
    const id = await newCase();
    const bytes = pdf();
    const added = await addEvidence(handle.db, store, staff, id, upload("وصف.pdf", bytes));
    if (!added.ok) throw new Error("setup");
    for (const who of [staff, otherStaff, reviewer, manager, admin]) {
      expect(await describeEvidence(handle.db, who, id, added.value.id)).toEqual({
        ok: true,
        value: { fileName: "وصف.pdf", mediaType: "application/pdf", sizeBytes: bytes.length, sha256: sha256(bytes) },
      });
    }
    expect(await describeEvidence(handle.db, null, id, added.value.id)).toMatchObject({ ok: false, error: "signedOut" });
    expect(await describeEvidence(handle.db, staff, caseId, added.value.id)).toMatchObject({ ok: false, error: "notFound" });
    expect(await eventsOf(id, "evidence.downloaded")).toEqual([]);
    await removeEvidence(handle.db, staff, added.value.id, "filed twice");
    expect(await describeEvidence(handle.db, staff, id, added.value.id)).toMatchObject({ ok: false, error: "notFound" });
  });

  it("refuses to pass off altered or missing bytes as the evidence", async () => {
    const id = await newCase();
    const bytes = pdf();
    const added = await addEvidence(handle.db, store, staff, id, upload("r.pdf", bytes));
    if (!added.ok) throw new Error("setup");
    const [row] = await rowsOf(id);
    const file = path.join(store.dir, ...row.storageKey.split("/"));
    const altered = Buffer.from(bytes);
    altered[10] ^= 1;
    writeFileSync(file, altered);
    const opened = await openEvidence(handle.db, store, staff, id, added.value.id);
    if (!opened.ok) throw new Error("same size: it opens, and fails as it streams");
    await expect(readAll(opened.value.stream)).rejects.toThrow(/SHA-256/);
    rmSync(file);
    expect(await openEvidence(handle.db, store, staff, id, added.value.id)).toMatchObject({ ok: false, error: "evidenceMissing" });
  });

  it("removes a file from the case with an audited reason, keeping its record and bytes for the chain of custody", async () => {
    const id = await newCase();
    const bytes = pdf();
    const added = await addEvidence(handle.db, store, staff, id, upload("r.pdf", bytes));
    if (!added.ok) throw new Error("setup");
    const evidenceId = added.value.id;
    expect(await removeEvidence(handle.db, otherStaff, evidenceId, "not mine")).toMatchObject({ ok: false, error: "forbidden" });
    expect(await removeEvidence(handle.db, admin, evidenceId)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await removeEvidence(handle.db, null, evidenceId)).toMatchObject({ ok: false, error: "signedOut" });
    expect(await removeEvidence(handle.db, staff, evidenceId, "x".repeat(2001))).toMatchObject({ ok: false, fieldErrors: { reason: ["tooLong"] } });
    expect(await eventsOf(id, "evidence.removed")).toEqual([]);

    expect(await removeEvidence(handle.db, staff, evidenceId, "  Duplicate of the file added by Omar  ")).toEqual({ ok: true, value: undefined });
    const [event] = await eventsOf(id, "evidence.removed");
    expect(event).toMatchObject({ actorId: staff.id, actorLabel: "Amal", entityType: "evidence", entityId: evidenceId, reason: "Duplicate of the file added by Omar" });
    expect(event.changes).toEqual({
      fileName: { from: "r.pdf", to: null },
      mediaType: { from: "application/pdf", to: null },
      sizeBytes: { from: bytes.length, to: null },
      sha256: { from: sha256(bytes), to: null },
    });
    const [row] = await rowsOf(id);
    expect(row.removedAt).toBeInstanceOf(Date);
    expect(await store.get(row.storageKey)).not.toBeNull();
    expect((await getCase(handle.db, staff, id))?.evidence).toEqual([]);
    expect(await openEvidence(handle.db, store, staff, id, evidenceId)).toMatchObject({ ok: false, error: "notFound" });
    // Once removed it cannot be removed again.
    expect(await removeEvidence(handle.db, staff, evidenceId)).toMatchObject({ ok: false, error: "notFound" });
  });

  it("lets a reviewer remove someone else's file, without a reason", async () => {
    const id = await newCase();
    const added = await addEvidence(handle.db, store, staff, id, upload("r.pdf", pdf()));
    if (!added.ok) throw new Error("setup");
    expect(await removeEvidence(handle.db, reviewer, added.value.id)).toEqual({ ok: true, value: undefined });
    const [event] = await eventsOf(id, "evidence.removed");
    expect(event).toMatchObject({ actorLabel: "Karim", reason: null });
  });
});
