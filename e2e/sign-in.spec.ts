import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { accountPath, demoAccount, submitSignIn } from "./support/accounts";

const WRONG = "The email or password is incorrect.";
const THROTTLED = "Too many failed attempts. Sign-in is paused for 15 minutes; try again later.";

const admin = demoAccount("admin");
const staff = demoAccount("staff");

/** The sign-in form's own message (Next's route announcer is also a role="alert", so not by role alone). */
const signInError = (page: Page) => page.getByRole("main").getByRole("alert");

test("a wrong password shows the error and keeps the email typed", async ({ page, accounts }) => {
  const person = await accounts.create("staff");
  await page.goto("/login");
  await submitSignIn(page, person.email, "not the right password at all");

  await expect(signInError(page)).toHaveText(WRONG);
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(person.email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
});

test("the 6th failed attempt for one account is refused by the throttle, even with the right password", async ({
  page,
  accounts,
}) => {
  // An account of this test's own: the five failures lock only it, for 15 minutes.
  const person = await accounts.create("staff");
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, person.email, `wrong password number ${attempt}`);
    await expect(signInError(page)).toHaveText(WRONG);
  }

  await submitSignIn(page, person.email, "wrong password number 6");
  await expect(signInError(page)).toHaveText(THROTTLED);

  // Locked means locked: the right password is refused too, and nobody is signed in.
  await submitSignIn(page, person.email, person.password);
  await expect(signInError(page)).toHaveText(THROTTLED);
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
});

test.describe("a signed-out visitor lands on sign-in and comes back after signing in", () => {
  test("to the home page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await submitSignIn(page, staff.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${staff.name}`);
  });

  test("to /admin/accounts", async ({ page }) => {
    await page.goto("/admin/accounts");
    await expect(page).toHaveURL("/login?callbackUrl=%2Fadmin%2Faccounts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
    await submitSignIn(page, admin.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/admin/accounts");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accounts");
  });

  test("to one account's page", async ({ page, adminPage }) => {
    await adminPage.goto("/admin/accounts");
    const path = await accountPath(adminPage, staff.name);

    await page.goto(path);
    await expect(page).toHaveURL(`/login?callbackUrl=${encodeURIComponent(path)}`);
    await submitSignIn(page, admin.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(staff.name);
  });
});
