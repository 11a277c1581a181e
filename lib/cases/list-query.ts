import { z } from "zod";
import { belligerents, countries, gradings, stages } from "./vocabulary";

/** The case list's filters, as they appear in the URL (so a view can be bookmarked and shared). */
export const sortKeys = ["incident", "updated", "deaths"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v), schema.optional());
const many = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v.filter(Boolean) : [v]), z.array(schema));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));
// PostgreSQL refuses NUL in text, and no filter value needs control characters.
const plain = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001f]*$/);

export const caseListQuery = z.object({
  q: one(plain(200)),
  stage: many(z.enum(stages)),
  grading: many(z.enum(gradings)),
  belligerent: many(z.enum(belligerents)),
  country: one(z.enum(countries)),
  governorate: one(plain(12)),
  from: one(day),
  to: one(day),
  /** "me", "none" or an account id. */
  assignee: one(plain(40)),
  tag: many(plain(60)),
  /** Cases assigned to the viewer or filed by them. */
  mine: one(z.enum(["1"])),
  /** Cases waiting on the belligerent's answer for longer than the configured period. */
  overdue: one(z.enum(["1"])),
  sort: one(z.enum(sortKeys)).default("incident"),
  dir: one(z.enum(["asc", "desc"])).default("desc"),
  page: one(z.coerce.number().int().min(1).max(100_000)).default(1),
  size: one(z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n))))).default(25),
});

export type CaseListQuery = z.output<typeof caseListQuery>;

/** The filters the case list shares with the accountability summaries. */
export const caseFilter = caseListQuery.pick({ from: true, to: true, belligerent: true, country: true, governorate: true, stage: true, grading: true });
export type CaseFilter = z.output<typeof caseFilter>;

/** Unknown or malformed parameters are dropped rather than failing the page: a stale bookmark still opens. */
export function parseCaseListQuery(params: Record<string, string | string[] | undefined>): CaseListQuery {
  return parseLeniently(caseListQuery, params);
}

export function parseCaseFilter(params: Record<string, string | string[] | undefined>): CaseFilter {
  return parseLeniently(caseFilter, params);
}

function parseLeniently<S extends z.ZodObject>(schema: S, params: Record<string, string | string[] | undefined>): z.output<S> {
  const clean: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    if ((field as z.ZodType).safeParse(params[key]).success) clean[key] = params[key];
  }
  return schema.parse(clean);
}

/** The query back as URL parameters, defaults left out, for links that keep the current view. */
export function toSearchParams(query: Partial<CaseListQuery>): URLSearchParams {
  const out = new URLSearchParams();
  const defaults: Partial<Record<keyof CaseListQuery, unknown>> = { sort: "incident", dir: "desc", page: 1, size: 25 };
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "" || defaults[key as keyof CaseListQuery] === value) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, String(v));
  }
  return out;
}
