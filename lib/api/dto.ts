import { z } from "zod";
import { roleValues } from "@/lib/auth/roles";
import type { CaseDetail, CaseListItem } from "@/lib/cases/queries";
import { caseFields, commentInput, sourceInput, victimInput } from "@/lib/cases/schemas";
import { stages } from "@/lib/cases/vocabulary";

/**
 * What the API returns, as zod schemas: the OpenAPI document describes responses from these, and
 * the mappers below copy exactly the keys these schemas name, so a column added to a table (or an
 * internal one such as searchText or an evidence file's storage key) never leaks by accident.
 * The editable fields reuse the form schemas' field definitions, so their types and lists agree.
 */
const id = z.uuid();
const timestamp = z.iso.datetime({ offset: true });

export const victimDto = z.object({
  id,
  caseId: id,
  ...victimInput.in.shape,
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const sourceDto = z.object({
  id,
  caseId: id,
  ...sourceInput.shape,
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const commentDto = z.object({
  id,
  caseId: id,
  ...commentInput.shape,
  authorId: id,
  authorName: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const evidenceDto = z.object({
  id,
  caseId: id,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string().nullable(),
  addedBy: id,
  addedByName: z.string(),
  addedAt: timestamp,
});

export const caseDto = z.object({
  id,
  reference: z.string().meta({ example: "ALG-2017-0042" }),
  ...caseFields.shape,
  stage: z.enum(stages),
  assigneeId: id.nullable(),
  /** Send it back with a change: a newer version on the server means someone saved since (409). */
  version: z.int().min(1),
  createdBy: id,
  createdByName: z.string(),
  createdAt: timestamp,
  updatedBy: id,
  updatedByName: z.string(),
  updatedAt: timestamp,
  victims: z.array(victimDto),
  sources: z.array(sourceDto),
  evidence: z.array(evidenceDto),
  comments: z.array(commentDto),
});

export const caseSummaryDto = z.object({
  id,
  reference: z.string(),
  title: caseFields.shape.title,
  incidentDateFrom: caseFields.shape.incidentDateFrom,
  incidentDateTo: caseFields.shape.incidentDateFrom,
  country: caseFields.shape.country,
  governoratePcode: caseFields.shape.governoratePcode,
  localityEn: caseFields.shape.localityEn,
  localityAr: caseFields.shape.localityAr,
  stage: z.enum(stages),
  belligerents: caseFields.shape.belligerents,
  killedMin: caseFields.shape.killedMin,
  killedMax: caseFields.shape.killedMax,
  assigneeName: z.string().nullable(),
  updatedAt: timestamp,
});

export const caseListDto = z.object({
  items: z.array(caseSummaryDto),
  total: z.int().min(0),
  page: z.int().min(1),
  size: z.int().min(1),
});

export const trailEventDto = z.object({
  id: z.int(),
  at: timestamp,
  actorLabel: z.string(),
  action: z.string().meta({ example: "case.updated" }),
  entityType: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  reason: z.string().nullable(),
});

export const trailDto = z.object({ items: z.array(trailEventDto) });

export const meDto = z.object({
  id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roleValues),
  permissions: z.array(z.string()),
});

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** The keys a DTO schema names, taken from `source`, dates as ISO strings; nothing else. */
function pick(schema: z.ZodObject, source: Record<string, unknown>): JsonObject {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, toJson(source[key])]));
}

export const toVictimDto = (row: Record<string, unknown>) => pick(victimDto, row);
export const toSourceDto = (row: Record<string, unknown>) => pick(sourceDto, row);
export const toCommentDto = (row: Record<string, unknown>) => pick(commentDto, row);
export const toEvidenceDto = (row: Record<string, unknown>) => pick(evidenceDto, row);
export const toTrailEventDto = (row: Record<string, unknown>) => pick(trailEventDto, row);

export function toCaseDto(c: CaseDetail): JsonObject {
  return {
    ...pick(caseDto, { ...c, createdByName: c.creatorName, updatedByName: c.editorName }),
    victims: c.victims.map(toVictimDto),
    sources: c.sources.map(toSourceDto),
    evidence: c.evidence.map(toEvidenceDto),
    comments: c.comments.map(toCommentDto),
  };
}

export function toCaseSummaryDto(item: CaseListItem): JsonObject {
  return pick(caseSummaryDto, item);
}
