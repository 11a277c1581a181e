import path from "node:path";
import { z } from "zod";

/** 200 MB: a few minutes of phone video, or any photo, PDF or document. */
export const DEFAULT_EVIDENCE_MAX_BYTES = 200 * 1024 * 1024;
/** S3 objects stop at 5 TiB; nothing larger could be stored anywhere we support. */
const LARGEST_EVIDENCE_MAX_BYTES = 5 * 1024 ** 4;

export type EvidenceStoreConfig =
  | { kind: "filesystem"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      region: string;
      /** An S3-compatible server (MinIO, Ceph, Garage…); AWS itself when absent. */
      endpoint?: string;
      forcePathStyle: boolean;
      /** Prepended to every key, e.g. "evidence/". */
      prefix: string;
    };

export type EvidenceConfig = { maxBytes: number; store: EvidenceStoreConfig };

const flag = z.enum(["true", "false"], "must be 'true' or 'false'");

const envSchema = z
  .object({
    EVIDENCE_MAX_BYTES: z
      .string()
      .trim()
      .regex(/^[1-9]\d*$/, "must be a whole number of bytes, e.g. 209715200 for 200 MB")
      .transform(Number)
      .refine((n) => n <= LARGEST_EVIDENCE_MAX_BYTES, "must be at most 5497558138880 (5 TiB)")
      .optional(),
    EVIDENCE_DIR: z.string().trim().min(1, "must not be empty").optional(),
    EVIDENCE_S3_BUCKET: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens")
      .optional(),
    EVIDENCE_S3_REGION: z.string().trim().regex(/^[a-z0-9-]+$/, "must be a region name such as us-east-1").optional(),
    EVIDENCE_S3_ENDPOINT: z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+$/, "must be an http:// or https:// URL, e.g. http://127.0.0.1:9000")
      .optional(),
    EVIDENCE_S3_FORCE_PATH_STYLE: flag.optional(),
    EVIDENCE_S3_PREFIX: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9!_.*'()\/-]*$/, "may only use letters, digits and ! _ . * ' ( ) / -")
      .optional(),
    AWS_REGION: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.EVIDENCE_S3_BUCKET) {
      if (!env.EVIDENCE_S3_REGION && !env.AWS_REGION?.trim()) {
        ctx.addIssue({
          code: "custom",
          path: ["EVIDENCE_S3_REGION"],
          message: "is required when EVIDENCE_S3_BUCKET is set (S3-compatible servers usually accept us-east-1)",
        });
      }
      if (env.EVIDENCE_DIR) {
        ctx.addIssue({ code: "custom", path: ["EVIDENCE_DIR"], message: "cannot be used with EVIDENCE_S3_BUCKET: choose one evidence store" });
      }
      return;
    }
    for (const name of ["EVIDENCE_S3_REGION", "EVIDENCE_S3_ENDPOINT", "EVIDENCE_S3_FORCE_PATH_STYLE", "EVIDENCE_S3_PREFIX"] as const) {
      if (env[name] !== undefined) ctx.addIssue({ code: "custom", path: [name], message: "is set but EVIDENCE_S3_BUCKET is not: set the bucket too, or remove it" });
    }
  });

export type EvidenceConfigResult = { ok: true; config: EvidenceConfig } | { ok: false; problems: string[] };

/**
 * The evidence store and upload limit from the environment. Files go under the data folder unless a
 * bucket is named; the folder must never be one the web server serves (public/).
 */
export function parseEvidenceConfig(env: Record<string, string | undefined>, dataDir: string, cwd = process.cwd()): EvidenceConfigResult {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);
  const parsed = envSchema.safeParse({
    EVIDENCE_MAX_BYTES: blankToUndefined(env.EVIDENCE_MAX_BYTES),
    EVIDENCE_DIR: blankToUndefined(env.EVIDENCE_DIR),
    EVIDENCE_S3_BUCKET: blankToUndefined(env.EVIDENCE_S3_BUCKET),
    EVIDENCE_S3_REGION: blankToUndefined(env.EVIDENCE_S3_REGION),
    EVIDENCE_S3_ENDPOINT: blankToUndefined(env.EVIDENCE_S3_ENDPOINT),
    EVIDENCE_S3_FORCE_PATH_STYLE: blankToUndefined(env.EVIDENCE_S3_FORCE_PATH_STYLE),
    EVIDENCE_S3_PREFIX: blankToUndefined(env.EVIDENCE_S3_PREFIX),
    AWS_REGION: blankToUndefined(env.AWS_REGION),
  });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) };
  const e = parsed.data;
  const maxBytes = e.EVIDENCE_MAX_BYTES ?? DEFAULT_EVIDENCE_MAX_BYTES;
  if (e.EVIDENCE_S3_BUCKET) {
    return {
      ok: true,
      config: {
        maxBytes,
        store: {
          kind: "s3",
          bucket: e.EVIDENCE_S3_BUCKET,
          region: e.EVIDENCE_S3_REGION ?? (e.AWS_REGION ?? "").trim(),
          endpoint: e.EVIDENCE_S3_ENDPOINT,
          forcePathStyle: e.EVIDENCE_S3_FORCE_PATH_STYLE === "true",
          prefix: e.EVIDENCE_S3_PREFIX ?? "evidence/",
        },
      },
    };
  }
  const dir = path.resolve(cwd, e.EVIDENCE_DIR ?? path.join(dataDir, "evidence"));
  const publicDir = path.resolve(cwd, "public");
  if (dir === publicDir || dir.startsWith(publicDir + path.sep)) {
    return { ok: false, problems: ["EVIDENCE_DIR must not be inside public/, which the web server serves to anyone"] };
  }
  return { ok: true, config: { maxBytes, store: { kind: "filesystem", dir } } };
}
