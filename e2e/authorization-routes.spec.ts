import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, tinyPng, uniqueWord, uploadEvidence } from "./support/cases";

/**
 * The route handlers the JSON API matrix does not cover (tests/integration/authorization-matrix.test.ts),
 * called through the running app as every role and signed out: each allowed or refused as
 * lib/auth/entry-points.ts and DOMAIN.md say.
 */

type Caller = "signedOut" | "staff" | "reviewer" | "manager" | "admin";
const roles = ["staff", "reviewer", "manager", "admin"] as const;

test("exports, evidence and import downloads and uploads answer each role as DOMAIN.md says", async ({ staffPage, requestAs, playwright, baseURL }) => {
  test.setTimeout(90_000);
  const { id } = await fileHaratAlBadu(staffPage, { title: `Routes ${uniqueWord()}` });
  await staffPage.goto(`/cases/${id}`);
  await uploadEvidence(staffPage, { name: "routes.png", mimeType: "image/png", buffer: tinyPng });
  const download = await staffPage.getByTestId("evidence-item").filter({ hasText: "routes.png" }).getByRole("link").first().getAttribute("href");

  const as: Record<Caller, APIRequestContext> = {
    signedOut: await playwright.request.newContext({ baseURL }),
    ...(Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await requestAs(r)] as const))) as Record<(typeof roles)[number], APIRequestContext>),
  };
  const upload = (request: APIRequestContext) =>
    request.post(`/api/cases/${id}/evidence`, {
      headers: { "content-type": "image/png", "x-file-name": "matrix.png", origin: new URL(baseURL as string).origin },
      data: tinyPng,
    });
  const importUpload = (request: APIRequestContext) =>
    request.post("/api/imports", {
      headers: { "content-type": "text/csv", "x-file-name": "matrix.csv", origin: new URL(baseURL as string).origin },
      data: "Title,Date,Country,Governorate\nMatrix,14/06/2017,Syria,Ar-Raqqa\n",
    });
  const importId = ((await (await importUpload(as.reviewer)).json()) as { id: string }).id;
  // Asking for the headers alone is not a download: the trail records none.
  const head = await as.staff.head(download as string);
  expect(head.status()).toBe(200);
  expect(head.headers()["content-type"]).toBe("image/png");
  expect(head.headers()["repr-digest"]).toMatch(/^sha-256=:[A-Za-z0-9+/]+=*:$/);
  expect(head.headers()["content-disposition"]).toContain('filename="routes.png"');
  const downloads = staffPage.getByTestId("case-trail").getByText(/ downloaded routes\.png$/);
  await staffPage.reload();
  await expect(downloads).toHaveCount(0);

  const checks: { name: string; run: (r: APIRequestContext) => Promise<{ status(): number }>; allowed: Caller[]; signedOut: number }[] = [
    // Signed out, the app's pages and their exports send the visitor to sign in (307); the API answers 401.
    { name: "audit export", run: (r) => r.get("/audit/export?format=csv", { maxRedirects: 0 }), allowed: ["manager", "admin"], signedOut: 307 },
    { name: "public summary export", run: (r) => r.get("/summaries/export?kind=cases&audience=public", { maxRedirects: 0 }), allowed: ["manager"], signedOut: 307 },
    { name: "internal summary export", run: (r) => r.get("/summaries/export?kind=victims&audience=internal", { maxRedirects: 0 }), allowed: ["manager"], signedOut: 307 },
    { name: "evidence download", run: (r) => r.get(download as string, { maxRedirects: 0 }), allowed: ["staff", "reviewer", "manager", "admin"], signedOut: 401 },
    { name: "evidence headers (HEAD)", run: (r) => r.head(download as string, { maxRedirects: 0 }), allowed: ["staff", "reviewer", "manager", "admin"], signedOut: 401 },
    { name: "evidence upload", run: upload, allowed: ["staff", "reviewer", "manager"], signedOut: 401 },
    { name: "import upload", run: importUpload, allowed: ["reviewer", "manager"], signedOut: 401 },
    {
      name: "import victims file upload",
      run: (r) =>
        r.post(`/api/imports/${importId}/victims`, {
          headers: { "content-type": "text/csv", "x-file-name": "victims.csv", origin: new URL(baseURL as string).origin },
          data: "Code,Name,Outcome\nM1,Omar Saleh,killed\n",
        }),
      allowed: ["reviewer", "manager"],
      signedOut: 401,
    },
    { name: "import error file", run: (r) => r.get(`/imports/${importId}/errors`, { maxRedirects: 0 }), allowed: ["reviewer", "manager"], signedOut: 307 },
  ];
  for (const check of checks) {
    const seen: Record<string, number> = {};
    for (const caller of ["signedOut", ...roles] as Caller[]) seen[caller] = (await check.run(as[caller])).status();
    const expected = Object.fromEntries(
      (["signedOut", ...roles] as Caller[]).map((c) => [c, c === "signedOut" ? check.signedOut : check.allowed.includes(c) ? "allowed" : 403]),
    );
    const got = Object.fromEntries(Object.entries(seen).map(([c, s]) => [c, s === 401 || s === 403 || s === 307 ? s : s < 300 ? "allowed" : s]));
    expect(got, `${check.name}: ${JSON.stringify(seen)}`).toEqual(expected);
  }
  // One download by each role that may read the case; their HEAD requests added nothing.
  await staffPage.reload();
  await expect(downloads).toHaveCount(4);
  await as.signedOut.dispose();
});
