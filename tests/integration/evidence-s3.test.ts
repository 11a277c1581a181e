import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { ListObjectsV2Command, type S3Client } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { evidenceFiles } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { createCase } from "@/lib/cases/commands";
import { addEvidence } from "@/lib/evidence/commands";
import { openEvidence } from "@/lib/evidence/queries";
import { makeS3Client, S3EvidenceStore } from "@/lib/evidence/store";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

// s3rver: a real S3-compatible server in Node (no types of its own), on a random local port.
type S3rverOptions = { address: string; port: number; silent: boolean; directory: string; configureBuckets: { name: string }[] };
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverServer;

const BUCKET = "evidence-test";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function* chunked(bytes: Uint8Array, size = 256 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const pdf = (padding: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(padding), Buffer.from("\n%%EOF\n")]);

describe("the S3 evidence store, against an S3-compatible server", () => {
  let server: S3rverServer;
  let directory: string;
  let client: S3Client;
  let store: S3EvidenceStore;

  beforeAll(async () => {
    directory = mkdtempSync(path.join(tmpdir(), "civharm-s3rver-"));
    server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET }] });
    const { port } = await server.run();
    client = await makeS3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    store = new S3EvidenceStore(client, BUCKET, "evidence/", 200 * 1024 * 1024);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const keysInBucket = async () => ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key);

  it("stores, returns and deletes a small file byte for byte", async () => {
    const bytes = pdf(10_000);
    const { key, size } = await store.put(chunked(bytes, 1000));
    expect(key).toMatch(/^evidence\/\d{4}\/[0-9a-f-]{36}$/);
    expect(size).toBe(bytes.length);
    const got = await store.get(key);
    expect(got?.size).toBe(bytes.length);
    expect(sha256(await readAll(got?.stream ?? chunked(Buffer.alloc(0))))).toBe(sha256(bytes));
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await keysInBucket()).not.toContain(key);
  });

  it("streams a file larger than one part as a multipart upload", async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 123); // three 5 MiB parts, the last one short
    const { key, size } = await store.put(chunked(bytes));
    expect(size).toBe(bytes.length);
    const got = await store.get(key);
    expect(sha256(await readAll(got?.stream ?? chunked(Buffer.alloc(0))))).toBe(sha256(bytes));
    await store.delete(key);
  });

  it("leaves nothing in the bucket when the source fails, small or multipart, and re-throws the source's error", async () => {
    const before = await keysInBucket();
    class Refused extends Error {}
    for (const length of [3000, 11 * 1024 * 1024]) {
      const failing = (async function* () {
        yield* chunked(randomBytes(length));
        throw new Refused("too large");
      })();
      await expect(store.put(failing)).rejects.toBeInstanceOf(Refused);
    }
    expect(await keysInBucket()).toEqual(before);
  });

  it("names nothing outside its own keys", async () => {
    expect(await store.get("../other-bucket/secret")).toBeNull();
    expect(await store.get("evidence/2026/00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(store.delete("evidence/2026/../../x")).resolves.toBeUndefined();
  });

  describe.each(backends)("behind addEvidence on $name", (backend) => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await backend.open();
    });
    afterAll(() => handle.close());

    it("records the file with its SHA-256, serves it back, and keeps nothing of a refused one", async () => {
      const staff = await addAccount(handle.db, "staff");
      const created = await createCase(handle.db, staff, hararAlBaduInput());
      if (!created.ok) throw new Error("setup");
      const caseId = created.value.id;
      const bytes = pdf(6 * 1024 * 1024);
      const added = await addEvidence(handle.db, store, staff, caseId, { fileName: "report.pdf", stream: chunked(bytes), declaredSize: bytes.length });
      expect(added).toMatchObject({ ok: true, value: { mediaType: "application/pdf", sizeBytes: bytes.length, sha256: sha256(bytes) } });
      if (!added.ok) return;
      const [row] = await handle.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, added.value.id));
      expect(await keysInBucket()).toContain(row.storageKey);
      const opened = await openEvidence(handle.db, store, staff, caseId, added.value.id);
      if (!opened.ok) throw new Error("download refused");
      expect(sha256(await readAll(opened.value.stream))).toBe(sha256(bytes));

      const before = await keysInBucket();
      const tooLarge = await addEvidence(handle.db, store, staff, caseId, { fileName: "big.pdf", stream: chunked(pdf(3 * 1024 * 1024)) }, { maxBytes: 2 * 1024 * 1024 });
      expect(tooLarge).toMatchObject({ ok: false, error: "evidenceTooLarge" });
      expect(await keysInBucket()).toEqual(before);
    });
  });
});
