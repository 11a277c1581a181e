/** A small seeded generator (mulberry32), so a benchmark database can be rebuilt identically. */
export type Random = {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Exponentially distributed with the given mean (a long tail of large values). */
  exponential(mean: number): number;
  /** Pareto with scale 1: most values near 1, a few very large. */
  pareto(alpha: number): number;
  uuid(): string;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, "0");
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(items) {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1][0];
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
    pareto: (alpha) => 1 / Math.pow(1 - next(), 1 / alpha),
    // Version 4 layout; seeded rather than crypto-random so reruns give the same ids.
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`,
  };
  return random;
}
