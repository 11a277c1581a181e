import { z } from "zod";
import { roleValues } from "@/lib/auth/roles";
import type { CaseDetail, CaseListItem } from "@/lib/cases/queries";
import { caseFields, commentInput, sourceInput, victimInput } from "@/lib/cases/schemas";
import {
  assessmentMethods,
  belligerentAnswers,
  closingReasons,
  gradings,
  nonCredibleReasons,
  redressStatuses,
  redressTypes,
  sendingChannels,
  sendingKinds,
  stages,
} from "@/lib/cases/vocabulary";
import { moves } from "@/lib/cases/lifecycle";

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

const day = z.iso.date();
const count = z.int().min(0).nullable();

export const stageMoveDto = z.object({
  id: z.int(),
  move: z.enum(moves),
  fromStage: z.enum(stages),
  toStage: z.enum(stages),
  closingReason: z.enum(closingReasons).nullable(),
  reason: z.string().nullable(),
  evidenceIds: z.array(id),
  movedBy: id,
  moverName: z.string(),
  movedAt: timestamp,
});

export const assessmentDto = z.object({
  id,
  caseId: id,
  grading: z.enum(gradings),
  method: z.enum(assessmentMethods),
  siteVisit: z.boolean().nullable(),
  witnessesInterviewed: count,
  deathsMin: count,
  deathsMax: count,
  ihlConcerns: z.string().nullable(),
  reasoning: z.string(),
  assessedBy: id,
  assessorName: z.string(),
  assessedAt: timestamp,
});

export const responseDto = z.object({
  id,
  caseId: id,
  kind: z.enum(sendingKinds),
  sentOn: day,
  channel: z.enum(sendingChannels),
  sentReference: z.string().nullable(),
  evidenceIds: z.array(id),
  sentBy: id,
  senderName: z.string(),
  sentAt: timestamp,
  answer: z.enum(belligerentAnswers).nullable(),
  nonCredibleReason: z.enum(nonCredibleReasons).nullable(),
  deathsConcededMin: count,
  deathsConcededMax: count,
  injuriesConcededMin: count,
  injuriesConcededMax: count,
  answeredOn: day.nullable(),
  answerReference: z.string().nullable(),
  answerNote: z.string().nullable(),
  answerRecordedBy: id.nullable(),
  answererName: z.string().nullable(),
  answerRecordedAt: timestamp.nullable(),
});

export const redressItemDto = z.object({
  id,
  caseId: id,
  type: z.enum(redressTypes),
  description: z.string().nullable(),
  amount: z.string().nullable().meta({ description: "Decimal text, for payments", example: "15000.00" }),
  currency: z.string().nullable().meta({ description: "ISO 4217", example: "USD" }),
  status: z.enum(redressStatuses),
  requestedOn: day.nullable(),
  offeredOn: day.nullable(),
  acceptedOn: day.nullable(),
  settledOn: day.nullable().meta({ description: "When it was delivered (paid), refused or denied" }),
  beneficiaryIds: z.array(id).meta({ description: "Victims of the case" }),
  version: z.int().min(1),
  createdBy: id,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const caseLink = z.object({ id, reference: z.string(), title: z.string() });

export const lifecycleDto = z.object({
  moves: z.array(stageMoveDto),
  assessments: z.array(assessmentDto).meta({ description: "Latest first; the latest counts" }),
  responses: z.array(responseDto).meta({ description: "Sendings to the belligerent with their answers, latest first" }),
  redress: z.array(redressItemDto),
  duplicates: z.array(caseLink).meta({ description: "Cases marked as duplicates of this one" }),
  duplicateOfCase: caseLink.nullable(),
});

export const caseDto = z.object({
  id,
  reference: z.string().meta({ example: "ALG-2017-0042" }),
  ...caseFields.shape,
  stage: z.enum(stages),
  stageEnteredAt: timestamp,
  grading: z.enum(gradings).nullable().meta({ description: "The latest assessment's" }),
  closingReason: z.enum(closingReasons).nullable(),
  duplicateOf: id.nullable(),
  awaitingAnswerSince: day.nullable().meta({ description: "When the case was sent, while the belligerent's answer is awaited" }),
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
  lifecycle: lifecycleDto,
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
  grading: z.enum(gradings).nullable(),
  closingReason: z.enum(closingReasons).nullable(),
  duplicateOf: id.nullable(),
  overdue: z.boolean().meta({ description: "Waiting on the belligerent's answer for longer than the configured period" }),
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
    lifecycle: {
      moves: c.lifecycle.moves.map((m) => pick(stageMoveDto, m)),
      assessments: c.lifecycle.assessments.map((a) => pick(assessmentDto, a)),
      responses: c.lifecycle.responses.map((r) => pick(responseDto, r)),
      redress: c.lifecycle.redress.map((r) => pick(redressItemDto, r)),
      duplicates: c.lifecycle.duplicates.map((d) => pick(caseLink, d)),
      duplicateOfCase: c.lifecycle.duplicateOfCase ? pick(caseLink, c.lifecycle.duplicateOfCase) : null,
    },
  };
}

export function toCaseSummaryDto(item: CaseListItem): JsonObject {
  return pick(caseSummaryDto, item);
}
