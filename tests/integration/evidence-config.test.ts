import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEvidenceConfig } from "@/lib/evidence/config";
import { formatBytes } from "@/lib/evidence/format";

const cwd = "/srv/civharm";
const dataDir = "/srv/civharm/data";

function problems(env: Record<string, string>): string[] {
  const result = parseEvidenceConfig(env, dataDir, cwd);
  if (result.ok) throw new Error("accepted an invalid environment");
  return result.problems;
}

describe("evidence configuration", () => {
  it("keeps files under the data folder, up to 200 MB, with no network needed", () => {
    expect(parseEvidenceConfig({}, dataDir, cwd)).toEqual({
      ok: true,
      config: { maxBytes: 209715200, store: { kind: "filesystem", dir: path.join(dataDir, "evidence") } },
    });
  });

  it("takes a size limit and a folder of one's own, never inside public/", () => {
    expect(parseEvidenceConfig({ EVIDENCE_MAX_BYTES: "1048576", EVIDENCE_DIR: "/mnt/evidence" }, dataDir, cwd)).toEqual({
      ok: true,
      config: { maxBytes: 1048576, store: { kind: "filesystem", dir: "/mnt/evidence" } },
    });
    expect(problems({ EVIDENCE_DIR: "public/uploads" })).toEqual(["EVIDENCE_DIR must not be inside public/, which the web server serves to anyone"]);
    expect(problems({ EVIDENCE_MAX_BYTES: "200MB" })).toEqual(["EVIDENCE_MAX_BYTES must be a whole number of bytes, e.g. 209715200 for 200 MB"]);
    expect(problems({ EVIDENCE_MAX_BYTES: "0" })).toHaveLength(1);
  });

  it("uses an S3-compatible bucket when one is named", () => {
    const env = {
      EVIDENCE_S3_BUCKET: "civharm-evidence",
      EVIDENCE_S3_REGION: "eu-central-1",
      EVIDENCE_S3_ENDPOINT: "http://127.0.0.1:9000",
      EVIDENCE_S3_FORCE_PATH_STYLE: "true",
    };
    expect(parseEvidenceConfig(env, dataDir, cwd)).toEqual({
      ok: true,
      config: {
        maxBytes: 209715200,
        store: { kind: "s3", bucket: "civharm-evidence", region: "eu-central-1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, prefix: "evidence/" },
      },
    });
    const fromAws = parseEvidenceConfig({ EVIDENCE_S3_BUCKET: "b-1", AWS_REGION: "us-east-1" }, dataDir, cwd);
    expect(fromAws.ok && fromAws.config.store).toMatchObject({ kind: "s3", region: "us-east-1", forcePathStyle: false });
  });

  it("names every S3 setting that is wrong or incomplete", () => {
    expect(problems({ EVIDENCE_S3_BUCKET: "civharm-evidence" })).toEqual([
      "EVIDENCE_S3_REGION is required when EVIDENCE_S3_BUCKET is set (S3-compatible servers usually accept us-east-1)",
    ]);
    expect(problems({ EVIDENCE_S3_ENDPOINT: "http://127.0.0.1:9000" })).toEqual([
      "EVIDENCE_S3_ENDPOINT is set but EVIDENCE_S3_BUCKET is not: set the bucket too, or remove it",
    ]);
    expect(
      problems({ EVIDENCE_S3_BUCKET: "Bad_Bucket", EVIDENCE_S3_REGION: "x", EVIDENCE_S3_ENDPOINT: "minio:9000", EVIDENCE_S3_FORCE_PATH_STYLE: "yes" }).map(
        (p) => p.split(" ")[0],
      ),
    ).toEqual(["EVIDENCE_S3_BUCKET", "EVIDENCE_S3_ENDPOINT", "EVIDENCE_S3_FORCE_PATH_STYLE"]);
    expect(problems({ EVIDENCE_S3_BUCKET: "b-1", EVIDENCE_S3_REGION: "us-east-1", EVIDENCE_DIR: "/mnt/e" })).toEqual([
      "EVIDENCE_DIR cannot be used with EVIDENCE_S3_BUCKET: choose one evidence store",
    ]);
  });

  it("shows sizes in the reader's units", () => {
    expect(formatBytes(209715200, "en")).toBe("200 MB");
    expect(formatBytes(1536, "en")).toBe("1.5 kB");
    expect(formatBytes(512, "en")).toBe("512 bytes");
  });
});
