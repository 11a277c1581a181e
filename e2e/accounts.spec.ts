import { DEMO_PASSWORD } from "@/db/seed/demo-accounts";
import type { APIRequestContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { replayServerAction } from "./support/server-actions";
import {
  accountPath,
  demoAccount,
  fillCreateAccountForm,
  newPerson,
  openAccount,
  roleLabels,
  signInAs,
  submitSignIn,
} from "./support/accounts";

const accountRows = (page: Page) => page.getByTestId("account-row");
const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main navigation" });

test("staff opening an admin page is refused with the 403 page", async ({ staffPage, adminPage }) => {
  await adminPage.goto("/admin/accounts");
  const somebodysPage = await accountPath(adminPage, demoAccount("reviewer").name);

  for (const path of ["/admin/accounts", somebodysPage]) {
    const response = await staffPage.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("Not allowed");
    await expect(staffPage.getByText("Your role does not give access to this page.")).toBeVisible();
    await expect(staffPage.getByRole("table")).toHaveCount(0);
    await expect(staffPage.getByText(demoAccount("reviewer").email)).toHaveCount(0);
  }
});

test("an admin server action posted directly with a staff session is refused on the server", async ({
  adminPage,
  requestAs,
  baseURL,
}) => {
  // Capture the real request the admin's create-account form sends, without letting it through.
  const person = newPerson("admin");
  await adminPage.goto("/admin/accounts");
  await adminPage.route("**/admin/accounts", (route) =>
    route.request().method() === "POST" ? route.abort() : route.fallback(),
  );
  await fillCreateAccountForm(adminPage, person);
  // Wait for the request to have failed, not merely started: unrouting earlier can let it through.
  const [action] = await Promise.all([
    adminPage.waitForEvent("requestfailed", (r) => r.method() === "POST" && "next-action" in r.headers()),
    adminPage.getByRole("button", { name: "Create account" }).click(),
  ]);
  await adminPage.unroute("**/admin/accounts");
  const body = action.postDataBuffer();
  expect(body?.toString()).toContain(person.email);

  const replay = (request: APIRequestContext) => replayServerAction(request, action, baseURL);

  // Replayed with the staff session: the server refuses, and nothing was created.
  const asStaff = await replay(await requestAs("staff"));
  expect(asStaff.status()).toBe(200);
  const staffAnswer = await asStaff.text();
  expect(staffAnswer.includes('"error":"forbidden"'), "the server answers the staff member 'forbidden'").toBe(true);
  await adminPage.goto("/admin/accounts");
  await expect(accountRows(adminPage).first()).toBeVisible();
  await expect(adminPage.getByText(person.email)).toHaveCount(0);

  // The same request with the admin's session does create the account: the replay itself is sound.
  const asAdmin = await replay(await requestAs("admin"));
  const adminAnswer = await asAdmin.text();
  expect(adminAnswer.includes('"status":"ok"'), "the server accepts the same request from the admin").toBe(true);
  await adminPage.reload();
  await expect(accountRows(adminPage).filter({ hasText: person.email })).toHaveCount(1);
});

test("an admin creates an account and that person signs in", async ({ adminPage, pageAs }) => {
  const person = newPerson("reviewer");
  await adminPage.goto("/admin/accounts");
  await fillCreateAccountForm(adminPage, person);
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByRole("status")).toHaveText(`Account created for ${person.email}.`);
  const row = accountRows(adminPage).filter({ hasText: person.email });
  await expect(row.getByRole("cell")).toHaveText([person.name, person.email, "Reviewer", "Active", "Off", /\S/, "Manage"]);
  // The form is empty again, ready for the next account.
  await expect(adminPage.getByLabel("Email", { exact: true })).toHaveValue("");

  const theirPage = await pageAs(null);
  await theirPage.goto("/login");
  await signInAs(theirPage, person);
  await expect(theirPage).toHaveURL("/");
  await expect(theirPage.getByTestId("signed-in-role")).toHaveText("Reviewer");
  await expect(mainNav(theirPage).getByRole("link", { name: "Accounts", exact: true })).toHaveCount(0);
});

test("disabling a signed-in user ends their access at their next navigation", async ({
  adminPage,
  accounts,
  pageAs,
}) => {
  const person = await accounts.create("staff");
  const theirPage = await pageAs(null);
  await signInAs(theirPage, person);

  await openAccount(adminPage, person);
  const accessPanel = adminPage.getByRole("region", { name: "Access" });
  await accessPanel.getByLabel("Your password").fill(DEMO_PASSWORD);
  await accessPanel.getByRole("button", { name: "Disable account" }).click();
  await expect(adminPage.getByRole("status")).toHaveText("Access updated.");
  await expect(adminPage.getByTestId("account-status")).toHaveText("Disabled");

  await mainNav(theirPage).getByRole("link", { name: "Home", exact: true }).click();
  await expect(theirPage).toHaveURL("/login?callbackUrl=%2F");
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await expect(theirPage.getByTestId("signed-in-user")).toHaveCount(0);
});

test("a role change takes effect on the person's next request", async ({ adminPage, accounts, pageAs }) => {
  const person = await accounts.create("staff");
  const theirPage = await pageAs(null);
  await signInAs(theirPage, person);
  await expect(mainNav(theirPage).getByRole("link", { name: "Home", exact: true })).toBeVisible();
  await expect(mainNav(theirPage).getByRole("link", { name: "Accounts", exact: true })).toHaveCount(0);
  await expect(theirPage.getByTestId("signed-in-role")).toHaveText("Staff");

  await openAccount(adminPage, person);
  const rolePanel = adminPage.getByRole("region", { name: "Change role" });
  await rolePanel.getByLabel("Role").selectOption("admin");
  await rolePanel.getByLabel("Your password").fill(DEMO_PASSWORD);
  await rolePanel.getByRole("button", { name: "Save role" }).click();
  await expect(rolePanel.getByRole("status")).toHaveText("Role saved. It applies from the person's next request.");

  await theirPage.reload();
  await expect(theirPage.getByTestId("signed-in-role")).toHaveText(roleLabels.admin);
  await mainNav(theirPage).getByRole("link", { name: "Accounts", exact: true }).click();
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Accounts");
});

test("a password reset ends the person's session and makes the old password fail", async ({
  adminPage,
  accounts,
  pageAs,
}) => {
  const person = await accounts.create("manager");
  const theirPage = await pageAs(null);
  await signInAs(theirPage, person);

  const newPassword = `${person.password} renewed`;
  await openAccount(adminPage, person);
  const passwordPanel = adminPage.getByRole("region", { name: "Reset password" });
  await passwordPanel.getByLabel("New password").fill(newPassword);
  // Asked for the admin's own password first: a wrong one is refused beside the field, nothing changes.
  await passwordPanel.getByLabel("Your password").fill("not the admin's password");
  await passwordPanel.getByRole("button", { name: "Reset password" }).click();
  await expectErrorBeside(passwordPanel.getByLabel("Your password"), "That is not your password.");
  await theirPage.reload();
  await expect(theirPage.getByTestId("signed-in-user")).toContainText(person.name);
  await passwordPanel.getByLabel("New password").fill(newPassword);
  await passwordPanel.getByLabel("Your password").fill(DEMO_PASSWORD);
  await passwordPanel.getByRole("button", { name: "Reset password" }).click();
  await expect(passwordPanel.getByRole("status")).toHaveText("Password reset.");

  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login/);
  await submitSignIn(theirPage, person.email, person.password);
  await expect(theirPage.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signInAs(theirPage, { ...person, password: newPassword });
});

/** The field's error: named by its aria-describedby, shown, and placed just below the field. */
async function expectErrorBeside(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)));
  const ids = ((await field.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  const errorId = ids.find((id) => id.endsWith("-error"));
  expect(errorId, "the field names its error list").toBeDefined();
  const error = field.page().locator(`[id="${errorId}"]`);
  await expect(error).toBeVisible();
  await expect(error).toHaveText(message);
  const [fieldBox, errorBox] = [await field.boundingBox(), await error.boundingBox()];
  expect(fieldBox && errorBox, "both are laid out").toBeTruthy();
  if (fieldBox && errorBox) {
    expect(errorBox.y, "the error is below its field").toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height);
    expect(errorBox.y - (fieldBox.y + fieldBox.height), "and close to it").toBeLessThan(100);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("bad input in the create-account form shows each field's error beside it and keeps the name and email", async ({
  adminPage,
}) => {
  await adminPage.goto("/admin/accounts");
  const rowsBefore = await accountRows(adminPage).count();
  const form = adminPage.getByRole("region", { name: "New account" });
  const name = form.getByLabel("Name", { exact: true });
  const email = form.getByLabel("Email", { exact: true });
  const role = form.getByLabel("Role", { exact: true });
  const password = form.getByLabel("Initial password", { exact: true });

  const longName = `Name ${"x".repeat(130)}`;
  await name.fill(longName);
  await email.fill("not-an-email-address");
  await password.fill("too short");
  // The list offers only valid roles; a tampered submission must still be caught by the server.
  await role.evaluate((select: HTMLSelectElement) => {
    select.options[select.selectedIndex].value = "superuser";
  });
  await form.getByRole("button", { name: "Create account" }).click();

  await expect(form.getByRole("alert")).toHaveText("Some fields need attention.");
  await expectErrorBeside(name, "This is too long.");
  await expectErrorBeside(email, "Enter a valid email address.");
  await expectErrorBeside(role, "Choose one of the roles.");
  await expectErrorBeside(password, "Use at least 12 characters.");
  await expect(name).toHaveValue(longName);
  await expect(email).toHaveValue("not-an-email-address");
  await expect(password, "a password is never sent back").toHaveValue("");
  await expect(accountRows(adminPage)).toHaveCount(rowsBefore);

  // Empty fields are named too.
  await name.fill("");
  await email.fill("");
  await form.getByRole("button", { name: "Create account" }).click();
  await expectErrorBeside(name, "This field is required.");
  await expectErrorBeside(email, "This field is required.");
  await expectErrorBeside(password, "This field is required.");
  await expect(accountRows(adminPage)).toHaveCount(rowsBefore);
});
