import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { apiTokens, auditEvents, cases, comments, evidenceFiles, sources, victims } from "@/db/schema";
import { hararAlBaduInput } from "@/db/seed/case-samples";
import { caseDto, caseListDto, commentDto, evidenceDto, sourceDto, trailDto, victimDto } from "@/lib/api/dto";
import { apiErrorDto } from "@/lib/api/errors";
import { MAX_BODY_BYTES } from "@/lib/api/http";
import type { Actor } from "@/lib/auth/actor";
import { createToken, revokeToken } from "@/lib/tokens/tokens";
import { setDisabled } from "@/lib/users/commands";
import { addAccount, TEST_PASSWORD } from "../support/accounts";
import { apiCaller, type Json } from "../support/api";
import type { HttpMethod } from "@/lib/api/routes";
import { backends } from "../support/databases";

describe.each(backends)("the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  let staff: Actor;
  let otherStaff: Actor;
  let reviewer: Actor;
  let admin: Actor;
  const token: Record<"staff" | "otherStaff" | "reviewer" | "admin", string> = { staff: "", otherStaff: "", reviewer: "", admin: "" };

  async function tokenFor(actor: Actor, input: Json = { name: "test" }) {
    const result = await createToken(handle.db, actor, input);
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.value;
  }

  beforeAll(async () => {
    handle = await backend.open();
    staff = await addAccount(handle.db, "staff", { name: "Amal" });
    otherStaff = await addAccount(handle.db, "staff", { name: "Bashir" });
    reviewer = await addAccount(handle.db, "reviewer", { name: "Karim" });
    admin = await addAccount(handle.db, "admin", { name: "Dana" });
    token.staff = (await tokenFor(staff)).token;
    token.otherStaff = (await tokenFor(otherStaff)).token;
    token.reviewer = (await tokenFor(reviewer)).token;
    token.admin = (await tokenFor(admin)).token;
  });
  afterAll(() => handle.close());

  /** A JSON case as a script would send it: numbers as numbers, lists as lists. */
  const caseBody = (overrides: Json = {}): Json => ({
    title: "Airstrike on a five-storey building in Harat al-Badu",
    externalCodes: ["CS1327"],
    incidentDateFrom: "2017-09-25",
    datePrecision: "day",
    country: "SY",
    governoratePcode: "SY11",
    districtPcode: "SY1101",
    localityEn: "Raqqa city",
    localityAr: "مدينة الرقة",
    neighbourhoodEn: "Harat al-Badu",
    neighbourhoodAr: "حارة البدو",
    latitude: 35.9528,
    longitude: 39.0089,
    locationAccuracy: "neighbourhood",
    belligerents: ["coalition"],
    means: ["airstrike"],
    killedMin: 32,
    killedMax: 32,
    killedChildrenMin: 20,
    killedChildrenMax: 20,
    civilianObjects: ["residential_building"],
    incendiaryWeapons: false,
    narrative: "An airstrike destroyed a five-storey residential building.",
    tags: ["raqqa-2017", "residential"],
    ...overrides,
  });

  async function fileCase(by: string, overrides: Json = {}) {
    const res = await call("POST", "/cases", { token: by, body: caseBody(overrides) });
    if (res.status !== 201) throw new Error(`setup: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json as Json & { id: string; reference: string; version: number };
  }

  const count = async (table: typeof cases | typeof victims | typeof sources | typeof comments) => (await handle.db.select().from(table)).length;

  describe("authentication", () => {
    it("refuses a request without a token, with a JSON 401 and a Bearer challenge", async () => {
      const res = await call("GET", "/cases");
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error: "invalidToken", message: expect.stringContaining("token") });
      expect(apiErrorDto.strict().safeParse(res.json).success).toBe(true);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    });

    it("refuses garbage, another scheme and a near miss", async () => {
      for (const authorization of ["Bearer garbage", "Bearer ", `Basic ${token.staff}`, `Bearer ${token.staff.slice(0, -2)}xx`, token.staff, "Bearer cht_' or 1=1 --"]) {
        const res = await call("GET", "/me", { headers: { authorization } });
        expect(res.status, authorization).toBe(401);
      }
    });

    it("acts as the token's owner", async () => {
      const res = await call("GET", "/me", { token: token.reviewer });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: reviewer.id, name: "Karim", role: "reviewer", permissions: expect.arrayContaining(["case:edit-any"]) });
    });

    it("refuses a revoked token from the next request on", async () => {
      const made = await tokenFor(staff, { name: "to revoke" });
      expect((await call("GET", "/cases", { token: made.token })).status).toBe(200);
      await revokeToken(handle.db, staff, { tokenId: made.id });
      const res = await call("GET", "/cases", { token: made.token });
      expect(res.status).toBe(401);
      expect(res.json.error).toBe("invalidToken");
    });

    it("refuses an expired token", async () => {
      const made = await tokenFor(staff, { name: "expiring", expiresInDays: 1 });
      expect((await call("GET", "/me", { token: made.token })).status).toBe(200);
      await handle.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(apiTokens.id, made.id));
      expect((await call("GET", "/me", { token: made.token })).status).toBe(401);
    });

    it("refuses the token of a disabled account", async () => {
      const person = await addAccount(handle.db, "manager");
      const made = await tokenFor(person);
      expect((await call("GET", "/me", { token: made.token })).status).toBe(200);
      await setDisabled(handle.db, admin, { yourPassword: TEST_PASSWORD, userId: person.id, disabled: true });
      expect((await call("GET", "/me", { token: made.token })).status).toBe(401);
    });

    it("ignores a session cookie: only a token signs an API request in", async () => {
      const res = await call("GET", "/cases", { headers: { cookie: "authjs.session-token=anything" } });
      expect(res.status).toBe(401);
    });
  });

  describe("cases", () => {
    it("files a case: 201, its reference, a Location, and the shape the document describes", async () => {
      const before = await count(cases);
      const res = await call("POST", "/cases", { token: token.staff, body: caseBody() });
      expect(res.status).toBe(201);
      expect(res.json.reference).toMatch(/^ALG-2017-\d{4}$/);
      expect(res.headers.get("location")).toBe(`/api/v1/cases/${res.json.id}`);
      expect(res.json).toMatchObject({ stage: "submission", version: 1, killedMax: 32, createdByName: "Amal", incidentDateTo: "2017-09-25" });
      const shape = caseDto.strict().safeParse(res.json);
      expect(shape.success, JSON.stringify(shape.error?.issues)).toBe(true);
      expect(res.json).not.toHaveProperty("searchText");
      expect(res.json).not.toHaveProperty("deletedAt");
      expect(await count(cases)).toBe(before + 1);
    });

    it("accepts the form's own spelling of values too (the same schema)", async () => {
      const res = await call("POST", "/cases", { token: token.staff, body: hararAlBaduInput() });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ killedMax: 32, tags: ["raqqa-2017", "residential"], incendiaryWeapons: false });
    });

    it("refuses an invalid case with every field's problem, in codes and English, and writes nothing", async () => {
      const before = await count(cases);
      const events = (await handle.db.select().from(auditEvents)).length;
      const res = await call("POST", "/cases", {
        token: token.staff,
        body: caseBody({ title: " ", killedMin: 40, killedMax: 32, governoratePcode: "IQG08", latitude: 95, belligerents: [] }),
      });
      expect(res.status).toBe(422);
      expect(res.json.error).toBe("invalidInput");
      expect(res.json.message).toBe("Some fields need attention.");
      const fieldErrors = res.json.fieldErrors as Record<string, { code: string; message: string }[]>;
      expect(Object.keys(fieldErrors).sort()).toEqual(["belligerents", "districtPcode", "governoratePcode", "killedMax", "latitude", "title"]);
      expect(fieldErrors.title).toEqual([{ code: "required", message: "This field is required." }]);
      expect(fieldErrors.killedMax).toEqual([{ code: "minAboveMax", message: "The maximum is below the minimum." }]);
      expect(apiErrorDto.strict().safeParse(res.json).success).toBe(true);
      expect(await count(cases)).toBe(before);
      expect((await handle.db.select().from(auditEvents)).length).toBe(events);
    });

    it("names a field it does not know instead of ignoring it", async () => {
      const before = await count(cases);
      const res = await call("POST", "/cases", { token: token.staff, body: caseBody({ titel: "typo", stage: "closed" }) });
      expect(res.status).toBe(422);
      expect(res.json.fieldErrors).toEqual({
        titel: [{ code: "unknownField", message: "This field is not known here." }],
        stage: [{ code: "unknownField", message: "This field is not known here." }],
      });
      expect(await count(cases)).toBe(before);
    });

    it("refuses a body that is not a JSON object, not JSON, or too large, without writing", async () => {
      const before = await count(cases);
      expect((await call("POST", "/cases", { token: token.staff, raw: "{not json", headers: { "content-type": "application/json" } })).json.error).toBe("invalidJson");
      for (const raw of ["[]", "null", "42", '"text"', "", "{not json"]) {
        const res = await call("POST", "/cases", { token: token.staff, raw, headers: { "content-type": "application/json" } });
        expect(res.status, raw).toBe(400);
      }
      const form = await call("POST", "/cases", { token: token.staff, raw: "title=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(form.status).toBe(415);
      const big = JSON.stringify(caseBody({ narrative: "x".repeat(MAX_BODY_BYTES) }));
      expect((await call("POST", "/cases", { token: token.staff, raw: big, headers: { "content-type": "application/json" } })).status).toBe(413);
      // Without a Content-Length the body is read only up to the limit.
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new TextEncoder().encode(" ".repeat(64 * 1024)));
        },
      });
      expect((await call("POST", "/cases", { token: token.staff, raw: stream, headers: { "content-type": "application/json" } })).status).toBe(413);
      expect(await count(cases)).toBe(before);
    });

    it("refuses filing to a role without case:create (an administrator)", async () => {
      const before = await count(cases);
      const res = await call("POST", "/cases", { token: token.admin, body: caseBody() });
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ error: "forbidden", message: "Your role does not allow this." });
      expect(await count(cases)).toBe(before);
      // …who may still read, as in the interface.
      expect((await call("GET", "/cases", { token: token.admin })).status).toBe(200);
    });

    it("reads one case, and 404s for an unknown or malformed id", async () => {
      const created = await fileCase(token.staff);
      const res = await call("GET", "/cases/{caseId}", { token: token.otherStaff, params: { caseId: created.id } });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: created.id, reference: created.reference, victims: [], sources: [], comments: [], evidence: [] });
      // Evidence is listed with its metadata, never where its bytes are stored.
      await handle.db.insert(evidenceFiles).values({
        caseId: created.id,
        fileName: "strike-site.jpg",
        mediaType: "image/jpeg",
        sizeBytes: 2048,
        sha256: "a".repeat(64),
        storageKey: "evidence/secret/location.bin",
        addedBy: staff.id,
      });
      const withEvidence = await call("GET", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id } });
      const evidence = withEvidence.json.evidence as Json[];
      expect(evidence).toHaveLength(1);
      expect(evidenceDto.strict().safeParse(evidence[0]).success, JSON.stringify(evidence[0])).toBe(true);
      expect(evidence[0]).toMatchObject({ fileName: "strike-site.jpg", addedByName: "Amal", sha256: "a".repeat(64) });
      expect(JSON.stringify(withEvidence.json)).not.toContain("secret/location");
      for (const caseId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "'; drop table cases; --"]) {
        const missing = await call("GET", "/cases/{caseId}", { token: token.staff, params: { caseId } });
        expect(missing.status, caseId).toBe(404);
        expect(missing.json.error).toBe("notFound");
      }
    });

    it("changes only the fields sent, on the current version", async () => {
      const created = await fileCase(token.staff);
      const res = await call("PATCH", "/cases/{caseId}", {
        token: token.reviewer,
        params: { caseId: created.id },
        body: { version: 1, killedMax: 35, reason: "new count" },
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ version: 2, killedMax: 35, killedMin: 32, title: created.title, updatedByName: "Karim" });
      const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.caseId, created.id));
      expect(events.map((e) => e.action)).toEqual(["case.created", "case.updated"]);
      expect(events[1]).toMatchObject({ actorId: reviewer.id, reason: "new count", changes: { killedMax: { from: 32, to: 35 } } });
    });

    it("refuses a stale version with 409, naming who saved and when, and writes nothing", async () => {
      const created = await fileCase(token.staff);
      expect((await call("PATCH", "/cases/{caseId}", { token: token.reviewer, params: { caseId: created.id }, body: { version: 1, title: "Karim's title" } })).status).toBe(200);
      const res = await call("PATCH", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { version: 1, title: "Amal's title" } });
      expect(res.status).toBe(409);
      expect(res.json).toMatchObject({ error: "staleVersion", details: { name: "Karim", version: "2", at: expect.any(String) } });
      expect(res.json.message).toContain("Karim saved this allegation at");
      const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
      expect(row).toMatchObject({ title: "Karim's title", version: 2 });
    });

    it("refuses staff changing a case someone else filed (403), and leaves it as it was", async () => {
      const created = await fileCase(token.staff);
      const res = await call("PATCH", "/cases/{caseId}", { token: token.otherStaff, params: { caseId: created.id }, body: { version: 1, title: "Hijacked" } });
      expect(res.status).toBe(403);
      expect(res.json.error).toBe("forbidden");
      const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
      expect(row).toMatchObject({ title: created.title, version: 1 });
      // The one who filed it may, while it is in submission.
      expect((await call("PATCH", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { version: 1, title: "Renamed" } })).status).toBe(200);
    });

    it("refuses an invalid change with per-field details and writes nothing", async () => {
      const created = await fileCase(token.staff);
      const res = await call("PATCH", "/cases/{caseId}", {
        token: token.staff,
        params: { caseId: created.id },
        body: { version: 1, incidentDateFrom: "2017-02-30", killedChildrenMin: 99 },
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.fieldErrors as Json).sort()).toEqual(["incidentDateFrom", "killedChildrenMax", "killedChildrenMin"]);
      expect((await call("PATCH", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { title: "no version" } })).json.fieldErrors).toMatchObject({
        version: [{ code: "invalid" }],
      });
      const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
      expect(row).toMatchObject({ version: 1, incidentDateFrom: "2017-09-25" });
    });

    it("withdraws a case with its version and a reason", async () => {
      const created = await fileCase(token.staff);
      const noReason = await call("DELETE", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { version: 1 } });
      expect(noReason.status).toBe(422);
      expect(noReason.json.fieldErrors).toMatchObject({ reason: [{ code: "required" }] });
      expect((await call("DELETE", "/cases/{caseId}", { token: token.otherStaff, params: { caseId: created.id }, body: { version: 1, reason: "mine now" } })).status).toBe(403);
      expect((await call("DELETE", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { version: 7, reason: "dup" } })).status).toBe(409);
      const res = await call("DELETE", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id }, body: { version: 1, reason: "filed twice" } });
      expect(res.status).toBe(204);
      expect((await call("GET", "/cases/{caseId}", { token: token.staff, params: { caseId: created.id } })).status).toBe(404);
      expect((await call("GET", "/cases/{caseId}/trail", { token: token.staff, params: { caseId: created.id } })).status).toBe(404);
    });
  });

  describe("list and search", () => {
    let arabicCase: { id: string; reference: string };
    beforeAll(async () => {
      arabicCase = await fileCase(token.reviewer, {
        title: "Strike on the Al-Mansour bakery",
        incidentDateFrom: "2016-03-14",
        governoratePcode: "SY02",
        districtPcode: null,
        neighbourhoodAr: "حي الأنصاري",
        neighbourhoodEn: "al-Ansari",
        belligerents: ["russia"],
        tags: ["bakery-strikes"],
        latitude: null,
        longitude: null,
        locationAccuracy: null,
      });
    });

    it("finds a case by an Arabic spelling variant (أ written ا, ة written ه)", async () => {
      const res = await call("GET", "/cases", { token: token.staff, query: `q=${encodeURIComponent("حي الانصاري")}` });
      expect(res.status).toBe(200);
      expect((res.json.items as Json[]).map((i) => i.id)).toEqual([arabicCase.id]);
      const variant = await call("GET", "/cases", { token: token.staff, query: `q=${encodeURIComponent("حاره البدو")}` });
      expect((variant.json.items as Json[]).length).toBeGreaterThan(0);
      expect((variant.json.items as Json[]).every((i) => i.id !== arabicCase.id)).toBe(true);
    });

    it("takes the list page's filters, sort and paging, and answers in the documented shape", async () => {
      const res = await call("GET", "/cases", { token: token.staff, query: "belligerent=russia&belligerent=isis&from=2016-01-01&to=2016-12-31&tag=bakery-strikes&sort=deaths&dir=asc&size=25&page=1" });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ total: 1, page: 1, size: 25 });
      expect((res.json.items as Json[])[0]).toMatchObject({ id: arabicCase.id, reference: arabicCase.reference, stage: "submission", belligerents: ["russia"] });
      const shape = caseListDto.safeParse(res.json);
      expect(shape.success, JSON.stringify(shape.error?.issues)).toBe(true);
      const all = await call("GET", "/cases", { token: token.staff, query: "stage=submission&size=50" });
      expect(all.json.total as number).toBeGreaterThan(1);
      const none = await call("GET", "/cases", { token: token.staff, query: "stage=closed" });
      expect(none.json).toMatchObject({ items: [], total: 0 });
      const paged = await call("GET", "/cases", { token: token.staff, query: "page=2&size=25" });
      expect(paged.json).toMatchObject({ page: 2, items: [] });
    });

    it("refuses unknown parameters and bad values, naming each (never a 500)", async () => {
      const res = await call("GET", "/cases", { token: token.staff, query: "stages=closed&stage=nonsense&size=7&from=2017-02-30&to=2017-99-99&page=-1" });
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.fieldErrors as Json).sort()).toEqual(["from", "page", "size", "stage", "stages", "to"]);
      expect((await call("GET", "/cases", { token: token.staff, query: "governorate=%00" })).status).toBe(422);
      expect((await call("GET", "/cases", { token: token.staff, query: `q=${"x".repeat(500)}` })).status).toBe(422);
    });
  });

  describe("victims, sources and comments", () => {
    it("adds, reads, changes (partially) and removes a victim, each in the trail", async () => {
      const created = await fileCase(token.staff);
      const added = await call("POST", "/cases/{caseId}/victims", {
        token: token.otherStaff,
        params: { caseId: created.id },
        body: { nameAr: "أحمد الحسن", outcome: "killed", age: 9 },
      });
      expect(added.status).toBe(201);
      expect(added.json).toMatchObject({ caseId: created.id, nameAr: "أحمد الحسن", ageGroup: "child", sex: "unknown", confidential: false });
      expect(victimDto.strict().safeParse(added.json).success).toBe(true);
      const id = added.json.id as string;
      expect(added.headers.get("location")).toBe(`/api/v1/victims/${id}`);

      expect((await call("GET", "/victims/{id}", { token: token.staff, params: { id } })).json).toMatchObject({ id, age: 9 });
      const changed = await call("PATCH", "/victims/{id}", { token: token.otherStaff, params: { id }, body: { sex: "male", familyGroup: "al-Hassan" } });
      expect(changed.status).toBe(200);
      expect(changed.json).toMatchObject({ nameAr: "أحمد الحسن", age: 9, sex: "male", familyGroup: "al-Hassan" });

      // Staff change only what they added; a reviewer changes anything.
      const refused = await call("PATCH", "/victims/{id}", { token: token.staff, params: { id }, body: { sex: "female" } });
      expect(refused.status).toBe(403);
      expect((await call("DELETE", "/victims/{id}", { token: token.staff, params: { id } })).status).toBe(403);
      const invalid = await call("PATCH", "/victims/{id}", { token: token.reviewer, params: { id }, body: { age: -1, outcome: "vanished" } });
      expect(invalid.status).toBe(422);
      expect(Object.keys(invalid.json.fieldErrors as Json).sort()).toEqual(["age", "outcome"]);

      const found = await call("GET", "/cases", { token: token.staff, query: `q=${encodeURIComponent("احمد الحسن")}` });
      expect((found.json.items as Json[]).map((i) => i.id)).toContain(created.id);

      const removed = await call("DELETE", "/victims/{id}", { token: token.reviewer, params: { id }, body: { reason: "duplicate entry" } });
      expect(removed.status).toBe(204);
      expect((await call("GET", "/victims/{id}", { token: token.staff, params: { id } })).status).toBe(404);
      expect((await call("PATCH", "/victims/{id}", { token: token.reviewer, params: { id }, body: { sex: "male" } })).status).toBe(404);

      const trail = await call("GET", "/cases/{caseId}/trail", { token: token.staff, params: { caseId: created.id } });
      expect(trail.status).toBe(200);
      expect(trailDto.safeParse(trail.json).success).toBe(true);
      const items = trail.json.items as Json[];
      expect(items.map((e) => e.action)).toEqual(["victim.removed", "victim.updated", "victim.added", "case.created"]);
      expect(items[0]).toMatchObject({ actorLabel: "Karim", entityType: "victim", reason: "duplicate entry", changes: { nameAr: { from: "أحمد الحسن", to: null } } });
      expect(items[1]).toMatchObject({ actorLabel: "Bashir", changes: { sex: { from: "unknown", to: "male" } } });
      expect((await call("GET", "/cases/{caseId}/trail", { token: token.staff, params: { caseId: created.id }, query: "limit=2" })).json.items).toHaveLength(2);
      expect((await call("GET", "/cases/{caseId}/trail", { token: token.staff, params: { caseId: created.id }, query: "limit=0" })).status).toBe(422);
    });

    it("adds to no case that does not exist, and refuses an invalid victim writing nothing", async () => {
      const before = await count(victims);
      const missing = await call("POST", "/cases/{caseId}/victims", {
        token: token.staff,
        params: { caseId: "00000000-0000-4000-8000-000000000000" },
        body: { nameLatin: "X", outcome: "killed" },
      });
      expect(missing.status).toBe(404);
      const created = await fileCase(token.staff);
      const invalid = await call("POST", "/cases/{caseId}/victims", { token: token.staff, params: { caseId: created.id }, body: { outcome: "killed", age: 12, ageGroup: "adult" } });
      expect(invalid.status).toBe(422);
      expect(Object.keys(invalid.json.fieldErrors as Json).sort()).toEqual(["ageGroup", "nameLatin"]);
      expect((await call("POST", "/cases/{caseId}/victims", { token: token.admin, params: { caseId: created.id }, body: { nameLatin: "X", outcome: "killed" } })).status).toBe(403);
      expect(await count(victims)).toBe(before);
    });

    it("adds, changes and removes a source", async () => {
      const created = await fileCase(token.staff);
      const added = await call("POST", "/cases/{caseId}/sources", {
        token: token.staff,
        params: { caseId: created.id },
        body: { type: "ngo_report", publisher: "Airwars", url: "https://airwars.org/civilian-casualties/cs1327", publishedOn: "2017-10-02" },
      });
      expect(added.status).toBe(201);
      expect(sourceDto.strict().safeParse(added.json).success).toBe(true);
      const id = added.json.id as string;
      const bad = await call("PATCH", "/sources/{id}", { token: token.staff, params: { id }, body: { url: "javascript:alert(1)", publishedOn: "2999-01-01" } });
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.json.fieldErrors as Json).sort()).toEqual(["publishedOn", "url"]);
      const changed = await call("PATCH", "/sources/{id}", { token: token.staff, params: { id }, body: { confidential: true } });
      expect(changed.json).toMatchObject({ publisher: "Airwars", confidential: true, type: "ngo_report" });
      expect((await call("DELETE", "/sources/{id}", { token: token.staff, params: { id } })).status).toBe(204);
      expect(await handle.db.select().from(sources).where(eq(sources.id, id))).toEqual([]);
    });

    it("adds, changes and removes a comment; only its author (or a reviewer) may change it", async () => {
      const created = await fileCase(token.staff);
      const added = await call("POST", "/cases/{caseId}/comments", { token: token.staff, params: { caseId: created.id }, body: { body: "Checked against the Airwars entry." } });
      expect(added.status).toBe(201);
      expect(commentDto.strict().safeParse(added.json).success).toBe(true);
      expect(added.json).toMatchObject({ authorName: "Amal" });
      const id = added.json.id as string;
      expect((await call("PATCH", "/comments/{id}", { token: token.otherStaff, params: { id }, body: { body: "Edited by someone else" } })).status).toBe(403);
      expect((await call("PATCH", "/comments/{id}", { token: token.staff, params: { id }, body: { body: "  " } })).json.fieldErrors).toMatchObject({ body: [{ code: "required" }] });
      expect((await call("PATCH", "/comments/{id}", { token: token.staff, params: { id }, body: { body: "Checked twice." } })).json).toMatchObject({ body: "Checked twice." });
      expect((await call("DELETE", "/comments/{id}", { token: token.reviewer, params: { id }, body: { reason: "x".repeat(501) } })).status).toBe(422);
      expect((await call("DELETE", "/comments/{id}", { token: token.reviewer, params: { id } })).status).toBe(204);
      expect(await handle.db.select().from(comments).where(eq(comments.id, id))).toEqual([]);
    });
  });

  describe("garbage in", () => {
    const garbage: unknown[] = [
      { "": "" },
      { version: {} },
      { version: "1; drop table cases" },
      { version: 1e308, title: ["a", "b"] },
      { version: 1, title: { $gt: "" }, latitude: "north", belligerents: { coalition: true }, tags: [[["deep"]]], killedMax: -1e308 },
      { version: 1, incidentDateFrom: "0000-00-00", datePrecision: null, country: 7, districtPcode: "x".repeat(10_000) },
      { version: 1, title: "nul\u0000byte" },
      { version: 1, ["__proto__"]: { admin: true } },
      { body: null, outcome: [], age: "NaN", url: 12, type: {}, reason: 5 },
      { nameLatin: "a\u0000b", outcome: "killed" },
      { "\u0000": 1 },
    ];

    it("never answers with a 500, and every refusal is the documented JSON", async () => {
      const created = await fileCase(token.reviewer);
      const victim = await call("POST", "/cases/{caseId}/victims", { token: token.reviewer, params: { caseId: created.id }, body: { nameLatin: "Someone", outcome: "injured" } });
      const source = await call("POST", "/cases/{caseId}/sources", { token: token.reviewer, params: { caseId: created.id }, body: { type: "media" } });
      const comment = await call("POST", "/cases/{caseId}/comments", { token: token.reviewer, params: { caseId: created.id }, body: { body: "note" } });
      const targets: [HttpMethod, string, Record<string, string>][] = [
        ["POST", "/cases", {}],
        ["PATCH", "/cases/{caseId}", { caseId: created.id }],
        ["DELETE", "/cases/{caseId}", { caseId: "00000000-0000-4000-8000-000000000001" }],
        ["POST", "/cases/{caseId}/victims", { caseId: created.id }],
        ["POST", "/cases/{caseId}/sources", { caseId: created.id }],
        ["POST", "/cases/{caseId}/comments", { caseId: created.id }],
        ["PATCH", "/victims/{id}", { id: victim.json.id as string }],
        ["PATCH", "/sources/{id}", { id: source.json.id as string }],
        ["PATCH", "/comments/{id}", { id: comment.json.id as string }],
        ["DELETE", "/victims/{id}", { id: "not-a-uuid" }],
      ];
      const casesBefore = await count(cases);
      for (const [method, path, params] of targets) {
        for (const body of garbage) {
          const res = await call(method, path, { token: token.reviewer, params, raw: JSON.stringify(body), headers: { "content-type": "application/json" } });
          expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
          expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeLessThan(500);
          expect(apiErrorDto.strict().safeParse(res.json).success, JSON.stringify(res.json)).toBe(true);
        }
      }
      expect(await count(cases)).toBe(casesBefore);
      const [row] = await handle.db.select().from(cases).where(eq(cases.id, created.id));
      expect(row.version).toBe(1);
    });
  });
});
