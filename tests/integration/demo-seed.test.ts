import { count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases, redressItems, sources, users, victims } from "@/db/schema";
import { demoAccounts, ensureDemoAccounts } from "@/db/seed/demo-accounts";
import { demoCases, ensureDemoCases } from "@/db/seed/demo-cases";
import type { Actor } from "@/lib/auth/actor";
import { parseCaseListQuery } from "@/lib/cases/list-query";
import { caseTrail, listCases } from "@/lib/cases/queries";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

describe.each(backends)("the demo cases on $name", (backend) => {
  let handle: DatabaseHandle;
  let reader: Actor;
  let filed: number;
  beforeAll(async () => {
    handle = await backend.open();
    await ensureDemoAccounts(handle.db);
    const started = performance.now();
    filed = await ensureDemoCases(handle.db);
    console.info(`[demo seed] ${filed} cases on ${backend.name} in ${Math.round(performance.now() - started)} ms`);
    const [row] = await handle.db.select().from(users).where(eq(users.email, "reviewer@demo.example"));
    reader = { kind: "user", id: row.id, email: row.email, name: row.name, role: row.role };
  });
  afterAll(() => handle.close());

  const search = async (q: string) => (await listCases(handle.db, reader, parseCaseListQuery({ q, size: "100" }))).items.map((c) => c.id);

  it("files about forty cases across Raqqa, Mosul, Deir-ez-Zor, Al-Hasakeh and Aleppo, Raqqa 2017 first", async () => {
    expect(filed).toBe(demoCases.length);
    expect(filed).toBeGreaterThanOrEqual(35);
    expect(filed).toBeLessThanOrEqual(45);
    const rows = await handle.db.select().from(cases);
    expect(rows).toHaveLength(filed);
    const per = (pcode: string) => rows.filter((c) => c.governoratePcode === pcode).length;
    for (const pcode of ["SY11", "IQG15", "SY09", "SY08", "SY02"]) expect(per(pcode), pcode).toBeGreaterThanOrEqual(3);
    const raqqa2017 = rows.filter((c) => c.governoratePcode === "SY11" && c.incidentDateFrom.startsWith("2017")).length;
    expect(raqqa2017).toBeGreaterThan(Math.max(per("IQG15"), per("SY09"), per("SY08"), per("SY02")));
    expect(rows.every((c) => c.tags.includes("demo"))).toBe(true);
    expect(rows.every((c) => c.incidentDateFrom >= "2014-01-01" && c.incidentDateTo <= "2019-12-31")).toBe(true);
    expect(rows.some((c) => c.datePrecision === "range")).toBe(true);
    expect(rows.every((c) => c.localityEn && c.localityAr)).toBe(true);
    expect(new Set(rows.map((c) => c.reference)).size).toBe(filed);
  });

  it("gives every case at least one source, on example addresses only", async () => {
    const perCase = await handle.db.select({ caseId: sources.caseId, n: count() }).from(sources).groupBy(sources.caseId);
    expect(perCase).toHaveLength(filed);
    const urls = await handle.db.select({ url: sources.url }).from(sources).where(isNotNull(sources.url));
    expect(urls.length).toBeGreaterThan(filed / 2);
    for (const { url } of urls) expect(url).toMatch(/^https:\/\/example\.(org|com|net)\//);
  });

  it("names victims in Arabic, some only in Arabic, some confidential, and finds them whatever the letter variants", async () => {
    const rows = await handle.db.select().from(victims);
    expect(rows.length).toBeGreaterThan(filed);
    expect(rows.some((v) => v.nameAr && !v.nameLatin)).toBe(true);
    expect(rows.some((v) => v.nameAr && v.nameLatin)).toBe(true);
    expect(rows.some((v) => v.confidential)).toBe(true);

    const [amina] = rows.filter((v) => v.nameAr === "آمنة يوسف الحمود");
    expect(amina).toBeDefined();
    // Typed without the madda and with ه for ة, as people often do.
    expect(await search("امنه الحمود")).toEqual([amina.caseId]);
    expect(await search("آمنة الحمود")).toEqual([amina.caseId]);
    expect((await search("فاطمه")).length).toBeGreaterThanOrEqual(3);
  });

  it("takes the cases through every stage: overdue answers, refusals, concessions, redress paid, a discounted case", async () => {
    const rows = await handle.db.select().from(cases);
    for (const stage of ["submission", "assessment", "belligerent_response", "redress", "closed"]) {
      expect(rows.filter((c) => c.stage === stage).length, stage).toBeGreaterThanOrEqual(3);
    }
    expect(new Set(rows.map((c) => c.closingReason))).toEqual(new Set([null, "no_further_action", "redress_completed", "discounted"]));
    const overdue = await listCases(handle.db, reader, parseCaseListQuery({ overdue: "1", size: "100" }));
    expect(overdue.total).toBe(rows.filter((c) => c.stage === "belligerent_response").length);
    const paid = await handle.db.select().from(redressItems).where(eq(redressItems.status, "delivered"));
    expect(paid.length).toBeGreaterThanOrEqual(6);
    expect(rows.filter((c) => c.stage !== "submission").every((c) => c.assigneeId !== null)).toBe(true);
  });

  it("leaves a real audit trail: filed and completed by the demo accounts, one event per case, victim and source", async () => {
    const demoNames = new Set(demoAccounts.map((a) => a.name));
    const rows = await handle.db.select({ id: cases.id }).from(cases);
    for (const { id } of rows) {
      const trail = await caseTrail(handle.db, reader, id);
      const [v] = await handle.db.select({ n: count() }).from(victims).where(eq(victims.caseId, id));
      const [s] = await handle.db.select({ n: count() }).from(sources).where(eq(sources.caseId, id));
      expect(trail.filter((e) => ["case.created", "victim.added", "source.added"].includes(e.action))).toHaveLength(1 + v.n + s.n);
      expect(trail.at(-1)?.action).toBe("case.created");
      expect(trail.every((e) => demoNames.has(e.actorLabel))).toBe(true);
    }
  });

  it("adds nothing when run again", async () => {
    const [before] = await handle.db.select({ n: count() }).from(auditEvents);
    expect(await ensureDemoCases(handle.db)).toBe(0);
    const [after] = await handle.db.select({ n: count() }).from(auditEvents);
    expect(after.n).toBe(before.n);
    expect(await handle.db.select({ id: cases.id }).from(cases)).toHaveLength(filed);
  });
});

describe.each(backends)("the demo cases without the demo accounts on $name", (backend) => {
  it("are not filed into a database whose accounts were made by an admin", async () => {
    const handle = await backend.open();
    try {
      await addAccount(handle.db, "admin");
      await addAccount(handle.db, "staff");
      expect(await ensureDemoCases(handle.db)).toBe(0);
      expect(await handle.db.select({ id: cases.id }).from(cases)).toHaveLength(0);
    } finally {
      await handle.close();
    }
  });
});
