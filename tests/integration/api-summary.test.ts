import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { summaryDto } from "@/lib/api/summary";
import type { Actor } from "@/lib/auth/actor";
import { summarise } from "@/lib/summaries/figures";
import { parseSummaryFilter } from "@/lib/summaries/filters";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller } from "../support/api";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";
import { insertSummaryFixture } from "../support/summary-fixture";

describe.each(backends)("the summary through the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  let manager: Actor;
  const call = apiCaller(() => handle);
  const token = { manager: "", reviewer: "" };

  beforeAll(async () => {
    handle = await backend.open();
    const staff = await addAccount(handle.db, "staff");
    const reviewer = await addAccount(handle.db, "reviewer");
    manager = await addAccount(handle.db, "manager");
    for (const [key, actor] of [["manager", manager], ["reviewer", reviewer]] as const) {
      const result = await createToken(handle.db, actor, { name: "summary test" });
      if (!result.ok) throw new Error("setup");
      token[key] = result.value.token;
    }
    await insertSummaryFixture(handle.db, staff, reviewer);
  });
  afterAll(() => handle.close());

  it("returns the page's figures for the same filters, in the documented shape", async () => {
    const query = "governorate=SY11&from=2017-01-01&to=2017-12-31&stage=closed&stage=redress";
    const response = await call("GET", "/summary", { token: token.manager, query });
    expect(response.status).toBe(200);
    expect(summaryDto.safeParse(response.json).success).toBe(true);
    const expected = await summarise(handle.db, manager, parseSummaryFilter({ governorate: "SY11", from: "2017-01-01", to: "2017-12-31", stage: ["closed", "redress"] }));
    expect(response.json.figures).toEqual(JSON.parse(JSON.stringify(expected)));
    // FIX-01, FIX-03, FIX-04, FIX-21.
    expect((response.json.figures as { total: { cases: number } }).total.cases).toBe(4);
  });

  it("refuses unknown parameters and bad values with every problem named", async () => {
    const response = await call("GET", "/summary", { token: token.manager, query: "stage=nowhere&from=2017-02-30&colour=red" });
    expect(response.status).toBe(422);
    expect(response.json.fieldErrors).toMatchObject({ stage: [{ code: "invalid" }], from: [{ code: "invalidDate" }], colour: [{ code: "unknownField" }] });
  });

  it("streams the same exports, recorded in the audit trail", async () => {
    const before = (await auditEventsWithAction(handle.db, "summary.exported")).length;
    const response = await call("GET", "/summary/export", { token: token.manager, query: "kind=cases&audience=public&belligerent=uk" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="accountability-cases-public-\d{8}-\d{4}\.csv"$/);
    const rows = parse(response.text, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => r.reference)).toEqual(["FIX-03"]);
    expect(rows[0].narrative).toBe("");
    expect(await auditEventsWithAction(handle.db, "summary.exported")).toHaveLength(before + 1);
  });

  it("refuses an export without a kind or audience, and writes nothing", async () => {
    const before = (await auditEventsWithAction(handle.db, "summary.exported")).length;
    const response = await call("GET", "/summary/export", { token: token.manager, query: "kind=everything" });
    expect(response.status).toBe(422);
    expect(response.json.fieldErrors).toMatchObject({ kind: [{ code: "invalid" }], audience: [{ code: "invalid" }] });
    expect(await auditEventsWithAction(handle.db, "summary.exported")).toHaveLength(before);
  });

  it("is for managers only", async () => {
    for (const path of ["/summary", "/summary/export"] as const) {
      const response = await call("GET", path, { token: token.reviewer, query: path === "/summary" ? "" : "kind=cases&audience=public" });
      expect(response.status, path).toBe(403);
      expect(response.json.error).toBe("forbidden");
    }
    expect((await call("GET", "/summary", {})).status).toBe(401);
  });
});
