import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { S3Client } from "@aws-sdk/client-s3";
import type { EvidenceConfig, EvidenceStoreConfig } from "./config";

/** Bytes as they arrive: an upload's request body, or anything else that yields chunks. */
export type ByteSource = AsyncIterable<Uint8Array>;

/**
 * Where evidence bytes live. Keys are made by the store and are opaque to everyone else; a key is
 * only handed back once every byte is stored, so a failed write never leaves a key to record.
 */
export interface EvidenceStore {
  readonly kind: "filesystem" | "s3";
  /**
   * Stores the bytes under a new key and returns it with the size the store now holds. If the
   * source throws (too large, not what it claimed, the client went away), nothing is left behind
   * and the source's error is re-thrown as it was.
   */
  put(source: ByteSource): Promise<{ key: string; size: number }>;
  /** The stored bytes, or null if the store has nothing under that key. */
  get(key: string): Promise<{ stream: Readable; size: number } | null>;
  /** Removes the bytes; removing what is not there is not an error. */
  delete(key: string): Promise<void>;
}

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** A key as this code makes them: "<year>/<uuid>". Anything else (a path with "..") names nothing. */
const keyPattern = new RegExp(`^\\d{4}/${uuidPattern}$`);

function newKey(): string {
  return `${new Date().getUTCFullYear()}/${randomUUID()}`;
}

/** Half-written uploads older than this are the remains of a crash, not uploads in progress. */
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;

/**
 * Files under a folder (by default DATA_DIR/evidence): DIR/<year>/<uuid>, readable by the server's
 * user only. Each upload is written to DIR/.incoming/ and renamed into place once complete and
 * flushed to disk, so a crash never leaves a half file under a key.
 */
export class FilesystemEvidenceStore implements EvidenceStore {
  readonly kind = "filesystem";
  private lastSweep = 0;

  constructor(readonly dir: string) {}

  private pathOf(key: string): string | null {
    return keyPattern.test(key) ? path.join(this.dir, ...key.split("/")) : null;
  }

  async put(source: ByteSource): Promise<{ key: string; size: number }> {
    const key = newKey();
    const final = this.pathOf(key);
    if (!final) throw new Error(`invalid key ${key}`);
    const incoming = path.join(this.dir, ".incoming");
    await mkdir(incoming, { recursive: true, mode: 0o700 });
    await this.sweepIncoming(incoming);
    const temp = path.join(incoming, `${randomUUID()}.part`);
    const file = await open(temp, "wx", 0o600);
    try {
      try {
        for await (const chunk of source) await file.write(chunk);
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(path.dirname(final), { recursive: true, mode: 0o700 });
      await rename(temp, final);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return { key, size: (await stat(final)).size };
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const file = this.pathOf(key);
    if (!file) return null;
    try {
      const { size, isFile } = await stat(file).then((s) => ({ size: s.size, isFile: s.isFile() }));
      return isFile ? { stream: createReadStream(file), size } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    if (!file) return;
    try {
      await unlink(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }

  /** At most hourly per process: removes what a crashed upload (in any replica) left a day ago. */
  private async sweepIncoming(incoming: string): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < 60 * 60 * 1000) return;
    this.lastSweep = now;
    try {
      for (const name of await readdir(incoming)) {
        const file = path.join(incoming, name);
        const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now }));
        if (now - mtimeMs > STALE_INCOMING_MS) await rm(file, { force: true });
      }
    } catch (err) {
      console.warn("[evidence] could not sweep unfinished uploads:", (err as Error).message);
    }
  }
}

/** S3 needs parts of at least 5 MiB and at most 10,000 of them. */
const MIN_PART_SIZE = 5 * 1024 * 1024;

/**
 * Objects in an S3 bucket, AWS or S3-compatible, under PREFIX<year>/<uuid>. Uploads stream in parts
 * (a few parts in memory at a time, never the whole file); a failed upload is aborted, so no parts
 * or object remain.
 */
export class S3EvidenceStore implements EvidenceStore {
  readonly kind = "s3";
  private readonly partSize: number;

  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    private readonly prefix: string,
    maxBytes: number,
  ) {
    this.partSize = Math.max(MIN_PART_SIZE, Math.ceil(maxBytes / 9_000));
  }

  private objectKey(key: string): string | null {
    if (!key.startsWith(this.prefix)) return null;
    return keyPattern.test(key.slice(this.prefix.length)) ? key : null;
  }

  async put(source: ByteSource): Promise<{ key: string; size: number }> {
    const { Upload } = await import("@aws-sdk/lib-storage");
    const { HeadObjectCommand } = await import("@aws-sdk/client-s3");
    const key = `${this.prefix}${newKey()}`;
    // The source's own error, kept: the SDK may wrap or replace it while aborting.
    let sourceError: unknown;
    const body = Readable.from(
      (async function* () {
        try {
          yield* source;
        } catch (err) {
          sourceError = err;
          throw err;
        }
      })(),
    );
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: key, Body: body, ContentType: "application/octet-stream" },
      partSize: this.partSize,
      queueSize: 2,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      body.destroy();
      // A single-part upload may have completed before the source failed at its very end.
      await this.delete(key).catch(() => undefined);
      throw sourceError ?? err;
    }
    if (sourceError) {
      await this.delete(key).catch(() => undefined);
      throw sourceError;
    }
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    return { key, size: head.ContentLength ?? -1 };
  }

  async get(key: string): Promise<{ stream: Readable; size: number } | null> {
    const objectKey = this.objectKey(key);
    if (!objectKey) return null;
    const { GetObjectCommand } = await import("@aws-sdk/client-s3");
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      if (!(out.Body instanceof Readable)) throw new Error("S3 returned a body that is not a Node stream");
      return { stream: out.Body, size: out.ContentLength ?? -1 };
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    if (!objectKey) return;
    const { DeleteObjectCommand } = await import("@aws-sdk/client-s3");
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }
}

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NoSuchKey" || e?.name === "NotFound" || e?.$metadata?.httpStatusCode === 404;
}

export type S3ClientOptions = {
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/**
 * An S3 client that also suits S3-compatible servers: checksums only where the API requires them
 * (many servers refuse the newer streaming checksums). Credentials come from the standard AWS
 * variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) unless given.
 */
export async function makeS3Client(options: S3ClientOptions): Promise<S3Client> {
  const { S3Client } = await import("@aws-sdk/client-s3");
  return new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

export async function storeFromConfig(store: EvidenceStoreConfig, maxBytes: number): Promise<EvidenceStore> {
  if (store.kind === "filesystem") return new FilesystemEvidenceStore(store.dir);
  const client = await makeS3Client(store);
  return new S3EvidenceStore(client, store.bucket, store.prefix, maxBytes);
}

const globalForStore = globalThis as unknown as { __evidenceStore?: Promise<EvidenceStore> };

/** The process's evidence store, as configured (it holds no state of its own beyond a client). */
export function evidenceStore(config: EvidenceConfig): Promise<EvidenceStore> {
  globalForStore.__evidenceStore ??= storeFromConfig(config.store, config.maxBytes);
  return globalForStore.__evidenceStore;
}
