/**
 * Search that forgives how Arabic is typed: diacritics and tatweel are dropped and letter variants
 * folded (أ إ آ ٱ → ا, ة → ه, ى → ي), the same way for what is stored and what is searched.
 */
export function normaliseForSearch(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words a case is found by: its reference, codes, title, narrative, places and victims' names. */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return normaliseForSearch(parts.filter(Boolean).join(" "));
}

/** A prefix query over every word typed (all must match), or null when nothing searchable was typed. */
export function toPrefixQuery(typed: string): string | null {
  const words = normaliseForSearch(typed).split(" ").filter(Boolean).slice(0, 12);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}
