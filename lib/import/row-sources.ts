import { sourceInput, type SourceInput } from "@/lib/cases/schemas";
import type { SourceField } from "./fields";
import type { RowReader } from "./row-reader";
import { importDate, importFlag, type DateOrder } from "./row-values";
import type { ReadingRules } from "./rows";

/** The source form's field → the row's field it comes from. */
const fieldOfForm: Record<string, SourceField> = {
  type: "sourceType",
  publisher: "sourcePublisher",
  title: "sourceTitle",
  url: "sourceUrl",
  publishedOn: "sourceDate",
  language: "sourceLanguage",
};

/** The addresses in one cell: separated by spaces, line breaks, ";" or "|" (a comma ending one is not part of it). */
const urlsOf = (cell: string) =>
  cell
    .split(/[\s;|]+/)
    .map((u) => u.replace(/[,،]+$/, ""))
    .filter(Boolean);

/**
 * The sources an allegation's own row cites, each checked by the source form's own schema: one per
 * address its source column lists (the other source cells hold for each), or one without an address
 * when only its other cells are filled. The type the file leaves out may be given once for the whole file.
 */
export function readRowSources(r: RowReader<SourceField>, dateOrder: DateOrder, defaults?: ReadingRules["defaults"]): SourceInput[] {
  const filled = (["sourceType", "sourceUrl", "sourceTitle", "sourcePublisher", "sourceDate"] as const).some((f) => r.cell(f));
  if (!filled) return [];
  const before = r.problems.length;
  const type = r.cell("sourceType") ? r.code("sourceType", "sourceTypes", r.cell("sourceType")) : defaults?.sourceType;
  if (!r.cell("sourceType") && !type) r.problem("sourceType", "sourceTypeNeeded");
  const urls = urlsOf(r.cell("sourceUrl"));
  const sources: SourceInput[] = [];
  for (const url of urls.length ? urls : [""]) {
    const parsed = sourceInput.safeParse({
      // A type outside our list is already a problem; "-" keeps the schema from also calling it missing.
      type: type ?? (r.cell("sourceType") ? "-" : undefined),
      publisher: r.cell("sourcePublisher"),
      title: r.cell("sourceTitle"),
      url,
      publishedOn: r.cell("sourceDate") ? importDate(r.cell("sourceDate"), dateOrder) : "",
      language: r.cell("sourceLanguage"),
      confidential: importFlag(r.cell("sourceConfidential")),
    });
    if (parsed.success) sources.push(parsed.data);
    else r.report(parsed.error, (f) => fieldOfForm[f] ?? "sourceUrl");
  }
  return r.problems.length > before ? [] : sources;
}
