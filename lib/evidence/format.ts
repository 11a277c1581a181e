/** A size in the reader's language: "200 MB", "١٫٥ ميغابايت". Binary multiples, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: units[unit],
    // Arabic's short units are initials ("م.ب") that few readers know; its long ones are plain.
    unitDisplay: unit === 0 || locale.startsWith("ar") ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
