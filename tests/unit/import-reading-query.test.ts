import { describe, expect, it } from "vitest";
import { queryOfReading, readingFromQuery } from "@/lib/import/reading-query";

const query = (s: string) => Object.fromEntries(new URLSearchParams(s));

describe("the import page's reading, kept in its address", () => {
  it("reads the sheet, the mapping (a column left out is not imported), the date order and the value maps", () => {
    expect(readingFromQuery(query("sheet=Incidents&mappedSheet=Incidents&mapped=1&m.0=externalCode&m.1=&m.3=governorate&date=mdy&v.belligerents.US-led%20Coalition=coalition&v.means.=airstrike"))).toEqual({
      sheet: "Incidents",
      mapping: { 0: "externalCode", 3: "governorate" },
      rules: { dateOrder: "mdy", values: { belligerents: { "US-led Coalition": "coalition" } } },
    });
  });

  it("leaves the reading to a template or a guess when nothing was mapped, or the mapping was made for another sheet", () => {
    expect(readingFromQuery(query("sheet=Notes"))).toEqual({ sheet: "Notes" });
    expect(readingFromQuery(query("sheet=Incidents&mappedSheet=Notes&mapped=1&m.0=title&date=dmy&v.belligerents.X=coalition"))).toEqual({ sheet: "Incidents" });
  });

  it("ignores lists that are not ours, and keeps values with dots and Arabic as written", () => {
    expect(readingFromQuery(query("mapped=1&v.users.admin=x&v.belligerents.ق.ح.غ=coalition"))).toEqual({
      mapping: {},
      rules: { dateOrder: "dmy", values: { belligerents: { "ق.ح.غ": "coalition" } } },
    });
  });

  it("writes a reading back as the query it reads", () => {
    const reading = { sheet: "الحوادث", mapping: { 0: "title" as const, 2: "killed" as const }, rules: { dateOrder: "dmy" as const, values: { means: { "غارة": "airstrike" } } } };
    expect(readingFromQuery(Object.fromEntries(queryOfReading(reading)))).toEqual(reading);
  });

  it("reads a victims sheet, with its mapping only when it was made for that sheet", () => {
    expect(readingFromQuery(query("mapped=1&vs=Victims&vmappedSheet=Victims&vm.0=victimKey&vm.1=&vm.2=victimNameAr")).rules).toEqual({
      dateOrder: "dmy",
      values: {},
      victims: { sheet: "Victims", mapping: { 0: "victimKey", 2: "victimNameAr" } },
    });
    expect(readingFromQuery(query("mapped=1&vs=Victims&vmappedSheet=Notes&vm.0=victimKey")).rules).toEqual({ dateOrder: "dmy", values: {}, victims: { sheet: "Victims" } });
    // A sheet of the victims file, written file:<sheet>.
    expect(readingFromQuery(query("mapped=1&vs=file:CSV&vmappedSheet=file:CSV&vm.0=victimKey")).rules).toEqual({
      dateOrder: "dmy",
      values: {},
      victims: { sheet: "CSV", file: true, mapping: { 0: "victimKey" } },
    });
    const fromFile = { mapping: {}, rules: { dateOrder: "dmy" as const, values: {}, victims: { sheet: "CSV", file: true, mapping: { 1: "victimNameAr" as const } } } };
    expect(readingFromQuery(Object.fromEntries(queryOfReading(fromFile)))).toEqual(fromFile);
    const reading = {
      sheet: "الحوادث",
      mapping: { 0: "externalCode" as const },
      rules: { dateOrder: "dmy" as const, values: {}, victims: { sheet: "الضحايا", mapping: { 0: "victimKey" as const, 1: "victimNameAr" as const } } },
    };
    expect(readingFromQuery(Object.fromEntries(queryOfReading(reading)))).toEqual(reading);
  });

  it("reads what the rows leave unsaid, and each look-alike's choice: import, leave out, or file as a duplicate", () => {
    const id = "6f1c3c9e-8a1b-4f59-9a43-2d1f1e0b7c11";
    expect(readingFromQuery(query(`mapped=1&d.victimOutcome=killed&d.sourceType=&row.2=skip&row.3=dup:${id}&row.4=&skip=9`))).toEqual({
      mapping: {},
      skip: [9, 2],
      duplicates: { 3: id },
      rules: { dateOrder: "dmy", values: {}, defaults: { victimOutcome: "killed" } },
    });
    const reading = {
      mapping: { 0: "victimNameLatin" as const, 1: "sourceUrl" as const },
      rules: { dateOrder: "dmy" as const, values: {}, defaults: { victimOutcome: "injured" as const, sourceType: "media" as const } },
      duplicates: { 5: id },
    };
    expect(readingFromQuery(Object.fromEntries(queryOfReading(reading)))).toEqual(reading);
  });
});
