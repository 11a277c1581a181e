import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiRoutes } from "@/lib/api/routes";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/tokens/tokens";
import { setDisabled } from "@/lib/users/commands";
import { addAccount } from "../support/accounts";
import { startImport } from "@/lib/import/jobs";
import { createReconciliation } from "@/lib/reconcile/commands";
import { reconciliationView } from "@/lib/reconcile/queries";
import { apiCaller, minimalCaseBody, testEvidenceStore, type Json } from "../support/api";
import { backends } from "../support/databases";

/**
 * Every JSON API route, run as each kind of caller, on records made fresh for each call: allowed
 * (anything but 401 and 403: it may still be a 404, 409 or 422 about the request itself) or
 * refused (401 signed out or disabled, 403 not allowed) exactly as DOMAIN.md's roles say. The
 * expectations are written out here from DOMAIN.md, not read from lib/auth/permissions.ts.
 * "owner" filed the case and added its items; "otherStaff" is staff too, touching someone else's.
 */

const callers = ["signedOut", "disabled", "owner", "otherStaff", "reviewer", "manager", "admin"] as const;
type Caller = (typeof callers)[number];

const everyone: Caller[] = ["owner", "otherStaff", "reviewer", "manager", "admin"];
const contributors: Caller[] = ["owner", "otherStaff", "reviewer", "manager"];
const ownerOrReviewers: Caller[] = ["owner", "reviewer", "manager"];
const reviewers: Caller[] = ["reviewer", "manager"];
const managers: Caller[] = ["manager"];

/** Who may, per route (DOMAIN.md, "Roles" and "Lifecycle"). */
const mayCall: Record<string, Caller[]> = {
  "GET /me": everyone,
  "GET /cases": everyone,
  "POST /cases": contributors,
  "GET /cases/{caseId}": everyone,
  "PATCH /cases/{caseId}": ownerOrReviewers,
  "DELETE /cases/{caseId}": ownerOrReviewers,
  "GET /cases/{caseId}/trail": everyone,
  // Staff submit their own case; reviewers and managers make every move.
  "POST /cases/{caseId}/moves": ownerOrReviewers,
  "POST /cases/{caseId}/assessments": reviewers,
  "POST /cases/{caseId}/responses": reviewers,
  "POST /responses/{id}/answer": reviewers,
  "POST /cases/{caseId}/redress": reviewers,
  "POST /redress/{id}/status": reviewers,
  "POST /cases/{caseId}/duplicate-of": reviewers,
  "POST /cases/{caseId}/assignment": managers,
  "GET /summary": managers,
  "GET /summary/export": managers,
};
// Imports file in bulk: reviewers and managers only (DOMAIN.md, "Roles").
for (const key of ["POST /imports", "GET /imports", "GET /imports/{importId}", "POST /imports/{importId}/preview", "POST /imports/{importId}/commit"]
  .concat(["POST /imports/{importId}/cancel", "POST /imports/{importId}/undo", "GET /imports/{importId}/errors", "POST /imports/{importId}/victims-file"])) {
  mayCall[key] = reviewers;
}
// Reconciling a belligerent's table records its answers: whoever may record responses.
for (const key of ["POST /reconciliations", "GET /reconciliations/{reconciliationId}", "POST /reconciliations/{reconciliationId}/reread", "POST /reconciliation-rows/{rowId}/confirm", "POST /reconciliation-rows/{rowId}/no-match"]) {
  mayCall[key] = reviewers;
}
const releaseCsv = "Case number,Date,Province,Assessment\nCR-1,15/06/2017,Raqqa,Credible\n";
const importCsv = "Code,Date,Country,Governorate,Belligerent,Strike type,Civilians killed (min),Civilians killed (max)\nCS1,2017-06-14,Syria,Ar-Raqqa,Coalition,Airstrike,1,2\n";
for (const items of ["victims", "sources", "comments"]) {
  mayCall[`POST /cases/{caseId}/${items}`] = contributors;
  mayCall[`GET /${items}/{id}`] = everyone;
  mayCall[`PATCH /${items}/{id}`] = ownerOrReviewers;
  mayCall[`DELETE /${items}/{id}`] = ownerOrReviewers;
}

const caseBody = (title: string): Json => minimalCaseBody({ title });
const itemBodies: Record<string, Json> = {
  victims: { nameLatin: "A victim", outcome: "killed" },
  sources: { type: "media", publisher: "A publisher" },
  comments: { body: "A comment" },
};

describe.each(backends)("the authorization matrix of the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  const tokens = {} as Record<Caller, string | null>;
  let managerActor: Actor;

  beforeAll(async () => {
    handle = await backend.open();
    const accounts: Partial<Record<Caller, Actor>> = {
      owner: await addAccount(handle.db, "staff"),
      otherStaff: await addAccount(handle.db, "staff"),
      reviewer: await addAccount(handle.db, "reviewer"),
      manager: (managerActor = await addAccount(handle.db, "manager")),
      admin: await addAccount(handle.db, "admin"),
      disabled: await addAccount(handle.db, "manager"),
    };
    tokens.signedOut = null;
    for (const [caller, actor] of Object.entries(accounts) as [Caller, Actor][]) {
      const made = await createToken(handle.db, actor, { name: "matrix" });
      if (!made.ok) throw new Error("setup");
      tokens[caller] = made.value.token;
    }
    // A manager's token, whose account is then disabled: it must open nothing.
    await setDisabled(handle.db, systemActor(), { userId: accounts.disabled?.id, disabled: true });
  });
  afterAll(() => handle.close());

  /** A request that must succeed, made while setting the scene. */
  const setup = async (as: Caller, method: "POST" | "PATCH", path: string, params: Record<string, string>, body: Json) => {
    const res = await call(method, path, { token: tokens[as], params, body });
    if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${res.text}`);
    return res.json;
  };

  /** A fresh scene for one call: the owner's case in submission with an item of each kind, and a case at the stage the route needs. */
  /** An import uploaded by a manager, committed when asked (to the end, before the call). */
  async function uploadedImport(committed = false): Promise<string> {
    const res = await call("POST", "/imports", { token: tokens.manager, raw: importCsv.replace("CS1", `CS-${Math.random()}`), headers: { "x-file-name": "matrix.csv" } });
    if (res.status !== 201) throw new Error(`setup upload: ${res.status} ${res.text}`);
    const importId = res.json.id as string;
    if (committed) {
      const started = await startImport(handle.db, testEvidenceStore(), managerActor, importId, {}, { wait: true });
      if (!started.ok) throw new Error(`setup commit: ${started.error}`);
    }
    return importId;
  }

  async function scene(key: string): Promise<{ params: Record<string, string>; body?: Json; query?: string; raw?: string; headers?: Record<string, string> }> {
    if (key === "POST /imports") return { params: {}, raw: importCsv, headers: { "x-file-name": "matrix.csv" } };
    if (key === "GET /imports") return { params: {} };
    if (key === "POST /reconciliations") return { params: {}, raw: releaseCsv, headers: { "x-file-name": "release.csv" }, query: "belligerent=coalition&releasedOn=2018-01-31" };
    if (key.includes("reconciliation")) {
      const made = await createReconciliation(handle.db, testEvidenceStore(), managerActor, { fileName: "release.csv", bytes: Buffer.from(releaseCsv) }, { belligerent: "coalition", releasedOn: "2018-01-31" });
      if (!made.ok) throw new Error(`setup reconciliation: ${made.error}`);
      if (key.startsWith("GET")) return { params: { reconciliationId: made.value.id } };
      if (key.endsWith("/reread")) return { params: { reconciliationId: made.value.id }, body: { mapping: { 0: "externalCode", 1: "incidentDateFrom", 2: "governorate" } } };
      const view = await reconciliationView(handle.db, managerActor, made.value.id);
      return { params: { rowId: view!.rows[0].id }, body: key.endsWith("/confirm") ? { caseId: randomUUID() } : undefined };
    }
    if (key === "POST /imports/{importId}/victims-file") return { params: { importId: await uploadedImport(false) }, raw: "Code,Name,Outcome\nM1,Omar Saleh,killed\n", headers: { "x-file-name": "victims.csv" } };
    if (key.includes("/imports/{importId}")) {
      const importId = await uploadedImport(key.endsWith("/undo"));
      return { params: { importId }, body: key.endsWith("/undo") ? { reason: "Matrix" } : key.startsWith("POST") ? {} : undefined };
    }
    const own = await setup("owner", "POST", "/cases", {}, caseBody("The owner's case"));
    const caseId = own.id as string;
    const item = key.match(/^(?:GET|PATCH|DELETE) \/(victims|sources|comments)\/\{id\}$/)?.[1];
    if (item) {
      const added = await setup("owner", "POST", `/cases/{caseId}/${item}`, { caseId }, itemBodies[item]);
      return { params: { id: added.id as string }, body: key.startsWith("PATCH") ? itemBodies[item] : key.startsWith("DELETE") ? { reason: "Matrix" } : undefined };
    }
    const posted = key.match(/^POST \/cases\/\{caseId\}\/(victims|sources|comments)$/)?.[1];
    if (posted) return { params: { caseId }, body: itemBodies[posted] };
    // The lifecycle routes get a case at the stage where the move is possible, so only permission can refuse it.
    const submitted = async () => {
      await setup("manager", "POST", "/cases/{caseId}/moves", { caseId }, { move: "submit" });
      return caseId;
    };
    const assessed = async () => {
      await submitted();
      await setup("manager", "POST", "/cases/{caseId}/assessments", { caseId }, { grading: "confirmed", method: "desk_review", reasoning: "Two sources." });
      return caseId;
    };
    const sent = async () => {
      await assessed();
      const c = await setup("manager", "POST", "/cases/{caseId}/responses", { caseId }, { sentOn: "2018-01-10", channel: "email" });
      return (c.lifecycle as { responses: { id: string }[] }).responses[0].id;
    };
    const inRedress = async () => {
      const sendingId = await sent();
      await setup("manager", "POST", "/responses/{id}/answer", { id: sendingId }, { answer: "credible", answeredOn: "2018-02-01" });
      await setup("manager", "POST", "/cases/{caseId}/moves", { caseId }, { move: "pursue_redress" });
      return caseId;
    };
    switch (key) {
      case "PATCH /cases/{caseId}":
        return { params: { caseId }, body: { version: 1, title: "Changed" } };
      case "DELETE /cases/{caseId}":
        return { params: { caseId }, body: { version: 1, reason: "Filed twice" } };
      case "POST /cases/{caseId}/moves":
        return { params: { caseId }, body: { move: "submit" } };
      case "POST /cases/{caseId}/assessments":
        return { params: { caseId: await submitted() }, body: { grading: "fair", method: "desk_review", reasoning: "One source." } };
      case "POST /cases/{caseId}/responses":
        return { params: { caseId: await assessed() }, body: { sentOn: "2018-01-10", channel: "letter" } };
      case "POST /responses/{id}/answer":
        return { params: { id: await sent() }, body: { answer: "non_credible", nonCredibleReason: "insufficient_evidence", answeredOn: "2018-02-01" } };
      case "POST /cases/{caseId}/redress":
        return { params: { caseId: await inRedress() }, body: { type: "apology", requestedOn: "2018-03-01" } };
      case "POST /redress/{id}/status": {
        const c = await setup("manager", "POST", "/cases/{caseId}/redress", { caseId: await inRedress() }, { type: "apology", requestedOn: "2018-03-01" });
        const redressId = (c.lifecycle as { redress: { id: string; version: number }[] }).redress[0].id;
        return { params: { id: redressId }, body: { status: "offered", version: 1, on: "2018-04-01" } };
      }
      case "POST /cases/{caseId}/duplicate-of": {
        const original = await setup("manager", "POST", "/cases", {}, caseBody("The original"));
        return { params: { caseId: await submitted() }, body: { original: original.reference as string, reason: "Same strike" } };
      }
      case "POST /cases/{caseId}/assignment":
        return { params: { caseId }, body: { assigneeId: null } };
      case "POST /cases":
        return { params: {}, body: caseBody("A new case") };
      case "GET /summary/export":
        return { params: {}, query: "kind=cases&audience=public" };
      default:
        return { params: { caseId } };
    }
  }

  it.each(apiRoutes.map((r) => `${r.method} ${r.path}`))("%s: allowed or refused as DOMAIN.md says, for every caller", async (key) => {
    const route = apiRoutes.find((r) => `${r.method} ${r.path}` === key);
    if (!route) throw new Error(key);
    expect(mayCall[key], `no expectation written for ${key}`).toBeDefined();
    const outcomes: Record<string, number> = {};
    for (const caller of callers) {
      const { params, body, query, raw, headers } = await scene(key);
      const res = await call(route.method, route.path, { token: tokens[caller], params, body, query, raw, headers });
      outcomes[caller] = res.status;
      expect(res.status, `${key} as ${caller}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
    }
    const expected = Object.fromEntries(
      callers.map((c) => [c, c === "signedOut" || c === "disabled" ? 401 : mayCall[key].includes(c) ? "allowed" : 403]),
    );
    const seen = Object.fromEntries(Object.entries(outcomes).map(([c, s]) => [c, s === 401 || s === 403 ? s : "allowed"]));
    expect(seen, JSON.stringify(outcomes)).toEqual(expected);
  });


  const withBody = apiRoutes.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);
  it.each(withBody)("%s: a caller who may not call it is refused before a malformed body is read", async (key) => {
    const route = apiRoutes.find((r) => `${r.method} ${r.path}` === key);
    if (!route) throw new Error(key);
    const refused = callers.filter((c) => !mayCall[key].includes(c));
    const malformed: { body?: unknown; raw?: string }[] = [{ body: { version: 999 } }, { body: { notAField: true } }, { raw: "{not json" }, { body: [] }];
    for (const caller of refused) {
      const { params, query } = await scene(key);
      for (const input of malformed) {
        const res = await call(route.method, route.path, { token: tokens[caller], params, query, ...input, headers: { "content-type": "application/json" } });
        expect(res.status, `${key} as ${caller} with ${JSON.stringify(input)}: ${res.text.slice(0, 200)}`).toBe(
          caller === "signedOut" || caller === "disabled" ? 401 : 403,
        );
      }
    }
  });
});
