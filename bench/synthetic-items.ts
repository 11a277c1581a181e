import { familyName, personName } from "./names";
import type { Random } from "./random";
import { publishers, sourceTypeWeights } from "./spreads";

export type BenchUser = { id: string; name: string; role: "staff" | "reviewer" | "manager" };
export type Row = Record<string, unknown>;

export const DAY_MS = 86_400_000;
export const LATEST = Date.UTC(2025, 11, 31);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A case's audit trail as it grows: each event a little after the previous one. */
export type Trail = {
  events: Row[];
  now(): string;
  add(actor: BenchUser, action: string, entityType: string, entityId: string, changes: Row | null, reason?: string): void;
};

export function trail(random: Random, caseId: string, startMs: number): Trail {
  let at = startMs;
  const events: Row[] = [];
  return {
    events,
    now: () => new Date(at).toISOString(),
    add(actor, action, entityType, entityId, changes, reason) {
      events.push({
        at: new Date(at).toISOString(),
        actor_id: actor.id,
        actor_label: actor.name,
        action,
        entity_type: entityType,
        entity_id: entityId,
        case_id: caseId,
        changes: changes && JSON.stringify(changes),
        reason: reason ?? null,
      });
      at = Math.min(LATEST, at + random.exponential(2) * DAY_MS);
    },
  };
}

type CaseContext = { id: string; reference: string; title: string; toMs: number; creator: BenchUser; reviewers: BenchUser[]; trail: Trail };

/** About five victims, from one or two families, named in Arabic, Latin script or both. */
export function makeVictims(random: Random, c: CaseContext): Row[] {
  const victims: Row[] = [];
  const families = [familyName(random), familyName(random)];
  const count = Math.min(40, Math.round(random.exponential(5)));
  for (let i = 0; i < count; i++) {
    const family = families[random.chance(0.75) ? 0 : 1];
    const person = personName(random, family);
    const script = random.weighted([["both", 60], ["ar", 30], ["latin", 10]] as const);
    const age = random.chance(0.7) ? (random.chance(0.35) ? random.int(0, 17) : random.int(18, 85)) : null;
    const row = {
      id: random.uuid(),
      case_id: c.id,
      name_ar: script === "latin" ? null : person.ar,
      name_latin: script === "ar" ? null : person.latin,
      sex: person.sex,
      age,
      age_group: age === null ? "unknown" : age < 18 ? "child" : "adult",
      outcome: random.weighted([["killed", 70], ["injured", 25], ["detained", 3], ["disappeared", 2]] as const),
      family_group: `${family[1]} family`,
      identity_verification: random.weighted([["direct", 20], ["multiple_sources", 35], ["single_source", 45]] as const),
      confidential: random.chance(0.1),
      created_by: c.creator.id,
      created_at: c.trail.now(),
    };
    victims.push(row);
    c.trail.add(c.creator, "victim.added", "victim", row.id, {
      nameAr: { from: null, to: row.name_ar },
      nameLatin: { from: null, to: row.name_latin },
      outcome: { from: null, to: row.outcome },
    });
  }
  return victims;
}

/** At least one source, about three on average, most added by whoever filed the case. */
export function makeSources(random: Random, c: CaseContext): Row[] {
  const sources: Row[] = [];
  const count = 1 + Math.min(15, Math.round(random.exponential(2)));
  for (let i = 0; i < count; i++) {
    const type = random.weighted(sourceTypeWeights);
    const id = random.uuid();
    const author = random.chance(0.7) ? c.creator : random.pick(c.reviewers);
    const url = type === "witness_testimony" ? null : `https://example.org/${type}/${c.reference.toLowerCase()}-${i + 1}`;
    const row = {
      id,
      case_id: c.id,
      type,
      publisher: random.pick(publishers),
      title: `${c.title} (${type.replace("_", " ")} ${i + 1})`,
      url,
      published_on: isoDay(Math.min(LATEST, c.toMs + random.int(0, 60) * DAY_MS)),
      language: random.chance(0.6) ? "ar" : "en",
      confidential: type === "witness_testimony" && random.chance(0.5),
      created_by: author.id,
      created_at: c.trail.now(),
    };
    sources.push(row);
    c.trail.add(author, "source.added", "source", row.id, url ? { type: { from: null, to: type }, url: { from: null, to: url } } : { type: { from: null, to: type } });
  }
  return sources;
}
