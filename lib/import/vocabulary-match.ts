import { catalogues, type Messages } from "@/lib/i18n/catalogues";
import { compact, editDistance } from "./name-matching";

/** A file's value told as one of our codes, or not, with the closest code to suggest. */
export type VocabularyMatch = { ok: true; code: string } | { ok: false; suggestion: string | null };

/** What a person chose once for the whole file: the file's value (as written) → our code. */
export type ValueMap = Record<string, string>;


/** Names other monitors commonly give our codes, beside the codes' own labels. */
const SYNONYMS: Record<string, Record<string, string[]>> = {
  belligerents: {
    coalition: ["US-led coalition", "International coalition", "CJTF-OIR", "التحالف الدولي", "التحالف"],
    syrian_government: ["Syrian regime", "Assad regime", "النظام السوري", "قوات النظام"],
    russia: ["Russian forces", "القوات الروسية"],
    isis: ["ISIS", "ISIL", "Daesh", "داعش"],
  },
  means: { airstrike: ["air strike"], drone: ["UAV"] },
  outcomes: { killed: ["dead", "died", "قتيل", "متوفى"], injured: ["wounded", "جريح", "مصاب"], detained: ["arrested", "معتقل"], disappeared: ["missing", "مختفي", "مفقود"] },
  sexes: { female: ["F", "woman", "girl", "امرأة"], male: ["M", "man", "boy", "رجل"] },
  sourceTypes: {
    media: ["news", "press", "news report", "إعلام", "خبر"],
    social_media: ["Facebook", "Twitter", "X", "Telegram", "YouTube", "وسائل التواصل"],
    witness_testimony: ["witness", "testimony", "شاهد", "شهادة"],
    ngo_report: ["NGO", "report", "تقرير"],
  },
};

/**
 * Matches a value against a closed list by its code or its English or Arabic label, forgiving
 * case, spaces, punctuation and Arabic letter variants; a mapping chosen for the file comes first.
 * Nothing outside the list is ever returned: an unknown value is a problem, with a suggestion.
 */
export function matchVocabulary(list: string, codes: readonly string[], value: string, chosen: ValueMap = {}): VocabularyMatch {
  const picked = chosen[value.trim()];
  if (picked !== undefined && codes.includes(picked)) return { ok: true, code: picked };
  const wanted = compact(value);
  if (!wanted) return { ok: false, suggestion: null };
  const names = namesOf(list, codes);
  const exact = names.find((n) => n.key === wanted);
  if (exact) return { ok: true, code: exact.code };
  let best: { code: string; distance: number } | null = null;
  for (const n of names) {
    // A label that contains the value or the other way round ("Coalition" in "US-led coalition") is a strong hint.
    const distance = n.key.includes(wanted) || wanted.includes(n.key) ? 1 : editDistance(wanted, n.key);
    if (!best || distance < best.distance) best = { code: n.code, distance };
  }
  return { ok: false, suggestion: best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.code : null };
}

const cache = new Map<string, { code: string; key: string }[]>();

function namesOf(list: string, codes: readonly string[]) {
  const known = cache.get(list);
  if (known) return known;
  const labels = (["en", "ar"] as const).map((locale) => (catalogues[locale][list] ?? {}) as Messages);
  const names = codes.flatMap((code) =>
    [code.replace(/_/g, " "), ...labels.map((l) => (typeof l[code] === "string" ? (l[code] as string) : "")), ...(SYNONYMS[list]?.[code] ?? [])]
      .filter(Boolean)
      .map((name) => ({ code, key: compact(name) })),
  );
  cache.set(list, names);
  return names;
}
