import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import { expect, test } from "./fixtures";
import { openAccount, signInAs, signOut } from "./support/accounts";
import { freshCode, passwordStep, setUpAuthenticator, submitCode, wrongCode } from "./support/two-factor";

test("a person sets up an authenticator, signs in with its code or a recovery code, and an admin removes it when the phone is lost", async ({ pageAs, accounts, adminPage }) => {
  test.slow();
  const person = await accounts.create("staff");
  const page = await pageAs(null);
  await signInAs(page, person);
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-summary")).toHaveText("Off: signing in asks for your password only.");
  await expect(page.getByRole("link", { name: "Set up two-factor sign-in" })).toHaveAttribute("href", "/account/two-factor");
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-factor sign-in");

  // A wrong first code is refused beside the field, and nothing is turned on.
  const form = page.getByRole("region", { name: "Set up an authenticator" });
  await form.getByLabel("Code from the app").fill("00000");
  await form.getByLabel("Your password").fill(person.password);
  await form.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(form.getByText("That code is not right, or has already been used.")).toBeVisible();
  await expect(form.getByLabel("Code from the app")).toHaveAttribute("aria-invalid", "true");

  const authenticator = await setUpAuthenticator(page, person);
  await expect(page.getByTestId("two-factor-status")).toContainText("10 recovery codes are left.");

  // Signing in now takes the password, then the code.
  await signOut(page);
  await passwordStep(page, person);
  await expect(page.getByText("Your account uses two-factor sign-in.")).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  await submitCode(page, wrongCode(authenticator));
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right, or has already been used. Try the code shown now." })).toBeVisible();
  await submitCode(page, freshCode(authenticator));
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);

  // A recovery code instead of the phone, typed in capitals; it is spent.
  await signOut(page);
  await passwordStep(page, person);
  await submitCode(page, authenticator.recoveryCodes[0].toUpperCase());
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-summary")).toHaveText("On. 9 recovery codes left.");

  // The admin sees it, and removes it with their own password.
  await adminPage.goto("/admin/accounts");
  await expect(adminPage.getByTestId("account-row").filter({ hasText: person.email })).toContainText("On");
  await openAccount(adminPage, person);
  const panel = adminPage.getByRole("region", { name: "Two-factor sign-in" });
  await panel.getByLabel("Your password").fill(DEMO_PASSWORD);
  await panel.getByRole("button", { name: "Remove second factor" }).click();
  await expect(panel).toContainText("This person has not set up two-factor sign-in.");
  await expect(adminPage.getByText("second factor removed").first()).toBeVisible();

  // The person's session ended with it; the password alone lets them in again.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await signInAs(page, person);
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-summary")).toHaveText("Off: signing in asks for your password only.");
});

test("recovery codes are renewed and two-factor sign-in is turned off from the account", async ({ pageAs, accounts }) => {
  const person = await accounts.create("reviewer");
  const page = await pageAs(null);
  await signInAs(page, person);
  const authenticator = await setUpAuthenticator(page, person);

  const renew = page.getByRole("region", { name: "New recovery codes" });
  await renew.getByLabel("Your password").fill(person.password);
  await renew.getByRole("button", { name: "Create new recovery codes" }).click();
  await expect(renew.getByRole("status")).toContainText("New recovery codes created.");
  const renewed = await renew.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  expect(renewed).toHaveLength(10);
  expect(renewed).not.toContain(authenticator.recoveryCodes[0]);

  const off = page.getByRole("region", { name: "Turn off" });
  await off.getByLabel("Code from your authenticator, or a recovery code").fill(authenticator.recoveryCodes[0]);
  await off.getByLabel("Your password").fill(person.password);
  await off.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(off.getByText("That code is not right, or has already been used.")).toBeVisible();
  await off.getByLabel("Code from your authenticator, or a recovery code").fill(renewed[4]);
  await off.getByLabel("Your password").fill(person.password);
  await off.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
  await expect(page.getByRole("region", { name: "Set up an authenticator" })).toBeVisible();
});
