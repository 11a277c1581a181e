import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { users } from "./users";

/** One committed import of a file (lib/import/commit.ts): what came in, from what, and how it went. */
export const imports = pgTable("imports", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  fileName: text("file_name").notNull(),
  fileSize: bigint("file_size", { mode: "number" }).notNull(),
  /** Hex SHA-256 of the file as uploaded. */
  fileSha256: text("file_sha256").notNull(),
  sheet: text("sheet").notNull(),
  /** The column mapping and reading rules the rows were read with. */
  template: jsonb("template").notNull(),
  created: integer("created").notNull(),
  skipped: integer("skipped").notNull(),
  invalid: integer("invalid").notNull(),
  createdBy: uuid("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which row of which import made which case, and the file's own key for it (a re-import finds it by that key). */
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
  },
  (t) => [index("import_records_import_idx").on(t.importId), index("import_records_key_idx").on(t.sourceKey), index("import_records_case_idx").on(t.caseId)],
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
