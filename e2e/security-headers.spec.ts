import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, tinyPng, uniqueWord, uploadEvidence } from "./support/cases";
import { demoAccount } from "./support/accounts";

const EVIL = "http://evil.example";

const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

test("pages carry a nonce-based Content-Security-Policy and the other protective headers", async ({ requestAs }) => {
  const request = await requestAs("staff");
  const [first, second] = [await request.get("/cases"), await request.get("/cases")];
  expect(first.status()).toBe(200);
  const policy = first.headers()["content-security-policy"];
  const csp = directives(policy);
  const scriptSrc = csp.get("script-src") ?? [];
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'none'"]);
  const nonce = scriptSrc.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce).toMatch(/^[A-Za-z0-9+/=]{22,}$/);
  // A new nonce for every response, and on every script the page has.
  expect(second.headers()["content-security-policy"]).not.toBe(policy);
  const scripts = [...(await first.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
  });
  // HSTS is sent by production servers (these tests run the production server, scripts/serve.mjs); browsers heed it over TLS only.
  expect(first.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("a script smuggled into a page's markup does not run", async ({ staffPage: page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  // The real response, its real policy, with an inline script an attacker might have stored.
  await page.route("**/cases", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/cases");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Allegations");
  expect(await page.evaluate(() => "__injected" in window)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  // The app's own scripts still run: the navigation reacts.
  await page.getByRole("link", { name: "My cases" }).click();
  await expect(page).toHaveURL(/mine=1/);
});

test("the session cookie is HttpOnly and SameSite, and Secure when the app is reached over HTTPS", async ({ playwright, baseURL }) => {
  const { email } = demoAccount("staff");
  for (const https of [false, true]) {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: https ? { "X-Forwarded-Proto": "https" } : {} });
    try {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const signedIn = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: DEMO_PASSWORD },
        maxRedirects: 0,
      });
      const setCookie = signedIn.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
      const session = setCookie.find((c) => /authjs\.session-token=/.test(c));
      expect(session, `signed in${https ? " over HTTPS" : ""}: ${setCookie.join(" | ")}`).toBeDefined();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
      if (https) expect(session).toMatch(/^__Secure-authjs\.session-token=.*;\s*Secure/i);
      else expect(session).not.toMatch(/;\s*Secure/i);
    } finally {
      await request.dispose();
    }
  }
});

test("a cross-origin POST with a session cookie is refused, by a server action and by the API", async ({ staffPage, requestAs }) => {
  const title = `Cross-origin ${uniqueWord()}`;
  const { id } = await fileHaratAlBadu(staffPage, { title });

  // The owner's real save, captured and held back, then posted again from another origin.
  await staffPage.goto(`/cases/${id}/edit`);
  await staffPage.getByLabel("Title", { exact: true }).fill("Renamed from another site");
  const isSave = (r: { method(): string; headers(): Record<string, string>; postData(): string | null }) =>
    r.method() === "POST" && "next-action" in r.headers() && (r.postData() ?? "").includes("Renamed from another site");
  await staffPage.route(`**/cases/${id}/edit`, (route) => (isSave(route.request()) ? route.abort() : route.fallback()));
  const [action] = await Promise.all([staffPage.waitForRequest(isSave), staffPage.getByRole("button", { name: "Save changes" }).click()]);
  const forged = await staffPage.request.post(action.url(), {
    headers: {
      "next-action": action.headers()["next-action"],
      "next-router-state-tree": action.headers()["next-router-state-tree"],
      "content-type": action.headers()["content-type"],
      accept: "text/x-component",
      origin: EVIL,
    },
    data: action.postDataBuffer() ?? undefined,
  });
  expect(forged.status()).toBe(403);
  // The same body as a plain form post (what a page on another site, or a sandboxed one, can send).
  for (const origin of [EVIL, "null"]) {
    const plain = await staffPage.request.post(action.url(), {
      headers: { "content-type": action.headers()["content-type"], origin },
      data: action.postDataBuffer() ?? undefined,
    });
    expect(plain.status()).toBe(403);
  }
  await staffPage.goto(`/cases/${id}`);
  await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(title);

  // The API takes a token, never the browser's session cookie, whatever the origin.
  const api = await requestAs("staff");
  const viaCookie = await api.post("/api/v1/cases", { headers: { origin: EVIL }, data: { title: "Filed from another site" } });
  expect(viaCookie.status()).toBe(401);
});

test("an evidence file is served under its own sandboxing policy, not the pages'", async ({ staffPage: page, requestAs }) => {
  const { id } = await fileHaratAlBadu(page, { title: `Sandboxed ${uniqueWord()}` });
  await page.goto(`/cases/${id}`);
  await uploadEvidence(page, { name: "site.png", mimeType: "image/png", buffer: tinyPng });
  const link = page.getByTestId("evidence-item").filter({ hasText: "site.png" }).getByRole("link").first();
  const href = await link.getAttribute("href");
  expect(href).toMatch(/\/api\/cases\/.+\/evidence\/.+/);
  const response = await (await requestAs("staff")).get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});
