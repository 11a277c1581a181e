/** The harm figures kept as min–max ranges, in the order the form and the page show them. */
export const harmRanges = [
  "killed",
  "killedChildren",
  "killedWomen",
  "killedMen",
  "injured",
  "injuredChildren",
  "injuredWomen",
  "injuredMen",
] as const;

export type HarmRange = (typeof harmRanges)[number];
