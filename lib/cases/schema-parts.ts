import { z } from "zod";

// The pieces every form schema is made of. Form posts arrive as strings: empty means "not given".
// Messages are keys under "errors." in the catalogues.

export const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);

// PostgreSQL stores neither a NUL character nor half of a UTF-16 surrogate pair (JSON can carry both
// escaped, as "\u0000" and "\ud800"): such text is refused as invalid input, never sent to the database.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (s: string) => !UNSTORABLE.test(s);

export const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: "invalid" }).max(max, { error: "tooLong" }).refine(isStorableText, { error: "invalid" }),
  );
export const requiredText = (max: number) => text(max).pipe(z.string().min(1, { error: "required" }));
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v ?? null), text(max).nullable());

export const count = z.preprocess(
  (v) => {
    const b = blankToNull(v);
    return typeof b === "string" ? Number(b.trim()) : b;
  },
  z
    .number({ error: "notANumber" })
    .int({ error: "wholeNumber" })
    .min(0, { error: "notNegative" })
    .max(1_000_000, { error: "tooLarge" })
    .nullable(),
);

const isRealDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A day as YYYY-MM-DD; a text that is no date is told so once (not also "in the future"). */
export const isoDate = z
  .string({ error: "required" })
  .refine(isRealDate, { error: "invalidDate" })
  .refine((s) => !isRealDate(s) || s >= "1900-01-01", { error: "dateTooEarly" })
  .refine((s) => !isRealDate(s) || s <= new Date().toISOString().slice(0, 10), { error: "dateInFuture" });

export const optionalDate = z.preprocess(blankToNull, isoDate.nullable());

/** A list from checkboxes (several values) or a comma-separated field, or a JSON array. */
export const list = <T extends z.ZodType>(item: T, { atLeastOne = false } = {}) =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null || v === "") return [];
      if (Array.isArray(v)) return v.filter((x) => x !== "");
      return [v];
    },
    z.array(item).min(atLeastOne ? 1 : 0, { error: "chooseOne" }),
  );

export const wordList = z.preprocess(
  (v) => {
    const raw = Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : v == null ? "" : v;
    if (typeof raw !== "string") return raw;
    return [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
  },
  z.array(z.string().max(60, { error: "tooLong" })).max(30, { error: "tooMany" }),
);

// A checkbox is posted after a hidden "false" of the same name, so an unticked box still says so: the last value wins.
export const flag = z.preprocess((v) => {
  const last = Array.isArray(v) ? v[v.length - 1] : v;
  return last === true || last === "true" || last === "on" || last === "1";
}, z.boolean());

export const coordinate = (limit: number) =>
  z.preprocess(
    (v) => {
      const b = blankToNull(v);
      return typeof b === "string" ? Number(b.trim().replace(",", ".")) : b;
    },
    z
      .number({ error: "notANumber" })
      .min(-limit, { error: "outOfRange" })
      .max(limit, { error: "outOfRange" })
      .nullable(),
  );

