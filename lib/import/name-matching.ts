import { normaliseForSearch } from "@/lib/cases/search-text";

/** A name without case, spaces, punctuation or Arabic letter variants: how headers and list values are compared. */
export function compact(name: string): string {
  return normaliseForSearch(name).replace(/ /g, "");
}

/**
 * How an imported place name is compared with OCHA's: spellings of one name agree here, so
 * "Ar-Raqqa", "Raqqah", "Rakka" and "الرقه" all meet OCHA's "Ar-Raqqa" / "الرقة". Two levels:
 * the name without articles and words like "governorate" (exact), and its consonant skeleton
 * (transliterations differ mostly in vowels, doubled letters, q/k and th/dh).
 */
const GENERIC_WORDS = new Set(["governorate", "province", "muhafazat", "muhafaza", "district", "qada", "qadaa", "محافظه", "قضاء", "منطقه"]);
const LATIN_ARTICLES = new Set(["al", "el", "ar", "as", "ad", "an", "ash", "az", "at", "ez", "es", "ed", "en", "ul"]);

function words(name: string): string[] {
  return normaliseForSearch(name.replace(/['’ʿʾ`]/g, ""))
    .split(" ")
    .filter((w) => w && !GENERIC_WORDS.has(w) && !LATIN_ARTICLES.has(w))
    .map((w) => (/^ال[\u0600-\u06FF]{2,}/.test(w) ? w.slice(2) : w));
}

/** The name without articles, generic words, punctuation or case. */
export function placeKey(name: string): string {
  return words(name).join(" ");
}

/** The name's consonants in order, doubles collapsed: where transliterations of one name agree. */
export function placeSkeleton(name: string): string {
  const joined = words(name).join("");
  const skeleton = /[\u0600-\u06FF]/.test(joined)
    ? joined.replace(/[اويءؤئ]/g, "")
    : joined
        .replace(/([aeiou])h$/, "$1")
        .replace(/[td]h/g, "d")
        .replace(/gh/g, "g")
        .replace(/kh/g, "k")
        .replace(/ph/g, "f")
        .replace(/[qc]/g, "k")
        .replace(/[aeiouyw]/g, "");
  return skeleton.replace(/(.)\1+/g, "$1");
}

/** Classic edit distance, for suggesting the closest name when none matches. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
