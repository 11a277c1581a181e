import { DrizzleQueryError } from "drizzle-orm/errors";

/**
 * Logs a fault the user did not cause under a short id, naming what failed but never the values
 * involved: a failed statement's parameters, PostgreSQL's messages (which quote the input) and
 * even a parser's message can hold a victim's or a source's name. Returns the id.
 */
export function logFault(where: string, err: unknown): string {
  const id = crypto.randomUUID().slice(0, 8);
  console.error(`[${where}] fault ${id}: ${describeFault(err)}`);
  return id;
}

/** What failed, without its data: the statement's verb and table and the SQLSTATE, or the error's kind and where it was thrown. */
export function describeFault(err: unknown): string {
  if (err instanceof DrizzleQueryError) return `database statement ${statementName(err.query)} failed${sqlState(err.cause)}`;
  if (isDatabaseError(err)) return `database error${sqlState(err)}`;
  if (err instanceof Error) {
    // The stack's first line repeats the message; the frames below it say where, and hold no data.
    const frames = (err.stack ?? "").split("\n").slice(1, 6).join("\n");
    return `${err.name}${frames ? `\n${frames}` : ""}`;
  }
  return typeof err;
}

/** "insert into audit_events", "select from users": enough to find the code, nothing of the values. */
export function statementName(query: string): string {
  const verb = /^\s*(with|select|insert|update|delete)\b/i.exec(query)?.[1]?.toLowerCase() ?? "statement";
  const table = /\b(?:from|into|update)\s+"?([\w.]+)"?/i.exec(query)?.[1];
  return table ? `${verb} ${verb === "insert" ? "into" : verb === "update" ? "" : "from"} ${table}`.replace(/\s+/g, " ") : verb;
}

function isDatabaseError(err: unknown): err is { code: string } {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string" && /^[0-9A-Z]{5}$/.test((err as { code: string }).code);
}

function sqlState(err: unknown): string {
  return isDatabaseError(err) ? ` (SQLSTATE ${err.code})` : "";
}
