import crypto from "node:crypto";

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

/** Keys V8 keeps in numeric order whatever the insertion order ("0", "17"): such objects take the slow path. */
const ARRAY_INDEX = /^(0|[1-9]\d{0,9})$/;

/**
 * The value with the keys of every object in sorted order, for JSON.stringify: null if an object has
 * a key that JavaScript would not keep in insertion order (canonicalJson then does it by hand).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = sortedCopy(value[i]);
      if (v === SLOW) return SLOW;
      out[i] = v;
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (ARRAY_INDEX.test(key)) return SLOW;
    const v = sortedCopy(record[key]);
    if (v === SLOW) return SLOW;
    out[key] = v;
  }
  return out;
}
const SLOW = Symbol("slow");

/** JSON with the keys of every object sorted (what JSON.stringify gives for the same value with its keys sorted). */
function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value);
  if (copy !== SLOW) return JSON.stringify(copy) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${members.join(",")}}`;
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A time as ISO 8601 UTC with milliseconds; text already in that form is taken as it is. */
function isoTime(at: Date | string): string {
  if (typeof at === "string" && ISO_MS.test(at)) return at;
  return (at instanceof Date ? at : new Date(at)).toISOString();
}

/** The canonical text of an event (what its hash is taken over): its fields in sorted order, written by JSON.stringify. */
export function canonicalText(e: ChainedContent): string {
  const changes = e.changes === undefined ? null : e.changes;
  const sortedChanges = sortedCopy(changes);
  const top = {
    action: e.action,
    actorId: e.actorId ?? null,
    actorLabel: e.actorLabel,
    at: isoTime(e.at),
    caseId: e.caseId ?? null,
    changes: sortedChanges === SLOW ? null : sortedChanges,
    clientAddress: e.clientAddress ?? null,
    entityId: e.entityId ?? null,
    entityType: e.entityType,
    id: e.id,
    prevHash: e.prevHash,
    reason: e.reason ?? null,
    subject: e.subject ?? null,
  };
  const text = JSON.stringify(top);
  // Changes with keys JavaScript reorders are written by hand into their place.
  return sortedChanges === SLOW ? text.replace('"changes":null', `"changes":${canonicalJson(changes)}`) : text;
}

// One-shot hashing (Node 20.12 and later) is about twice as fast as a Hash object for short texts.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

export function eventHash(event: ChainedContent): string {
  const text = canonicalText(event);
  return oneShot ? oneShot("sha256", text, "hex") : crypto.createHash("sha256").update(text, "utf8").digest("hex");
}
