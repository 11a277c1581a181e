import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { FilesystemEvidenceStore } from "@/lib/evidence/store";
import { addAccount } from "./accounts";
import type { TestBackend } from "./databases";

export type ImportSetting = { handle: DatabaseHandle; reviewer: Actor; staff: Actor; store: FilesystemEvidenceStore; dir: string };

/**
 * What an import's tests stand on: a fresh database of `backend` with a reviewer and a staff member,
 * and an evidence store in a folder of its own; made before the describe block's tests, thrown away after.
 */
export function importSetting(backend: TestBackend): ImportSetting {
  const setting = {} as ImportSetting;
  beforeAll(async () => {
    setting.handle = await backend.open();
    setting.reviewer = await addAccount(setting.handle.db, "reviewer");
    setting.staff = await addAccount(setting.handle.db, "staff");
    setting.dir = mkdtempSync(path.join(tmpdir(), "civharm-import-"));
    setting.store = new FilesystemEvidenceStore(path.join(setting.dir, "evidence"));
  });
  afterAll(async () => {
    await setting.handle.close();
    rmSync(setting.dir, { recursive: true, force: true });
  });
  return setting;
}

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url), "utf8");

/** The Airwars-like fixture's first row `count` times, each with its own code, under a suffix unique to the test. */
export function manyRows(suffix: string, count: number): Buffer {
  const [header, first] = airwarsCsv.split("\n");
  return Buffer.from([header, ...Array.from({ length: count }, (_, i) => first.replace("CS483", `CS483-${suffix}${i}`))].join("\n"));
}

/** Bytes as an upload's stream of one chunk. */
export async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
