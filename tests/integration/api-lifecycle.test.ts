import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { caseDto, caseListDto } from "@/lib/api/dto";
import { apiErrorDto } from "@/lib/api/errors";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/commands";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller, type Json } from "../support/api";
import { backends } from "../support/databases";

type CaseJson = Json & { id: string; reference: string; stage: string; grading: string | null; lifecycle: Json & { responses: Json[]; redress: Json[] } };

describe.each(backends)("the lifecycle through the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  const token = { staff: "", reviewer: "", manager: "" };
  let reviewer: Actor;
  let staff: Actor;

  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    reviewer = await addAccount(handle.db, "reviewer", { name: "Karim" });
    const manager = await addAccount(handle.db, "manager", { name: "Layla" });
    for (const [key, actor] of [["staff", staff], ["reviewer", reviewer], ["manager", manager]] as const) {
      const result = await createToken(handle.db, actor, { name: "test" });
      if (!result.ok) throw new Error("setup");
      token[key] = result.value.token;
    }
  });
  afterAll(() => handle.close());

  const fileCase = async () => {
    const created = await createCase(handle.db, staff, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    return created.value.id;
  };
  const post = async (path: string, params: Record<string, string>, body: Json, as: keyof typeof token = "reviewer") =>
    call("POST", path, { token: token[as], params, body });

  it("moves a case from submission to redress completed, answering with the whole case each time", async () => {
    const caseId = await fileCase();
    const c = { caseId };
    expect((await post("/cases/{caseId}/moves", c, { move: "submit" }, "staff")).json.stage).toBe("assessment");
    const assessed = await post("/cases/{caseId}/assessments", c, {
      grading: "confirmed",
      method: "field_investigation",
      siteVisit: true,
      witnessesInterviewed: 3,
      deathsMin: 30,
      deathsMax: 32,
      reasoning: "Site visit and three witnesses.",
    });
    expect(assessed.status).toBe(201);
    expect(caseDto.parse(assessed.json).grading).toBe("confirmed");
    const sent = await post("/cases/{caseId}/responses", c, { sentOn: "2018-01-10", channel: "email", sentReference: "CIV-0042" });
    expect(sent.status).toBe(201);
    const sentCase = sent.json as CaseJson;
    expect(sentCase.stage).toBe("belligerent_response");
    const responseId = String(sentCase.lifecycle.responses[0].id);
    const answered = await post("/responses/{id}/answer", { id: responseId }, { answer: "credible", deathsConcededMin: 30, deathsConcededMax: 30, answeredOn: "2018-06-01" });
    expect(answered.status).toBe(200);
    expect((answered.json as CaseJson).lifecycle.responses[0]).toMatchObject({ answer: "credible", deathsConcededMin: 30, answererName: "Karim" });
    await post("/cases/{caseId}/moves", c, { move: "pursue_redress" });
    const withItem = (await post("/cases/{caseId}/redress", c, { type: "condolence_payment", amount: 15000, currency: "USD", requestedOn: "2018-07-01" })).json as CaseJson;
    const item = withItem.lifecycle.redress[0];
    expect(item).toMatchObject({ amount: "15000.00", currency: "USD", status: "requested", version: 1 });
    const paid = await post("/redress/{id}/status", { id: String(item.id) }, { status: "delivered", on: "2018-09-01", version: 1 });
    expect((paid.json as CaseJson).lifecycle.redress[0]).toMatchObject({ status: "delivered", settledOn: "2018-09-01", version: 2 });
    const closed = await post("/cases/{caseId}/moves", c, { move: "close", closingReason: "redress_completed" });
    expect(caseDto.parse(closed.json)).toMatchObject({ stage: "closed", closingReason: "redress_completed" });
    expect(caseDto.parse(closed.json).lifecycle.moves.map((m) => m.move)).toEqual(["submit", "send_to_belligerent", "pursue_redress", "close"]);
  });

  it("refuses with the page's rules and messages: 403 for a role, 409 naming what is missing, 422 for fields", async () => {
    const caseId = await fileCase();
    const c = { caseId };
    const skip = await post("/cases/{caseId}/responses", c, { sentOn: "2018-01-10", channel: "email" });
    expect(skip.status).toBe(409);
    expect(apiErrorDto.parse(skip.json)).toMatchObject({ error: "notFromThisStage", message: expect.stringContaining("cannot be skipped") });
    await post("/cases/{caseId}/moves", c, { move: "submit" }, "staff");
    const byStaff = await post("/cases/{caseId}/assessments", c, { grading: "fair", method: "desk_review", reasoning: "x" }, "staff");
    expect(byStaff.status).toBe(403);
    const ungraded = await post("/cases/{caseId}/responses", c, { sentOn: "2018-01-10", channel: "email" });
    expect(ungraded.status).toBe(409);
    expect(ungraded.json).toMatchObject({ error: "needsGrading", message: expect.stringContaining("grading") });
    const bad = await post("/cases/{caseId}/assessments", c, { grading: "sure", method: "desk_review", deathsMin: 5, deathsMax: 2 });
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.json as { fieldErrors: Json }).fieldErrors).sort()).toEqual(["deathsMax", "grading", "reasoning"]);
    const unknownField = await post("/cases/{caseId}/moves", c, { move: "close", closingReason: "withdrawn", stage: "closed" });
    expect(unknownField.status).toBe(422);
    const assign = await post("/cases/{caseId}/assignment", c, { assigneeId: reviewer.id });
    expect(assign.status).toBe(403);
    const assigned = await post("/cases/{caseId}/assignment", c, { assigneeId: reviewer.id }, "manager");
    expect(assigned.json).toMatchObject({ assigneeId: reviewer.id });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, caseId));
    expect(events.map((e) => e.action).sort()).toEqual(["case.assigned", "case.created", "case.submit"]);
  });

  it("marks duplicates by reference, and lists overdue and my cases", async () => {
    const original = await fileCase();
    const duplicate = await fileCase();
    for (const caseId of [original, duplicate]) await post("/cases/{caseId}/moves", { caseId }, { move: "submit" }, "staff");
    const originalCase = (await call("GET", "/cases/{caseId}", { token: token.reviewer, params: { caseId: original } })).json as CaseJson;
    const marked = await post("/cases/{caseId}/duplicate-of", { caseId: duplicate }, { original: originalCase.reference, reason: "Same strike" });
    expect(marked.json).toMatchObject({ stage: "closed", closingReason: "duplicate", duplicateOf: original, lifecycle: { duplicateOfCase: { reference: originalCase.reference } } });
    const chained = await post("/cases/{caseId}/duplicate-of", { caseId: original }, { original: duplicate });
    expect(chained.status).toBe(409);
    expect(chained.json).toMatchObject({ error: "originalIsDuplicate", message: `That allegation is itself a duplicate of ${originalCase.reference}: link to ${originalCase.reference}, the original.` });
    const after = (await call("GET", "/cases/{caseId}", { token: token.reviewer, params: { caseId: original } })).json as CaseJson;
    expect(after.lifecycle).toMatchObject({ duplicates: [{ id: duplicate }] });

    await post("/cases/{caseId}/assessments", { caseId: original }, { grading: "fair", method: "desk_review", reasoning: "Two sources." });
    await post("/cases/{caseId}/responses", { caseId: original }, { sentOn: "2018-01-10", channel: "letter" });
    const overdue = await call("GET", "/cases", { token: token.reviewer, query: "overdue=1" });
    expect(caseListDto.parse(overdue.json).items.map((i) => [i.id, i.overdue])).toEqual([[original, true]]);
    const mine = await call("GET", "/cases", { token: token.staff, query: "mine=1&size=100" });
    expect(caseListDto.parse(mine.json).items.map((i) => i.id)).toEqual(expect.arrayContaining([original, duplicate]));
    expect((await call("GET", "/cases", { token: token.reviewer, query: "overdue=yes" })).status).toBe(422);
  });
});
