import { formatReference } from "@/lib/cases/references";
import type { ClosingReason, Grading } from "@/lib/cases/vocabulary";
import { searchTextOf } from "@/lib/cases/search-text";
import { governorateSpread } from "./places";
import type { Random } from "./random";
import { belligerentWeights, extraTags, meansPhrase, meansWeights, objectPhrase, objectWeights, stageWeights, years } from "./spreads";
import { DAY_MS, isoDay, LATEST, makeSources, makeVictims, trail, type BenchUser, type Row } from "./synthetic-items";
import { syntheticLifecycle, type SyntheticLifecycle } from "./synthetic-lifecycle";

export type { BenchUser, Row };
export type SyntheticCase = { caseRow: Row; victims: Row[]; sources: Row[]; events: Row[]; lifecycle: SyntheticLifecycle };
export type CaseFactory = () => SyntheticCase;

type Harm = { min: number | null; max: number | null; children: number | null; women: number | null };

/** Long-tailed counts: most incidents kill a few people, a handful kill a hundred or more. */
function harm(random: Random, unknownShare: number): Harm {
  if (random.chance(unknownShare)) return { min: null, max: null, children: null, women: null };
  if (random.chance(0.15)) return { min: 0, max: 0, children: 0, women: 0 };
  const min = Math.min(400, Math.floor(random.pareto(1.15)));
  const max = min + Math.floor(min * random.next() * 0.6);
  const children = random.chance(0.7) ? Math.floor(min * random.next() * 0.45) : null;
  const women = random.chance(0.6) ? Math.floor((min - (children ?? 0)) * random.next() * 0.5) : null;
  return { min, max, children, women };
}

function narrativeOf(title: string, killed: Harm): string {
  const dead = killed.min === null ? "an unknown number of" : killed.min === 0 ? "no" : String(killed.min);
  return (
    `${title}. Local sources reported ${dead} civilians killed${killed.children ? `, ${killed.children} of them children` : ""}. ` +
    "Families sheltering in the area were among the victims; relatives named some of them."
  );
}

/**
 * Makes cases one by one; `counters` holds the last reference number per year and is advanced.
 * Their lifecycle rows come from `lifecycleRandom`, so adding them left the cases as they were.
 */
export function caseFactory(random: Random, users: BenchUser[], counters: Map<number, number>, lifecycleRandom: Random = random): CaseFactory {
  const staff = users.filter((u) => u.role === "staff");
  const reviewers = users.filter((u) => u.role !== "staff");
  return () => {
    const year = random.weighted(years);
    const fromMs = Date.UTC(year, 0, 1) + random.int(0, 364) * DAY_MS;
    const ranged = random.chance(0.25);
    const toMs = ranged ? fromMs + random.int(1, 30) * DAY_MS : fromMs;
    const number = (counters.get(year) ?? 0) + 1;
    counters.set(year, number);
    const reference = formatReference(year, number);

    const governorate = random.weighted(governorateSpread.map((g) => [g, g.weight] as const));
    const locality = random.pick(governorate.localities);
    const neighbourhood = locality.neighbourhoods && random.chance(0.7) ? random.pick(locality.neighbourhoods) : null;
    const located = random.chance(0.8);
    const belligerents = [random.weighted(belligerentWeights)];
    if (belligerents[0] === "coalition" && random.chance(0.15)) belligerents.push(random.pick(["us", "uk", "france"] as const));
    const means = random.weighted(meansWeights);
    const objects = random.chance(0.8) ? [random.weighted(objectWeights)] : [];
    const killed = harm(random, 0.1);
    const injured = harm(random, 0.3);
    const place = neighbourhood ? `${neighbourhood[0]}, ${locality.en}` : locality.en;
    const title = `${meansPhrase[means]} ${objects.length ? objectPhrase[objects[0]] : "a house"} in ${place}`;
    const narrative = narrativeOf(title, killed);
    const tags = [
      ...(governorate.pcode === "SY11" && year === 2017 ? ["raqqa-2017"] : []),
      ...(governorate.pcode === "IQG15" && (year === 2016 || year === 2017) ? ["mosul-2017"] : []),
      ...(random.chance(0.3) ? [random.pick(extraTags)] : []),
    ];
    const codes = [
      ...(random.chance(0.4) ? [`CS${random.int(100, 3200)}`] : []),
      ...(random.chance(0.1) ? [`RPT-${year}-${random.int(1, 999)}`] : []),
    ];
    const stage = random.weighted(stageWeights);
    const creator = random.pick(staff);
    const assignee = stage !== "submission" || random.chance(0.2) ? random.pick(reviewers) : null;
    const id = random.uuid();

    // Filed days to months after the incident; then victims, sources, stage moves and edits follow.
    const events = trail(random, id, Math.min(LATEST, toMs + (1 + random.exponential(90)) * DAY_MS));
    const createdAt = events.now();
    events.add(creator, "case.created", "case", id, {
      reference: { from: null, to: reference },
      title: { from: null, to: title },
      incidentDateFrom: { from: null, to: isoDay(fromMs) },
      governoratePcode: { from: null, to: governorate.pcode },
      belligerents: { from: null, to: belligerents },
      killedMax: { from: null, to: killed.max },
    });
    const context = { id, reference, title, toMs, creator, reviewers, trail: events };
    const victims = makeVictims(random, context);
    const sources = makeSources(random, context);
    const order = stageWeights.map(([s]) => s);
    for (let s = 1; s <= order.indexOf(stage); s++) {
      events.add(random.pick(reviewers), "case.stage_changed", "case", id, { stage: { from: order[s - 1], to: order[s] } }, "Synthetic stage move");
    }
    if (random.chance(0.3)) {
      events.add(random.pick(reviewers), "case.updated", "case", id, { injuredMax: { from: null, to: injured.max } }, "Injured count added from a new source");
    }
    const last = events.events[events.events.length - 1];

    const caseRow: Row = {
      id,
      reference,
      external_codes: codes,
      title,
      incident_date_from: isoDay(fromMs),
      incident_date_to: isoDay(toMs),
      date_precision: ranged ? "range" : "day",
      country: governorate.country,
      governorate_pcode: governorate.pcode,
      district_pcode: locality.district,
      locality_en: locality.en,
      locality_ar: locality.ar,
      neighbourhood_en: neighbourhood?.[0] ?? null,
      neighbourhood_ar: neighbourhood?.[1] ?? null,
      latitude: located ? locality.lat + (random.next() - 0.5) * 0.04 : null,
      longitude: located ? locality.lon + (random.next() - 0.5) * 0.04 : null,
      location_accuracy: located ? (neighbourhood ? "neighbourhood" : "locality") : null,
      belligerents,
      means: [means],
      killed_min: killed.min,
      killed_max: killed.max,
      killed_children_min: killed.children,
      killed_children_max: killed.children,
      killed_women_min: killed.women,
      killed_women_max: killed.women,
      injured_min: injured.min,
      injured_max: injured.max,
      civilian_objects: objects,
      incendiary_weapons: random.chance(0.02),
      narrative,
      tags,
      stage,
      stage_entered_at: last.at,
      // The latest assessment's grading once past submission; an answer awaited since a day after the incident.
      grading: stage === "submission" ? null : random.pick(["confirmed", "fair", "weak", "contested"] as const),
      closing_reason: stage === "closed" ? random.pick(["no_further_action", "redress_completed", "withdrawn"] as const) : null,
      awaiting_answer_since: stage === "belligerent_response" && random.chance(0.6) ? isoDay(Math.min(LATEST, toMs + random.int(30, 2000) * DAY_MS)) : null,
      assignee_id: assignee?.id ?? null,
      // What lib/cases/search-index.ts stores, with the same function and the same parts.
      search_text: searchTextOf([
        reference,
        ...codes,
        title,
        narrative,
        locality.en,
        locality.ar,
        neighbourhood?.[0],
        neighbourhood?.[1],
        ...victims.flatMap((v) => [v.name_ar as string | null, v.name_latin as string | null]),
      ]),
      version: events.events.filter((e) => e.entity_type === "case").length,
      created_by: creator.id,
      created_at: createdAt,
      updated_by: last.actor_id,
      updated_at: last.at,
    };
    const lifecycle = syntheticLifecycle(lifecycleRandom, {
      id,
      stage,
      grading: caseRow.grading as Grading | null,
      closingReason: caseRow.closing_reason as ClosingReason | null,
      killedMin: killed.min,
      killedMax: killed.max,
      filedMs: Date.parse(createdAt),
      reviewers,
    });
    return { caseRow, victims, sources, events: events.events, lifecycle };
  };
}
