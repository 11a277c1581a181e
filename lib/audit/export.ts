import type { Db } from "@/db/client";
import { csvLine } from "@/lib/csv";
import { authorize, type Principal } from "@/lib/auth/actor";
import { chainedFields } from "./chain";
import { isUnfiltered, type AuditFilters } from "./filters";
import { auditEventsInChainOrder, type AuditRow } from "./queries";
import { recordAudit } from "./record";
import { ChainVerifier, type ChainReport, type ChainedEvent } from "./verify";

/** The first line of a JSON Lines export: what it holds. `complete` means every event, so the links can be checked too. */
export type ExportHeader = { format: "civharm-audit-trail"; version: 1; exportedAt: string; filters: AuditFilters; complete: boolean };

export const exportFormats = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** An event as a JSON Lines record: every hashed field, its hash, and the case reference for readers. */
function jsonRecord(e: AuditRow): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of chainedFields) record[field] = field === "at" ? e.at.toISOString() : e[field];
  return { ...record, hash: e.hash, caseReference: e.caseReference };
}

const csvColumns = ["id", "at", "actorLabel", "actorId", "action", "entityType", "entityId", "caseReference", "subject", "clientAddress", "changes", "reason", "prevHash", "hash"] as const;

/** The export's lines, each ending with a newline, oldest event first; nothing is held in memory but a batch. */
export async function* exportLines(db: Db, filters: AuditFilters, format: ExportFormat, now = new Date()): AsyncGenerator<string> {
  if (format === "jsonl") {
    const header: ExportHeader = { format: "civharm-audit-trail", version: 1, exportedAt: now.toISOString(), filters, complete: isUnfiltered(filters) };
    yield `${JSON.stringify(header)}\n`;
    for await (const e of auditEventsInChainOrder(db, filters)) yield `${JSON.stringify(jsonRecord(e))}\n`;
    return;
  }
  yield csvLine(csvColumns);
  for await (const e of auditEventsInChainOrder(db, filters)) yield csvLine(csvColumns.map((c) => e[c]));
}

/**
 * Verifies an exported JSON Lines trail without the database: every event's hash against its
 * content and, for a complete export, every link from the chain's start. A line that is not JSON,
 * or an event missing a field, is a failure too.
 */
export async function verifyExportedLines(
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<ChainReport | { ok: false; events: number; brokenId: null; problem: "unreadable"; detail: string }> {
  let verifier: ChainVerifier | null = null;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber += 1;
    if (raw.trim() === "") continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, events: verifier?.report().events ?? 0, brokenId: null, problem: "unreadable", detail: `line ${lineNumber} is not JSON` };
    }
    if (!verifier) {
      const header = parsed as Partial<ExportHeader>;
      verifier = new ChainVerifier(header.format === "civharm-audit-trail" && header.complete === true);
      if (header.format === "civharm-audit-trail") continue;
    }
    const missing = [...chainedFields, "hash"].filter((f) => !(f in parsed));
    if (missing.length || typeof parsed.id !== "number") {
      return { ok: false, events: verifier.report().events, brokenId: null, problem: "unreadable", detail: `line ${lineNumber} lacks ${missing.join(", ") || "a numeric id"}` };
    }
    if (!verifier.add(parsed as unknown as ChainedEvent)) break;
  }
  return (verifier ?? new ChainVerifier(false)).report();
}

/**
 * Starts an export for a person allowed to read the trail: the export itself is an audit event
 * (who, when, which filters, which kind), committed before the first line is read.
 */
export async function startExport(db: Db, by: Principal | null, filters: AuditFilters, format: ExportFormat): Promise<AsyncGenerator<string>> {
  authorize(by, "audit:read");
  await db.transaction((tx) =>
    recordAudit(tx, { actor: by, action: "audit.exported", entityType: "audit", changes: { format: { from: null, to: format }, filters: { from: null, to: filters } } }),
  );
  return exportLines(db, filters, format);
}
