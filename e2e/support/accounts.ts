import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { demoAccounts } from "@/db/seed/demo-accounts";
import type { Role } from "@/lib/auth/roles";

export type Person = { name: string; email: string; role: Role; password: string };
export type Account = Person & { id: string };

export const roleLabels: Record<Role, string> = {
  staff: "Staff",
  reviewer: "Reviewer",
  manager: "Manager",
  admin: "Administrator",
};

/** The shared account of a role (created at start-up on the embedded back end, by the prepare script on PostgreSQL). */
export function demoAccount(role: Role): (typeof demoAccounts)[number] {
  const account = demoAccounts.find((a) => a.role === role);
  if (!account) throw new Error(`No demo account for ${role}`);
  return account;
}

/** A person no other test knows about: unique name and email, a password the policy accepts. */
export function newPerson(role: Role = "staff"): Person {
  const suffix = randomBytes(5).toString("hex");
  return {
    name: `Tester ${suffix}`,
    email: `e2e-${suffix}@example.org`,
    role,
    password: `Quiet harbour lantern ${suffix}`,
  };
}

/** Creates the account through the admin's form and returns it with its id. `page` is signed in as an admin. */
export async function createAccount(page: Page, person: Person): Promise<Account> {
  await page.goto("/admin/accounts");
  await fillCreateAccountForm(page, person);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Account created for ${person.email}.` })).toBeVisible();
  const path = await accountPath(page, person.name);
  return { ...person, id: path.slice("/admin/accounts/".length) };
}

/** The address of a person's account page, read from the accounts list. `page` is on that list. */
export async function accountPath(page: Page, name: string): Promise<string> {
  const manage = page.getByRole("link", { name: `Manage ${name}`, exact: true });
  await expect(manage).toHaveAttribute("href", /^\/admin\/accounts\/[0-9a-f-]{36}$/);
  const href = await manage.getAttribute("href");
  if (!href) throw new Error(`No account link for ${name}`);
  return href;
}

export async function fillCreateAccountForm(page: Page, person: Person): Promise<void> {
  const form = page.getByRole("region", { name: "New account" });
  await form.getByLabel("Name", { exact: true }).fill(person.name);
  await form.getByLabel("Email", { exact: true }).fill(person.email);
  await form.getByLabel("Role", { exact: true }).selectOption(person.role);
  await form.getByLabel("Initial password", { exact: true }).fill(person.password);
}

/**
 * Fills the sign-in form and submits it; resolves once the answer has been shown: the form is idle
 * again (after a refusal) or the person is signed in. Filling only an idle form matters: React
 * resets a form when its action completes, which would wipe what was typed a moment too early.
 */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const button = page.getByRole("button", { name: "Sign in", exact: true });
  await expect(button).toBeEnabled();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && "next-action" in r.request().headers()),
    button.click(),
  ]);
  await expect(button.or(page.getByTestId("signed-in-user"))).toBeVisible();
}

/** Signs a person in from the sign-in page and waits until their home page shows who they are. */
export async function signInAs(page: Page, person: Pick<Person, "email" | "password" | "name">): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith("/login")) await page.goto("/login");
  await submitSignIn(page, person.email, person.password);
  await expect(page.getByTestId("signed-in-user")).toContainText(person.name);
}

/** Signs out with the header's button and waits until the sign-in page is back (the session is gone by then). */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
}

/** The account's page, as the admin sees it. */
export async function openAccount(page: Page, account: Account): Promise<void> {
  await page.goto(`/admin/accounts/${account.id}`);
  await expect(page.getByRole("heading", { level: 1, name: account.name })).toBeVisible();
}
