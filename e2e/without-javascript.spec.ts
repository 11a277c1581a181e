import { expect, test } from "./fixtures";

// What a slow connection shows before the page's script has run: plain forms posted by the browser.
test("without JavaScript a person signs in, switches to Arabic and back, and signs out", async ({ browser, baseURL, locale, accounts }) => {
  const person = await accounts.create("staff");
  const context = await browser.newContext({ baseURL, locale, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto("/cases");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/cases");
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${person.name}`);

    const switched = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Switch to Arabic" }).click();
    expect((await switched).status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`مرحبًا، ${person.name}`);
    await page.getByRole("button", { name: "التبديل إلى الإنجليزية" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

    await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await context.close();
  }
});
