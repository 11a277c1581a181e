import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import type { Actor } from "@/lib/auth/actor";
import { createCase, deleteCase, updateCase } from "@/lib/cases/commands";
import { victimCommands } from "@/lib/cases/items";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";

describe.each(backends)("case commands on $name", (backend) => {
  let handle: DatabaseHandle;
  let staff: Actor;
  let otherStaff: Actor;
  let reviewer: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    otherStaff = await addAccount(handle.db, "staff");
    reviewer = await addAccount(handle.db, "reviewer", { name: "Karim" });
  });
  afterAll(() => handle.close());

  const eventsOf = (caseId: string) => handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId));

  it("files a case in submission with a year-numbered reference and one audit event", async () => {
    const first = await createCase(handle.db, staff, hararAlBaduInput());
    const second = await createCase(handle.db, staff, hararAlBaduInput({ incidentDateFrom: "2017-10-01" }));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.value.reference).toMatch(/^ALG-2017-\d{4}$/);
    expect(Number(second.value.reference.slice(-4))).toBe(Number(first.value.reference.slice(-4)) + 1);
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, first.value.id));
    expect(row).toMatchObject({ stage: "submission", killedMax: 32, killedChildrenMin: 20, version: 1, incidentDateTo: "2017-09-25" });
    const events = await eventsOf(first.value.id);
    expect(events.map((e) => e.action)).toEqual(["case.created"]);
    expect(events[0].changes?.killedMax).toEqual({ from: null, to: 32 });
  });

  it("stores a count given as one figure as a range of one, so minima never outrun maxima in the summaries", async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput({ killedMin: "5", killedMax: "", injuredMin: "", injuredMax: "9", killedChildrenMin: "", killedChildrenMax: "" }));
    if (!created.ok) throw new Error(JSON.stringify(created));
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.value.id));
    expect(row).toMatchObject({ killedMin: 5, killedMax: 5, injuredMin: 9, injuredMax: 9, killedChildrenMin: null, killedChildrenMax: null });
    // A part above a total given as one figure is still refused.
    const refused = await createCase(handle.db, staff, hararAlBaduInput({ killedMin: "5", killedMax: "", killedChildrenMin: "7", killedChildrenMax: "7" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { killedChildrenMin: ["partAboveTotal"] } });
  });

  it("refuses every invalid field at once and writes nothing", async () => {
    const before = await handle.db.select().from(cases);
    const result = await createCase(
      handle.db,
      staff,
      hararAlBaduInput({ title: " ", killedMin: "40", killedMax: "32", governoratePcode: "IQG08", latitude: "95", belligerents: [] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["belligerents", "districtPcode", "governoratePcode", "killedMax", "latitude", "title"]);
    expect(await handle.db.select().from(cases)).toHaveLength(before.length);
  });

  it("applies an update on the current version, refuses a stale one naming who saved, and audits each field", async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    const id = created.value.id;
    const byReviewer = await updateCase(handle.db, reviewer, id, { version: 1, killedMax: "35", reason: "new count" });
    expect(byReviewer).toEqual({ ok: true, value: { version: 2 } });
    const stale = await updateCase(handle.db, staff, id, { version: 1, killedMax: "40" });
    expect(stale).toMatchObject({ ok: false, error: "staleVersion", params: { name: "Karim", version: "2" } });
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, id));
    expect(row.killedMax).toBe(35);
    const updates = (await eventsOf(id)).filter((e) => e.action === "case.updated");
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ actorLabel: "Karim", reason: "new count", changes: { killedMax: { from: 32, to: 35 } } });
  });

  it("lets staff edit only their own case in submission", async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    expect(await updateCase(handle.db, otherStaff, created.value.id, { version: 1, title: "x" })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await updateCase(handle.db, null, created.value.id, { version: 1, title: "x" })).toMatchObject({ ok: false, error: "signedOut" });
    expect(await updateCase(handle.db, staff, created.value.id, { version: 1, title: "Renamed" })).toMatchObject({ ok: true });
  });

  it("keeps victims' names searchable and audits their removal with what was removed", async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    const added = await victimCommands.add(handle.db, staff, created.value.id, { nameAr: "أحمد الحسن", outcome: "killed", age: "9" });
    expect(added.ok).toBe(true);
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.value.id));
    expect(row.searchText).toContain("احمد");
    if (!added.ok) return;
    expect(await victimCommands.remove(handle.db, otherStaff, added.value.id)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await victimCommands.remove(handle.db, reviewer, added.value.id, "entered twice")).toMatchObject({ ok: true });
    const removed = (await eventsOf(created.value.id)).find((e) => e.action === "victim.removed");
    expect(removed).toMatchObject({ reason: "entered twice", changes: { nameAr: { from: "أحمد الحسن", to: null }, ageGroup: { from: "child", to: null } } });
  });

  it("deletes with a reason, keeps the row and never reuses the reference", async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput({ incidentDateFrom: "2016-01-01" }));
    if (!created.ok) throw new Error("setup");
    expect(await deleteCase(handle.db, staff, created.value.id, { version: 1 })).toMatchObject({ ok: false, fieldErrors: { reason: ["required"] } });
    expect(await deleteCase(handle.db, staff, created.value.id, { version: 1, reason: "filed by mistake" })).toMatchObject({ ok: true });
    const next = await createCase(handle.db, staff, hararAlBaduInput({ incidentDateFrom: "2016-02-01" }));
    if (!next.ok) throw new Error("setup");
    expect(next.value.reference).not.toBe(created.value.reference);
    expect(await updateCase(handle.db, reviewer, created.value.id, { version: 2, title: "x" })).toMatchObject({ ok: false, error: "notFound" });
  });
});
