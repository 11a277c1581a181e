/** What a summary export can be: one CSV per record type, a workbook, or the printable report. */
export const exportKinds = ["cases", "victims", "redress", "sources", "workbook", "report"] as const;
export type ExportKind = (typeof exportKinds)[number];
export const csvKinds = ["cases", "victims", "redress", "sources"] as const satisfies readonly ExportKind[];
export type CsvKind = (typeof csvKinds)[number];
export const isCsvKind = (kind: ExportKind): kind is CsvKind => (csvKinds as readonly ExportKind[]).includes(kind);

/** Public: fit for publication (no confidential identity, no internal text). Internal: for managers. */
export const audiences = ["public", "internal"] as const;
export type Audience = (typeof audiences)[number];

export const exportFiles: Record<ExportKind, { extension: string; mediaType: string }> = {
  cases: { extension: "csv", mediaType: "text/csv; charset=utf-8" },
  victims: { extension: "csv", mediaType: "text/csv; charset=utf-8" },
  redress: { extension: "csv", mediaType: "text/csv; charset=utf-8" },
  sources: { extension: "csv", mediaType: "text/csv; charset=utf-8" },
  workbook: { extension: "xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  report: { extension: "pdf", mediaType: "application/pdf" },
};

/** The cookie an export response sets so the page can tell its reader the download has started. */
export const EXPORT_STARTED_COOKIE = "export-started";
