import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { expect, test } from "./fixtures";
import { demoAccount, signInAs } from "./support/accounts";
import { freshCode, passwordStep, readSetUp, setUpAuthenticator } from "./support/two-factor";

/**
 * Requiring a second factor of everyone signs out every session without one, the shared per-role
 * sessions of the other tests included: so this runs in a project of its own, after all of them
 * (playwright.config.ts), and lifts the requirement again at the end.
 */
test("an admin requires two-factor sign-in: sessions without it end, and the next sign-in sets it up", async ({ pageAs, accounts, adminPage }) => {
  test.slow();
  const policyAdmin = await accounts.create("admin");
  const person = await accounts.create("staff");
  const page = await pageAs(null);
  await signInAs(page, policyAdmin);

  // Not before the admin has a second factor of their own: it would lock them out.
  await page.goto("/admin/accounts");
  const policy = page.getByRole("region", { name: "Sign-in policy" });
  await policy.getByLabel("Require two-factor sign-in for everyone").check();
  await policy.getByLabel("Your password").fill(policyAdmin.password);
  await policy.getByRole("button", { name: "Save sign-in policy" }).click();
  await expect(policy.getByRole("alert")).toHaveText("Set up two-factor sign-in for your own account before requiring it of everyone.");

  await setUpAuthenticator(page, policyAdmin);
  await page.goto("/admin/accounts");
  await policy.getByLabel("Require two-factor sign-in for everyone").check();
  await policy.getByLabel("Your password").fill(policyAdmin.password);
  await policy.getByRole("button", { name: "Save sign-in policy" }).click();
  await expect(policy.getByRole("status")).toHaveText("Sign-in policy saved.");
  await expect(policy.getByLabel("Require two-factor sign-in for everyone")).toBeChecked();

  // The shared admin (no second factor) is signed out at its next request.
  await adminPage.goto("/admin/accounts");
  await expect(adminPage).toHaveURL(/\/login/);

  // A person without one sets it up as part of signing in.
  const newcomer = await pageAs(null);
  await passwordStep(newcomer, person);
  await expect(newcomer.getByRole("heading", { name: "Set up two-factor sign-in" })).toBeVisible();
  const authenticator = await readSetUp(newcomer);
  await newcomer.getByLabel("Code from the app").fill(freshCode(authenticator, 0));
  await newcomer.getByRole("button", { name: "Turn on and sign in" }).click();
  await expect(newcomer.getByTestId("signed-in-user")).toContainText(person.name);
  await newcomer.goto("/account/two-factor");
  await expect(newcomer.getByTestId("two-factor-status")).toContainText("10 recovery codes are left.");
  await expect(newcomer.getByRole("region", { name: "Turn off" })).toContainText("Your organisation requires two-factor sign-in, so it cannot be turned off.");

  // Lifted again: the shared accounts sign in with their password alone.
  await page.goto("/admin/accounts");
  await policy.getByLabel("Require two-factor sign-in for everyone").uncheck();
  await policy.getByLabel("Your password").fill(policyAdmin.password);
  await policy.getByRole("button", { name: "Save sign-in policy" }).click();
  await expect(policy.getByRole("status")).toHaveText("Sign-in policy saved.");
  await signInAs(await pageAs(null), { ...demoAccount("admin"), password: DEMO_PASSWORD });
});
