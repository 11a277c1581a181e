import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { cases } from "@/db/schema";
import { reconciliationDto } from "@/lib/api/reconciliations";
import type { Actor } from "@/lib/auth/actor";
import { commitImport } from "@/lib/import/commit";
import { guessMapping } from "@/lib/import/fields";
import { readTable } from "@/lib/import/table";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller } from "../support/api";
import { backends } from "../support/databases";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

describe.each(backends)("reconciling a belligerent's table through the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  let token = "";
  let reviewer: Actor;

  beforeAll(async () => {
    handle = await backend.open();
    reviewer = await addAccount(handle.db, "reviewer");
    const made = await createToken(handle.db, reviewer, { name: "reconcile test" });
    if (!made.ok) throw new Error("setup");
    token = made.value.token;
    const bytes = fixture("our-allegations-sent.csv");
    const table = await readTable(bytes);
    if (!table.ok) throw new Error(table.error);
    await commitImport(handle.db, reviewer, { fileName: "ours.csv", bytes, mapping: guessMapping(table.value.sheets[0].headers) });
  });
  afterAll(() => handle.close());

  it("uploads their table, lists proposals and unmatched rows, confirms a match once, and refuses bad input with JSON", async () => {
    const a1 = (await handle.db.select().from(cases)).find((c) => c.externalCodes[0] === "A1")!;
    const uploaded = await call("POST", "/reconciliations", {
      token,
      raw: fixture("coalition-release.csv").toString("utf8"),
      headers: { "x-file-name": "release.csv", "content-type": "text/csv" },
      query: "belligerent=coalition&releasedOn=2018-01-31&windowDays=3",
    });
    expect(uploaded.status).toBe(201);
    expect(reconciliationDto.safeParse(uploaded.json).success).toBe(true);
    expect(uploaded.json).toMatchObject({ rows: 6, counts: { proposed: 4, unmatched: 1, confirmed: 0 } });
    const id = uploaded.json.id as string;
    expect(uploaded.headers.get("location")).toBe(`/api/v1/reconciliations/${id}`);
    expect((uploaded.json.problems as { row: number; code: string }[]).map((p) => [p.row, p.code])).toEqual([[6, "invalidDate"]]);

    const items = uploaded.json.items as { id: string; theirReference: string; proposals: { caseId: string }[] }[];
    const cr1 = items.find((i) => i.theirReference === "CR-1")!;
    expect(cr1.proposals.map((p) => p.caseId)).toEqual([a1.id]);
    expect(await call("POST", "/reconciliation-rows/{rowId}/confirm", { token, params: { rowId: cr1.id }, body: { caseId: a1.id } })).toMatchObject({ status: 200, json: { caseId: a1.id } });
    expect(await call("POST", "/reconciliation-rows/{rowId}/confirm", { token, params: { rowId: cr1.id }, body: { caseId: a1.id } })).toMatchObject({
      status: 409,
      json: { error: "reconciliationDecided" },
    });
    const got = await call("GET", "/reconciliations/{reconciliationId}", { token, params: { reconciliationId: id } });
    expect(got.json).toMatchObject({ counts: { proposed: 3, confirmed: 1 } });

    const cr4 = items.find((i) => i.theirReference === "CR-4")!;
    expect((await call("POST", "/reconciliation-rows/{rowId}/no-match", { token, params: { rowId: cr4.id } })).status).toBe(204);

    const bad = await call("POST", "/reconciliations", { token, raw: "a,b\n1,2\n", headers: { "x-file-name": "x.csv" }, query: "belligerent=nobody&releasedOn=2018-02-30" });
    expect(bad).toMatchObject({ status: 422, json: { error: "invalidInput", fieldErrors: { belligerent: [{ code: "required" }], releasedOn: [{ code: "invalidDate" }] } } });
    expect((await call("GET", "/reconciliations/{reconciliationId}", { token, params: { reconciliationId: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
  });
});
