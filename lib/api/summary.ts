import { z } from "zod";
import { startSummaryExport } from "@/lib/summaries/export";
import { audiences, exportKinds } from "@/lib/summaries/export-kinds";
import { exportResponse } from "@/lib/summaries/export-response";
import { summarise } from "@/lib/summaries/figures";
import { summaryFilter } from "@/lib/summaries/filters";
import type { ApiHandler } from "./handler";
import { json } from "./http";
import { parseQuery } from "./schemas";

export const summaryParams = summaryFilter;
export const summaryExportParams = summaryFilter.extend({ kind: z.enum(exportKinds), audience: z.enum(audiences) });

const count = z.object({ key: z.string(), cases: z.int().min(0) });
const gap = z.object({ min: z.int(), max: z.int(), minPercent: z.number().nullable(), maxPercent: z.number().nullable() });
const harmFields = ["killed", "killedChildren", "killedWomen", "injured", "injuredChildren", "injuredWomen"].flatMap((h) => [`${h}Min`, `${h}Max`]);
const measures = z.object({
  cases: z.int().min(0),
  ...Object.fromEntries(harmFields.map((f) => [f, z.int().min(0)])),
  sent: z.int().min(0),
  documentedMin: z.int().min(0),
  documentedMax: z.int().min(0),
  concededMin: z.int().min(0),
  concededMax: z.int().min(0),
  gap,
});
const breakdown = measures.extend({ key: z.string() });

/** The figures as the summary page shows them; docs/methodology.md defines each. */
export const summaryDto = z.object({
  filter: z.record(z.string(), z.unknown()),
  figures: z.object({
    total: measures.extend({ incendiary: z.int().min(0) }),
    byStage: z.array(count),
    byGrading: z.array(count),
    answers: z.array(count),
    openByAge: z.array(count),
    civilianObjects: z.array(count),
    redress: z.array(z.object({ type: z.string(), status: z.string(), items: z.int().min(0) })),
    amounts: z.array(z.object({ currency: z.string(), status: z.string(), items: z.int().min(0), amount: z.string().describe("Exact decimal, never converted") })),
    durations: z.array(z.object({ step: z.string(), cases: z.int().min(0), median: z.number().nullable(), p90: z.number().nullable() })),
    byYear: z.array(breakdown),
    byGovernorate: z.array(breakdown),
    byBelligerent: z.array(breakdown),
  }),
});

/** GET /summary: the accountability figures for the filters. */
export const summaryEndpoint: ApiHandler = async ({ db, url, actor }) => {
  const filter = parseQuery(url, summaryParams);
  return json({ filter, figures: await summarise(db, actor, filter) });
};

/** GET /summary/export: the same exports as the page, streamed, in English. */
export const summaryExportEndpoint: ApiHandler = async ({ db, url, actor }) => {
  const { kind, audience, ...filter } = parseQuery(url, summaryExportParams);
  return exportResponse(await startSummaryExport(db, actor, { kind, audience, filter }, "en"));
};
