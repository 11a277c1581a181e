import { z } from "zod";
import { importStatuses } from "@/db/schema";
import { belligerentAnswers, gradings, stages } from "@/lib/cases/vocabulary";
import { importFields } from "@/lib/import/fields";
import { rulesInput } from "@/lib/import/templates";
import { victimFields } from "@/lib/import/victim-rows";
import { cancelImport, errorFileOf, previewUpload, readingRequest, startImport, uploadImport } from "@/lib/import/jobs";
import type { ImportPreview } from "@/lib/import/preview";
import { listImports, readImportState, type ImportState } from "@/lib/import/queries";
import { undoImport } from "@/lib/import/undo";
import { translatorFor } from "@/lib/i18n/translator";
import { attachmentDisposition } from "@/lib/evidence/web";
import { uploadOf, type ImportUpload } from "@/lib/import/received-file";
import { uploadVictimsFile } from "@/lib/import/victims-file";
import { API_BASE } from "./cases";
import { ApiError, englishMessage } from "./errors";
import { readBody, type ApiHandler } from "./handler";
import { failureResponse, json } from "./http";

export const importReadingBody = readingRequest;
export const importUndoBody = z.object({ reason: z.string().describe("Why the import is undone; kept with every withdrawn allegation") });

export const importDto = z.object({
  id: z.uuid(),
  status: z.enum([...importStatuses, "interrupted"]).describe("interrupted: a job whose server stopped answering; it may be started again"),
  fileName: z.string(),
  fileSize: z.int().min(0),
  sha256: z.string(),
  sheet: z.string().nullable(),
  victimsFile: z
    .object({ name: z.string(), size: z.int().min(0), sha256: z.string() })
    .nullable()
    .describe("The second file listing the victims, when one was uploaded (POST /imports/{importId}/victims-file)"),
  created: z.int().min(0),
  updated: z.int().min(0).describe("Rows an earlier import filed (same key) whose values changed: updated in place"),
  skipped: z.int().min(0).describe("Rows an earlier import filed (same key), unchanged"),
  invalid: z.int().min(0).describe("Rows left out for their problems"),
  progress: z.object({ done: z.int().min(0), total: z.int().min(0) }).describe("Rows filed so far by a running job (on PostgreSQL; an embedded database reports at the end)"),
  cancelRequested: z.boolean(),
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const importListDto = z.object({ items: z.array(importDto) });

const problemDto = z.object({
  sheet: z.string().optional().describe("The victims sheet, for a problem of one of its rows (otherwise the allegations' sheet)"),
  row: z.int(),
  column: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  message: z.string().describe("In English"),
});
export const importPreviewDto = z.object({
  sheets: z.array(z.string()),
  sheet: z.string(),
  headers: z.array(z.string()),
  examples: z.array(z.string()).describe("Each column's first value that is not empty"),
  mapping: z.record(z.string(), z.enum(importFields)).describe("Column number (from 0) → our field"),
  rules: rulesInput.describe("The reading rules used"),
  template: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  rows: z.int().min(0),
  validRows: z.int().min(0),
  invalidRows: z.int().min(0),
  toFile: z.int().min(0).describe("Rows a commit would file as new allegations"),
  toUpdate: z.int().min(0).describe("Rows an earlier import filed whose values changed: their cases are updated in place"),
  unchanged: z.int().min(0).describe("Rows an earlier import filed, unchanged: left as they are"),
  setAside: z.array(z.int()).describe("Rows left out as asked (`skip`)"),
  lookalikes: z
    .array(z.object({ row: z.int(), cases: z.array(z.object({ id: z.uuid(), reference: z.string(), title: z.string() })) }))
    .describe("Rows to file that look like allegations filed by hand (within 3 days in the governorate, or 2 km): the first 200; leave one out with `skip`, or file it as the duplicate of one with `duplicates`"),
  lookalikeCount: z.int().min(0),
  duplicates: z.record(z.string(), z.uuid()).describe("Rows a commit would file as duplicates of allegations already here (`duplicates`): row number → the original's id"),
  firstRows: z.array(
    z.object({
      row: z.int(),
      input: z.record(z.string(), z.unknown()).describe("The allegation as it would be filed: the fields of POST /cases"),
      stage: z.enum(stages).describe("The stage the row takes it to: the moves a person would make, each in its trail"),
      grading: z.enum(gradings).nullable(),
      answer: z.enum(belligerentAnswers).nullable(),
    }),
  ),
  problems: z.array(problemDto),
  problemCount: z.int().min(0),
  inRows: z
    .object({ victims: z.int().min(0), sources: z.int().min(0) })
    .describe("Victims and sources named in the allegations' own rows (victim and source fields of `mapping`) that a commit would file with the new allegations"),
  victims: z
    .object({
      sheet: z.string(),
      file: z.boolean().describe("The sheet is one of the victims file's (`rules.victims.file`)"),
      label: z.string().describe("How problems name the victims' sheet: its name, or the victims file's"),
      headers: z.array(z.string()),
      examples: z.array(z.string()),
      mapping: z.record(z.string(), z.enum(victimFields)).describe("Column number (from 0) of the victims sheet → victim field"),
      toFile: z.int().min(0).describe("Victims a commit would file, with the new allegations their key names"),
    })
    .nullable()
    .describe("The victims sheet named by `rules.victims`, joined to the allegations on their code"),
  victimsFile: z
    .object({ name: z.string(), sheets: z.array(z.string()) })
    .nullable()
    .describe("The import's victims file (POST /imports/{importId}/victims-file), when one was uploaded; name one of its sheets with `rules.victims = { file: true, sheet }`"),
});
export const importUndoneDto = z.object({ withdrawn: z.int().min(0) });

function toImportDto(s: ImportState): z.input<typeof importDto> {
  return {
    id: s.id,
    status: s.status,
    fileName: s.fileName,
    fileSize: s.fileSize,
    sha256: s.fileSha256,
    sheet: s.sheet,
    victimsFile: s.victimsFile && { name: s.victimsFile.name, size: s.victimsFile.size, sha256: s.victimsFile.sha256 },
    created: s.created,
    updated: s.updated,
    skipped: s.skipped,
    invalid: s.invalid,
    progress: { done: s.progressDone, total: s.progressTotal },
    cancelRequested: s.cancelRequested,
    failure: s.failure,
    createdBy: s.createdByName,
    createdAt: s.createdAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
  };
}

function toPreviewDto(p: ImportPreview) {
  return {
    ...p,
    problems: p.problems.map(({ sheet, row, column, field, message, params }) => ({ sheet, row, column, field, code: message, message: englishMessage(message, params) })),
  };
}

async function importResponse(req: Parameters<ApiHandler>[0], id: string, status = 200, headers: Record<string, string> = {}) {
  const state = await readImportState(req.db, req.actor, id);
  if (!state) throw new ApiError({ error: "notFound" });
  return json(toImportDto(state), status, headers);
}

/** POST /imports: the file as the body, its name in X-File-Name (percent-encoded UTF-8). */
export const uploadImportEndpoint: ApiHandler = async (req) => {
  const result = await uploadImport(req.db, await req.store(), req.actor, uploadIn(req));
  if (!result.ok) return failureResponse(result);
  return importResponse(req, result.value.importId, 201, { Location: `${API_BASE}/imports/${result.value.importId}` });
};

/** POST /imports/{importId}/victims-file: a second file listing the victims, as the first is uploaded. */
export const uploadVictimsFileEndpoint: ApiHandler = async (req) => {
  const result = await uploadVictimsFile(req.db, await req.store(), req.actor, req.params.importId, uploadIn(req));
  return result.ok ? importResponse(req, req.params.importId) : failureResponse(result);
};

function uploadIn(req: Parameters<ApiHandler>[0]): ImportUpload {
  const upload = uploadOf(req.request);
  if (!upload) throw new ApiError({ error: "invalidInput", fieldErrors: { fileName: ["invalid"] } });
  return upload;
}

export const listImportsEndpoint: ApiHandler = async ({ db, actor }) => json({ items: (await listImports(db, actor)).map(toImportDto) });

export const getImportEndpoint: ApiHandler = (req) => importResponse(req, req.params.importId);

export const previewImportEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, importReadingBody, { optional: true });
  const result = await previewUpload(req.db, await req.store(), req.actor, req.params.importId, body);
  return result.ok ? json(toPreviewDto(result.value)) : failureResponse(result);
};

export const commitImportEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, importReadingBody, { optional: true });
  const result = await startImport(req.db, await req.store(), req.actor, req.params.importId, body);
  if (!result.ok) return failureResponse(result);
  return importResponse(req, req.params.importId, 202);
};

export const cancelImportEndpoint: ApiHandler = async (req) => {
  const result = await cancelImport(req.db, req.actor, req.params.importId);
  return result.ok ? importResponse(req, req.params.importId) : failureResponse(result);
};

export const undoImportEndpoint: ApiHandler = async (req) => {
  const body = await readBody(req.request, importUndoBody);
  const result = await undoImport(req.db, req.actor, req.params.importId, body);
  return result.ok ? json(result.value) : failureResponse(result);
};

/** GET /imports/{importId}/errors: the rows left out, as the commit read them, with English messages. */
export const importErrorsEndpoint: ApiHandler = async (req) => {
  const result = await errorFileOf(req.db, await req.store(), req.actor, req.params.importId, {}, translatorFor("en"));
  if (!result.ok) return failureResponse(result);
  return new Response(result.value.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(result.value.fileName),
      "Cache-Control": "no-store",
    },
  });
};
