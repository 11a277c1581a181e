import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller, minimalCaseBody, type Json } from "../support/api";
import { backends } from "../support/databases";
import { rowsOf } from "@/db/rows";

/**
 * Every command's input, attacked: each answer is a success that stored the text as sent (trimmed,
 * as the forms trim it), or a refusal with a code and a message; never a 500, and a refusal writes
 * nothing (the rows of every table are counted before and after).
 */

const payloads = [
  "'; drop table cases; --",
  "' or '1'='1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(document.cookie)>',
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "\u202eevil.exe\u202c",
  "\u2066isolate\u2069 \u200f\u200e",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "ﷺ حارة البدو \u0640\u0640\u0640",
  "a\u0000b",
  "\u0000",
  // Ill-formed UTF-16: half a surrogate pair, either half alone, halves in the wrong order.
  "a\ud800b",
  "\udc00",
  "لا\ud83d",
  "x\udfff\ud800y",
  "line\r\nbreak",
  "=HYPERLINK(\"http://evil.example\")",
  "%00%0d%0a",
  "../../../../etc/passwd",
  " ".repeat(300),
  "x".repeat(100_001),
];
const hostileText = fc.oneof(
  fc.constantFrom(...payloads),
  fc.string({ maxLength: 300, unit: "grapheme" }),
  fc.string({ maxLength: 40, unit: "binary" }),
  // Code units around the surrogate range, one at a time: lone halves as well as whole pairs.
  fc.string({ maxLength: 12, unit: fc.integer({ min: 0xd7f0, max: 0xe010 }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom(...payloads).chain((p) => fc.string({ maxLength: 20 }).map((s) => s + p + s)),
);
const hostileNumber = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double(),
  fc.constantFrom(-1, 0, 1e12, Number.MAX_SAFE_INTEGER, "12", "1e309", "-0", "0x10", "", null, true, [], {}),
);
const hostileDate = fc.oneof(
  fc.constantFrom("2017-02-30", "2017-13-01", "0000-00-00", "9999-12-31", "2017-9-25", "tomorrow", "", null, 20170925, "2017-09-25T00:00:00Z"),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

const tables = ["cases", "victims", "sources", "comments", "audit_events"];

describe.each(backends)("hostile input through the API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  let token = "";
  let caseId = "";
  let version = 1;

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of tables) {
      const [{ n }] = await rowsOf<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${t}`));
      out[t] = n;
    }
    return out;
  };



  beforeAll(async () => {
    handle = await backend.open();
    const reviewer = await addAccount(handle.db, "reviewer");
    const made = await createToken(handle.db, reviewer, { name: "hostile" });
    if (!made.ok) throw new Error("setup");
    token = made.value.token;
    const created = await call("POST", "/cases", { token, body: minimalCaseBody() });
    caseId = created.json.id as string;
  });
  afterAll(async () => {
    // Both kinds of answer must have been exercised, or the properties proved little.
    expect(outcomes.stored).toBeGreaterThan(20);
    expect(outcomes.refused).toBeGreaterThan(20);
    console.info(`[hostile] ${backend.name}: ${outcomes.stored} stored, ${outcomes.refused} refused`);
    await handle.close();
  });

  /** One request: a 2xx that stored what was sent, or a 4xx with a message that wrote nothing. */
  async function attempt(method: "POST" | "PATCH", path: string, params: Record<string, string>, body: Json, stored: (json: Json) => void) {
    const before = await counts();
    const res = await call(method, path, { token, params, body });
    outcomes[res.status < 300 ? "stored" : "refused"] += 1;
    expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 300)} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
    if (res.status < 300) {
      stored(res.json);
      return res;
    }
    expect(res.json.error, res.text).toEqual(expect.any(String));
    expect(res.json.message, res.text).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
    return res;
  }
  const outcomes = { stored: 0, refused: 0 };
  const asStored = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

  it("files cases from hostile titles, narratives, numbers and dates: stored verbatim or refused, never half-written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: hostileText, narrative: hostileText, localityEn: hostileText, killedMin: hostileNumber, killedMax: hostileNumber, incidentDateFrom: hostileDate }, { requiredKeys: [] }),
        async (fields) => {
          await attempt("POST", "/cases", {}, minimalCaseBody(fields), (json) => {
            if (typeof fields.title === "string") expect(json.title).toBe(fields.title.trim());
            if ("localityEn" in fields) expect(json.localityEn).toBe(asStored(fields.localityEn));
            expect((json.killedMin as number) <= (json.killedMax as number)).toBe(true);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("changes a case with hostile values on its current version, or refuses them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ title: hostileText, killedMin: hostileNumber, injuredMax: hostileNumber, latitude: hostileNumber, incidentDateFrom: hostileDate }, { requiredKeys: [] }), async (fields) => {
        const res = await attempt("PATCH", "/cases/{caseId}", { caseId }, { version, ...fields }, (json) => {
          if (typeof fields.title === "string") expect(json.title).toBe(fields.title.trim());
        });
        if (res.status === 200) version = res.json.version as number;
      }),
      { numRuns: 40 },
    );
  });

  it("refuses half a surrogate pair as invalid input, naming the field (PostgreSQL's jsonb cannot store it)", async () => {
    for (const [path, body, field] of [
      ["/cases/{caseId}/victims", { outcome: "killed", nameLatin: "a\ud800b" }, "nameLatin"],
      ["/cases/{caseId}/comments", { body: "note \udc00" }, "body"],
      ["/cases/{caseId}/sources", { type: "media", title: "\ud83d report" }, "title"],
    ] as const) {
      const before = await counts();
      const res = await call("POST", path, { token, params: { caseId }, body });
      expect(res.status, res.text).toBe(422);
      const fieldErrors = res.json.fieldErrors as Record<string, { code: string }[]>;
      expect(Object.keys(fieldErrors), res.text).toEqual([field]);
      expect(fieldErrors[field][0].code).toBe("invalid");
      expect(await counts()).toEqual(before);
    }
  });

  it("adds victims, sources and comments from hostile text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ nameLatin: hostileText, nameAr: hostileText, familyGroup: hostileText, age: hostileNumber }, { requiredKeys: [] }), async (fields) => {
        await attempt("POST", "/cases/{caseId}/victims", { caseId }, { outcome: "killed", ...fields }, (json) => {
          expect(json.nameLatin).toBe(asStored(fields.nameLatin));
          expect(json.familyGroup).toBe(asStored(fields.familyGroup));
        });
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.record({ publisher: hostileText, title: hostileText, url: fc.oneof(hostileText, fc.webUrl()), publishedOn: hostileDate }, { requiredKeys: [] }), async (fields) => {
        await attempt("POST", "/cases/{caseId}/sources", { caseId }, { type: "media", ...fields }, (json) => {
          expect(json.publisher).toBe(asStored(fields.publisher));
        });
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(hostileText, async (body) => {
        await attempt("POST", "/cases/{caseId}/comments", { caseId }, { body }, (json) => {
          expect(json.body).toBe(body.trim());
        });
      }),
      { numRuns: 30 },
    );
  });
});
