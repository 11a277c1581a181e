import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import type { Role } from "@/lib/auth/roles";
import { expect, test } from "./fixtures";
import { accountPath, demoAccount, signInAs, signOut, submitSignIn } from "./support/accounts";

/**
 * Signing out ends the session itself, so these tests sign in afresh: signing out of the shared
 * per-role sessions the other tests run on would end those too.
 */
async function freshSession(pageAs: (role: null) => Promise<Page>, role: Role): Promise<Page> {
  const page = await pageAs(null);
  await signInAs(page, { ...demoAccount(role), password: DEMO_PASSWORD });
  return page;
}

/** Signs out with the header's button and checks that the app is closed to this browser afterwards. */
async function signOutAndCheck(page: Page): Promise<void> {
  await signOut(page);

  for (const [path, landing] of [
    ["/", "/login"],
    ["/admin/accounts", "/login?callbackUrl=%2Fadmin%2Faccounts"],
  ]) {
    await page.goto(path);
    await expect(page, `${path} after signing out`).toHaveURL(landing);
    await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  }
}

const homeOf: Role[] = ["staff", "reviewer", "manager", "admin"];
for (const role of homeOf) {
  test(`${role} signs out from the home page`, async ({ pageAs }) => {
    const page = await freshSession(pageAs, role);
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toContainText(demoAccount(role).name);
    await signOutAndCheck(page);
  });
}

test("admin signs out from the accounts list", async ({ pageAs }) => {
  const adminPage = await freshSession(pageAs, "admin");
  await adminPage.goto("/admin/accounts");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("Accounts");
  await signOutAndCheck(adminPage);
});

test("admin signs out from an account's page", async ({ pageAs }) => {
  const adminPage = await freshSession(pageAs, "admin");
  await adminPage.goto("/admin/accounts");
  const path = await accountPath(adminPage, demoAccount("manager").name);
  await adminPage.goto(path);
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(demoAccount("manager").name);
  await signOutAndCheck(adminPage);
  await adminPage.goto(path);
  await expect(adminPage).toHaveURL(`/login?callbackUrl=${encodeURIComponent(path)}`);
});

test("a copy of the session cookie opens nothing once its owner has signed out", async ({ accounts, pageAs, browser, baseURL }) => {
  const person = await accounts.create("staff");
  const page = await pageAs(null);
  await page.goto("/login");
  await submitSignIn(page, person.email, person.password);
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);

  // Someone copies the cookie (a shared computer, a proxy log) into a browser of their own.
  const copy = await browser.newContext({ baseURL, storageState: await page.context().storageState() });
  const thief = await copy.newPage();
  await thief.goto("/");
  await expect(thief.getByTestId("signed-in-user")).toContainText(person.name);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await thief.goto("/cases");
  await expect(thief).toHaveURL("/login?callbackUrl=%2Fcases");

  // Asking the auth library to refresh it gives no session and clears the cookie, never a fresh one.
  const refreshed = await copy.request.get("/api/auth/session");
  expect(await refreshed.json()).toBeNull();
  const setCookie = refreshed.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  expect(setCookie.find((c) => /authjs\.session-token=/.test(c)), setCookie.join(" | ")).toMatch(/authjs\.session-token=;|Max-Age=0|Expires=Thu, 01 Jan 1970/i);
  await copy.close();
});

test("the auth library's own sign-out endpoint is refused: it would clear the cookie without ending the session", async ({ accounts, pageAs }) => {
  const person = await accounts.create("staff");
  const page = await pageAs(null);
  await page.goto("/login");
  await submitSignIn(page, person.email, person.password);
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);

  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  for (const call of [
    () => page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 }),
    () => page.request.get("/api/auth/signout", { maxRedirects: 0 }),
  ]) {
    const refused = await call();
    expect(refused.status()).toBe(404);
    expect(await refused.json()).toEqual({ error: "notFound" });
    expect(refused.headers()["set-cookie"] ?? "").not.toMatch(/authjs\.session-token/);
  }
  // Nothing happened: the person is still signed in, and the app's own button signs them out.
  await page.goto("/account");
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);
  await signOutAndCheck(page);
});
