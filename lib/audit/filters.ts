import { z } from "zod";

/** The audit explorer's filters, as they appear in the URL (and in the export's header). */
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v === "" ? undefined : v), schema.optional());
const plain = (max: number) => z.string().trim().max(max).regex(/^[^\u0000-\u001f]*$/);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s));

export const auditQuery = z.object({
  /** Part of the actor's name or label ("Karim", "system", "anonymous"). */
  actor: one(plain(200)),
  /** A case reference (ALG-2017-0042). */
  case: one(plain(40)),
  /** An action ("case.updated") or every action of one kind ("case."). */
  action: one(plain(80)),
  from: one(day),
  to: one(day),
  /** Keyset paging: events older than this id. */
  before: one(z.coerce.number().int().min(1)),
});
export type AuditQuery = z.output<typeof auditQuery>;
export type AuditFilters = Omit<AuditQuery, "before">;

/** Unknown or malformed parameters are dropped: a stale bookmark still opens. */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(auditQuery.shape) as (keyof typeof auditQuery.shape)[]) {
    if (auditQuery.shape[key].safeParse(params[key]).success) clean[key] = params[key];
  }
  return auditQuery.parse(clean);
}

export function filtersOf(query: AuditQuery): AuditFilters {
  const { before: _before, ...filters } = query;
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as AuditFilters;
}

export function isUnfiltered(filters: AuditFilters): boolean {
  return Object.values(filters).every((v) => v === undefined);
}
