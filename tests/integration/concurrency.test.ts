import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, cases } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { verifyDatabaseChain } from "@/lib/audit/verify";
import { createCase } from "@/lib/cases/commands";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller } from "../support/api";
import { backends } from "../support/databases";

const EDITORS = 50;

describe.each(backends)("50 people editing one case at once through the API, on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  let token = "";
  let caseId = "";

  beforeAll(async () => {
    handle = await backend.open();
    const reviewer = await addAccount(handle.db, "reviewer");
    const created = await createCase(handle.db, reviewer, hararAlBaduInput());
    if (!created.ok) throw new Error("setup");
    caseId = created.value.id;
    const made = await createToken(handle.db, reviewer, { name: "concurrency" });
    if (!made.ok) throw new Error("setup");
    token = made.value.token;
  });
  afterAll(() => handle.close());

  it("applies each edit once on the version it read, or refuses it as stale: nothing lost, nothing doubled", async () => {
    // Each editor reads the case, then saves a title of its own on the version it read.
    const outcomes = await Promise.all(
      Array.from({ length: EDITORS }, async (_, i) => {
        // Ten waves a few milliseconds apart, so later editors read versions earlier ones saved.
        await new Promise((resolve) => setTimeout(resolve, (i % 10) * 15));
        const read = await call("GET", "/cases/{caseId}", { token, params: { caseId } });
        const version = read.json.version as number;
        const title = `Edit number ${i} on version ${version}`;
        const saved = await call("PATCH", "/cases/{caseId}", { token, params: { caseId }, body: { version, title } });
        return { title, version, status: saved.status, json: saved.json };
      }),
    );
    expect(outcomes.every((o) => o.status === 200 || o.status === 409), JSON.stringify(outcomes.filter((o) => o.status !== 200 && o.status !== 409))).toBe(true);
    const applied = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 409);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(applied.length + refused.length).toBe(EDITORS);
    for (const r of refused) expect(r.json).toMatchObject({ error: "staleVersion" });

    // Each applied edit moved the version by exactly one: they saved on distinct versions 1, 2, 3 …
    const versionsSavedOn = applied.map((a) => a.version).sort((x, y) => x - y);
    expect(versionsSavedOn).toEqual(Array.from({ length: applied.length }, (_, i) => i + 1));
    for (const a of applied) expect(a.json.version).toBe(a.version + 1);

    // The stored case is the last applied edit, and the trail holds one event per applied edit.
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, caseId));
    const last = applied.find((a) => a.version === applied.length);
    expect(row).toMatchObject({ version: applied.length + 1, title: last?.title });
    const updates = await handle.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(and(eq(auditEvents.caseId, caseId), eq(auditEvents.action, "case.updated")))
      .orderBy(asc(auditEvents.id));
    expect(updates.map((u) => u.changes?.title?.to)).toEqual(
      [...applied].sort((x, y) => x.version - y.version).map((a) => a.title),
    );
    expect(await verifyDatabaseChain(handle.db)).toMatchObject({ ok: true });
    console.info(`[concurrency] ${backend.name}: ${applied.length} of ${EDITORS} edits applied, ${refused.length} refused as stale`);
  });
});
