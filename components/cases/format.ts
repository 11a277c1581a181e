import type { createFormatter } from "next-intl";

type DateFormatter = Pick<ReturnType<typeof createFormatter>, "dateTime">;

/** "32", "30–35", or the word for unknown. */
export function formatRange(min: number | null, max: number | null, unknown: string): string {
  if (min === null && max === null) return unknown;
  if (min === null || max === null || min === max) return String(min ?? max);
  return `${min}–${max}`;
}

/** The incident date as precise as it is known: one day, or the period. */
export function incidentDateText(format: DateFormatter, c: { incidentDateFrom: string; incidentDateTo: string }): string {
  const day = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return c.incidentDateFrom === c.incidentDateTo ? day(c.incidentDateFrom) : `${day(c.incidentDateFrom)} – ${day(c.incidentDateTo)}`;
}
