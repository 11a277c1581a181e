import { describe, expect, it } from "vitest";
import { isoDate } from "@/lib/cases/schema-parts";

const messages = (value: string) => {
  const parsed = isoDate.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("a day as the forms and imports take it", () => {
  it("tells a text that is no date once, and a real date too early or in the future for what it is", () => {
    expect(messages("junk")).toEqual(["invalidDate"]);
    expect(messages("14/06/2017")).toEqual(["invalidDate"]);
    expect(messages("2017-02-30")).toEqual(["invalidDate"]);
    expect(messages("1899-12-31")).toEqual(["dateTooEarly"]);
    expect(messages("2999-01-01")).toEqual(["dateInFuture"]);
    expect(messages("2017-06-14")).toEqual([]);
  });
});
