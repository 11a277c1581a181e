import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

export const importStatuses = ["uploaded", "running", "committed", "failed", "cancelled", "undone"] as const;
export type ImportStatus = (typeof importStatuses)[number];
export type VictimsFile = { name: string; size: number; sha256: string; key: string };
/** A preview job's state: running with its progress, done with the preview (as JSON), or refused. */
export type PreviewState =
  | { status: "running"; done: number; total: number }
  | { status: "done"; at: string; preview: unknown }
  | { status: "failed"; failure: { error: string; fieldErrors?: Record<string, string[]>; params?: Record<string, string> } };

/**
 * One file brought in (lib/import/jobs.ts): uploaded and kept in the evidence store, previewed,
 * then committed by a job on the server whose progress and heartbeat are written here, and
 * perhaps undone. Counts and the template are those of the commit.
 */
export const imports = pgTable(
  "imports",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    status: text("status", { enum: importStatuses }).notNull().default("uploaded"),
    fileName: text("file_name").notNull(),
    fileSize: bigint("file_size", { mode: "number" }).notNull(),
    /** Hex SHA-256 of the file as uploaded. */
    fileSha256: text("file_sha256").notNull(),
    /** Where the uploaded bytes are kept (the evidence store): the provenance of what the import filed. */
    fileKey: text("file_key"),
    sheet: text("sheet"),
    /** A second file listing the victims (lib/import/victims-file.ts), kept beside the first: its name, size, SHA-256 and store key. */
    victimsFile: jsonb("victims_file").$type<VictimsFile>(),
    /** The column mapping and reading rules the rows were read with. */
    template: jsonb("template"),
    created: integer("created").notNull().default(0),
    /** Rows an earlier import filed whose values changed: their cases updated in place. */
    updated: integer("updated").notNull().default(0),
    /** Rows an earlier import filed, unchanged. */
    skipped: integer("skipped").notNull().default(0),
    invalid: integer("invalid").notNull().default(0),
    /** Rows the running commit has filed so far, of how many (written beside its transaction, on PostgreSQL). */
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total").notNull().default(0),
    /** Written every few seconds while a job runs: a stale heartbeat is a job whose process died. */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /**
     * The preview of a large file, run on the server (lib/import/preview-jobs.ts): the reading it is
     * of (a hash), its state (progress, then the preview or the refusal), and its heartbeat.
     */
    previewKey: text("preview_key"),
    previewState: jsonb("preview_state").$type<PreviewState>(),
    previewHeartbeatAt: timestamp("preview_heartbeat_at", { withTimezone: true }),
    /** Why a job failed: an error code of lib/result.ts. */
    failure: text("failure"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("imports_created_idx").on(t.createdAt)],
);

/** Which row of which import made or updated which case, and the file's own key for it (a re-import finds it by that key). */
export const importRecords = pgTable(
  "import_records",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    rowNumber: integer("row_number").notNull(),
    sourceKey: text("source_key"),
    /** The case's version as this import left it: a later version means someone changed it since. */
    caseVersion: integer("case_version").notNull().default(1),
    /** This row filed the case (rather than updating one an earlier import filed): an undo withdraws it. */
    created: boolean("created").notNull().default(false),
  },
  (t) => [index("import_records_import_idx").on(t.importId, t.rowNumber), index("import_records_key_idx").on(t.sourceKey), index("import_records_case_idx").on(t.caseId)],
);

/** A named column mapping and reading rules, kept for the next file of the same shape (its headers). */
export const importTemplates = pgTable(
  "import_templates",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    /** The headers of the file it was made for, compared as lib/import/name-matching.ts compacts them. */
    headers: text("headers").array().notNull(),
    mapping: jsonb("mapping").notNull(),
    rules: jsonb("rules").notNull(),
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("import_templates_name_idx").on(t.name)],
);
