import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cases } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/commands";
import { victimCommands } from "@/lib/cases/items";
import { parseCaseListQuery } from "@/lib/cases/list-query";
import { caseTrail, getCase, listCases, possibleDuplicates } from "@/lib/cases/queries";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

describe.each(backends)("case queries on $name", (backend) => {
  let handle: DatabaseHandle;
  let staff: Actor;
  let raqqa: string;
  let mosul: string;
  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff");
    const a = await createCase(handle.db, staff, hararAlBaduInput({ localityAr: "مدينة الرقة" }));
    const b = await createCase(
      handle.db,
      staff,
      hararAlBaduInput({
        title: "Strike on a market in west Mosul",
        country: "IQ",
        governoratePcode: "IQG15",
        districtPcode: "",
        localityEn: "Mosul",
        localityAr: "الموصل",
        neighbourhoodEn: "",
        neighbourhoodAr: "",
        latitude: "",
        longitude: "",
        locationAccuracy: "",
        incidentDateFrom: "2017-03-17",
        killedMin: "100",
        killedMax: "150",
        killedChildrenMin: "",
        killedChildrenMax: "",
        belligerents: ["us"],
        tags: "mosul",
      }),
    );
    if (!a.ok || !b.ok) throw new Error("setup");
    raqqa = a.value.id;
    mosul = b.value.id;
    await victimCommands.add(handle.db, staff, raqqa, { nameAr: "فاطمة الأحمد", nameLatin: "Fatima al-Ahmad", outcome: "killed" });
  });
  afterAll(() => handle.close());

  const ids = async (params: Record<string, string | string[]>) =>
    (await listCases(handle.db, staff, parseCaseListQuery(params))).items.map((c) => c.id);

  it("finds Arabic text whatever its letter variants and diacritics", async () => {
    expect(await ids({ q: "الرقه" })).toEqual([raqqa]);
    expect(await ids({ q: "فاطمه" })).toEqual([raqqa]);
    expect(await ids({ q: "الأحمد" })).toEqual([raqqa]);
    expect(await ids({ q: "المَوصِل" })).toEqual([mosul]);
  });

  it("finds by reference, Latin names and word prefixes", async () => {
    const detail = await getCase(handle.db, staff, mosul);
    expect(await ids({ q: detail?.reference ?? "none" })).toEqual([mosul]);
    expect(await ids({ q: "fatim" })).toEqual([raqqa]);
    expect(await ids({ q: "market mosul" })).toEqual([mosul]);
  });

  it("filters by country, governorate, belligerent, tag and period, and sorts by deaths", async () => {
    expect(await ids({ country: "IQ" })).toEqual([mosul]);
    expect(await ids({ governorate: "SY11" })).toEqual([raqqa]);
    expect(await ids({ belligerent: "coalition" })).toEqual([raqqa]);
    expect(await ids({ tag: "mosul" })).toEqual([mosul]);
    expect(await ids({ from: "2017-09-01", to: "2017-09-30" })).toEqual([raqqa]);
    expect(await ids({ sort: "deaths", dir: "desc" })).toEqual([mosul, raqqa]);
    const page = await listCases(handle.db, staff, parseCaseListQuery({ size: "25", stage: "submission" }));
    expect(page.total).toBe(2);
  });

  it("filters by the grading of the latest assessment", async () => {
    // Assessments (the next issue) set the grading; until then every case is ungraded.
    expect(await ids({ grading: "fair" })).toEqual([]);
    await handle.db.update(cases).set({ grading: "fair" }).where(eq(cases.id, mosul));
    expect(await ids({ grading: ["fair", "confirmed"] })).toEqual([mosul]);
    await handle.db.update(cases).set({ grading: null }).where(eq(cases.id, mosul));
  });

  it("ignores malformed filters instead of failing", async () => {
    expect((await ids({ page: "-3", size: "7", sort: "nope", country: "FR" })).sort()).toEqual([mosul, raqqa].sort());
    expect((await ids({ from: "2017-02-30", governorate: "\u0000", tag: "a\u0000b", q: "\u0000" })).sort()).toEqual([mosul, raqqa].sort());
  });

  it("shows possible duplicates within 3 days in the governorate or 2 km", async () => {
    const byPlace = await possibleDuplicates(handle.db, staff, {
      governoratePcode: "SY11",
      incidentDateFrom: "2017-09-27",
      incidentDateTo: "2017-09-27",
      latitude: null,
      longitude: null,
    });
    expect(byPlace.map((d) => d.id)).toEqual([raqqa]);
    const tooLate = await possibleDuplicates(handle.db, staff, {
      governoratePcode: "SY11",
      incidentDateFrom: "2017-09-29",
      incidentDateTo: "2017-09-29",
      latitude: null,
      longitude: null,
    });
    expect(tooLate).toEqual([]);
    const byDistance = await possibleDuplicates(handle.db, staff, {
      governoratePcode: "SY02",
      incidentDateFrom: "2019-01-01",
      incidentDateTo: "2019-01-01",
      latitude: 35.96,
      longitude: 39.01,
    });
    expect(byDistance.map((d) => d.id)).toEqual([raqqa]);
  });

  it("returns a case with its victims and trail, newest first; nothing for the signed-out", async () => {
    const detail = await getCase(handle.db, staff, raqqa);
    expect(detail?.victims.map((v) => v.nameLatin)).toEqual(["Fatima al-Ahmad"]);
    const trail = await caseTrail(handle.db, staff, raqqa);
    expect(trail.map((e) => e.action)).toEqual(["victim.added", "case.created"]);
    await expect(getCase(handle.db, null, raqqa)).rejects.toThrow();
  });
});
