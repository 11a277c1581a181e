import { createHash } from "node:crypto";

/**
 * The audit hash chain (docs/decisions/0010-audit-hash-chain.md). Each event's hash is the SHA-256,
 * in lower-case hex, of its canonical text: the JSON of the object below, keys sorted at every
 * depth, no spaces, times as ISO 8601 UTC with milliseconds, absent values as null. The previous
 * event's hash is part of it, so changing, removing, inserting or reordering any event breaks
 * every link after it. The first event's previous hash is GENESIS.
 */
export const GENESIS = "0".repeat(64);

/** What is hashed of an event, as stored. */
export type ChainedContent = {
  id: number;
  at: Date | string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  subject: string | null;
  clientAddress: string | null;
  changes: unknown;
  reason: string | null;
  prevHash: string;
};

export const chainedFields = [
  "id",
  "at",
  "actorId",
  "actorLabel",
  "action",
  "entityType",
  "entityId",
  "caseId",
  "subject",
  "clientAddress",
  "changes",
  "reason",
  "prevHash",
] as const satisfies readonly (keyof ChainedContent)[];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The canonical text of an event (what its hash is taken over). */
export function canonicalText(event: ChainedContent): string {
  const content: Record<string, unknown> = {};
  for (const field of chainedFields) {
    const v = event[field];
    content[field] = field === "at" ? new Date(v as Date | string).toISOString() : v === undefined ? null : v;
  }
  // Through JSON first, so the changes are hashed as the database gives them back (dates as strings).
  return JSON.stringify(sortKeys(JSON.parse(JSON.stringify(content))));
}

export function eventHash(event: ChainedContent): string {
  return createHash("sha256").update(canonicalText(event), "utf8").digest("hex");
}
