import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { importDto, importPreviewDto } from "@/lib/api/imports";
import { createToken } from "@/lib/tokens/tokens";
import { addAccount } from "../support/accounts";
import { apiCaller } from "../support/api";
import { backends } from "../support/databases";

const airwarsCsv = readFileSync(new URL("../fixtures/import/airwars-like.csv", import.meta.url), "utf8");

describe.each(backends)("imports through the JSON API on $name", (backend) => {
  let handle: DatabaseHandle;
  const call = apiCaller(() => handle);
  let token = "";

  beforeAll(async () => {
    handle = await backend.open();
    const made = await createToken(handle.db, await addAccount(handle.db, "reviewer"), { name: "import test" });
    if (!made.ok) throw new Error("setup");
    token = made.value.token;
  });
  afterAll(() => handle.close());

  it("uploads a file, previews it as JSON, commits it as a job followed to its end, serves the error file and undoes it", async () => {
    const csv = airwarsCsv.replace(/\bCS(\d+)/g, "CS$1-api");
    const uploaded = await call("POST", "/imports", { token, raw: csv, headers: { "x-file-name": encodeURIComponent("الرقة 2017.csv"), "content-type": "text/csv" } });
    expect(uploaded.status).toBe(201);
    expect(importDto.safeParse(uploaded.json).success).toBe(true);
    expect(uploaded.json).toMatchObject({ status: "uploaded", fileName: "الرقة 2017.csv", fileSize: Buffer.byteLength(csv), created: 0 });
    const importId = uploaded.json.id as string;
    expect(uploaded.headers.get("location")).toBe(`/api/v1/imports/${importId}`);

    const preview = await call("POST", "/imports/{importId}/preview", { token, params: { importId }, body: {} });
    expect(preview.status).toBe(200);
    expect(importPreviewDto.safeParse(preview.json).success).toBe(true);
    expect(preview.json).toMatchObject({ rows: 4, validRows: 2, toFile: 2, invalidRows: 2, mapping: { 0: "externalCode" } });
    const problems = preview.json.problems as { row: number; code: string; message: string }[];
    expect(problems.find((p) => p.code === "unknownPlace" || p.code === "unknownPlaceSuggest")?.message).toMatch(/is not a place we know/);

    const refused = await call("POST", "/imports/{importId}/preview", { token, params: { importId }, body: { mapping: { 0: "title", 1: "title" } } });
    expect(refused).toMatchObject({ status: 422, json: { error: "invalidInput", fieldErrors: { mapping: [{ code: "fieldTwice" }] } } });

    const started = await call("POST", "/imports/{importId}/commit", { token, params: { importId }, body: {} });
    expect(started.status).toBe(202);
    let state = started.json;
    for (let i = 0; i < 200 && state.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      state = (await call("GET", "/imports/{importId}", { token, params: { importId } })).json;
    }
    expect(state).toMatchObject({ status: "committed", created: 2, updated: 0, skipped: 0, invalid: 2, progress: { done: 2, total: 2 } });
    expect(await call("POST", "/imports/{importId}/commit", { token, params: { importId }, body: {} })).toMatchObject({ status: 409, json: { error: "importNotStartable" } });

    const errors = await call("GET", "/imports/{importId}/errors", { token, params: { importId } });
    expect(errors.status).toBe(200);
    expect(errors.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(errors.text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.Row)).toEqual(["4", "5"]);

    const list = await call("GET", "/imports", { token });
    expect((list.json.items as { id: string }[]).map((i) => i.id)).toContain(importId);

    expect(await call("POST", "/imports/{importId}/undo", { token, params: { importId }, body: {} })).toMatchObject({ status: 422 });
    expect(await call("POST", "/imports/{importId}/undo", { token, params: { importId }, body: { reason: "Test file" } })).toMatchObject({ status: 200, json: { withdrawn: 2 } });
    expect((await call("GET", "/imports/{importId}", { token, params: { importId } })).json).toMatchObject({ status: "undone" });
  });

  it("takes a victims file beside the import's file, and reads its victims when the reading names it", async () => {
    const uploaded = await call("POST", "/imports", { token, raw: "Code,Date,Governorate,Belligerent,Strike type,Civilians killed\nAPV1,2017-06-14,Ar-Raqqa,Coalition,Airstrike,2\n", headers: { "x-file-name": "incidents.csv" } });
    const importId = uploaded.json.id as string;
    const victims = await call("POST", "/imports/{importId}/victims-file", {
      token,
      params: { importId },
      raw: "Incident code,Name,Outcome\nAPV1,Omar Saleh,killed\nAPV1,Huda Saleh,killed\n",
      headers: { "x-file-name": "victims.csv" },
    });
    expect(victims).toMatchObject({ status: 200, json: { id: importId, victimsFile: { name: "victims.csv" } } });
    expect(importDto.safeParse(victims.json).success).toBe(true);
    const preview = await call("POST", "/imports/{importId}/preview", { token, params: { importId }, body: { rules: { dateOrder: "dmy", values: {}, victims: { file: true, sheet: "CSV" } } } });
    expect(preview).toMatchObject({ status: 200, json: { victimsFile: { name: "victims.csv", sheets: ["CSV"] }, victims: { file: true, label: "victims.csv", toFile: 2 } } });
    expect(importPreviewDto.safeParse(preview.json).success).toBe(true);
    expect(await call("POST", "/imports/{importId}/victims-file", { token, params: { importId: "not-a-uuid" }, raw: "a\n1\n", headers: { "x-file-name": "v.csv" } })).toMatchObject({ status: 404 });
  });

  it("refuses a file it cannot read, and a name it cannot decode, keeping nothing", async () => {
    const before = ((await call("GET", "/imports", { token })).json.items as unknown[]).length;
    expect(await call("POST", "/imports", { token, raw: "", headers: { "x-file-name": "empty.csv" } })).toMatchObject({ status: 422, json: { error: "importEmpty" } });
    expect(await call("POST", "/imports", { token, raw: "a,b\n1,2\n", headers: { "x-file-name": "%E0%A4%A" } })).toMatchObject({ status: 422, json: { error: "invalidInput" } });
    expect(await call("POST", "/imports", { token, raw: "a,b\n1,2\n" })).toMatchObject({ status: 422, json: { fieldErrors: { fileName: [{ code: "required" }] } } });
    expect(((await call("GET", "/imports", { token })).json.items as unknown[]).length).toBe(before);
    expect(await call("GET", "/imports/{importId}", { token, params: { importId: "not-a-uuid" } })).toMatchObject({ status: 404 });
  });
});
