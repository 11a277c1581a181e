import { expect, type Page } from "@playwright/test";
import { totpCode } from "@/lib/auth/totp";
import type { Person } from "./accounts";

/** What a person kept from setting up their authenticator: the key (to make codes) and the recovery codes. */
export type Authenticator = { secret: string; recoveryCodes: string[] };

/** A code the server has not seen yet: the next 30-second step's (accepted while the phone's clock may run ahead). */
export function freshCode(authenticator: Authenticator, stepsAhead = 1): string {
  return totpCode(authenticator.secret, new Date(Date.now() + stepsAhead * 30_000));
}

/** Six digits that are none of the codes the server would accept around now. */
export function wrongCode(authenticator: Authenticator): string {
  const near = [-1, 0, 1, 2].map((steps) => freshCode(authenticator, steps));
  return ["000000", "111111", "222222", "333333", "444444"].find((code) => !near.includes(code)) as string;
}

/** Reads the key and recovery codes shown by a set-up (account page or sign-in), as a person copies them. */
export async function readSetUp(page: Page): Promise<Authenticator> {
  await expect(page.getByRole("img", { name: "QR code of the key for your authenticator app" }).locator("svg")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allInnerTexts();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(recoveryCodes).toHaveLength(10);
  return { secret, recoveryCodes };
}

/** Sets up an authenticator on the person's own two-factor page. `page` is signed in as them. */
export async function setUpAuthenticator(page: Page, person: Pick<Person, "password">): Promise<Authenticator> {
  await page.goto("/account/two-factor");
  const authenticator = await readSetUp(page);
  const form = page.getByRole("region", { name: "Set up an authenticator" });
  await form.getByLabel("Code from the app").fill(totpCode(authenticator.secret, new Date()));
  await form.getByLabel("Your password").fill(person.password);
  await form.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Two-factor sign-in is on");
  return authenticator;
}

/** The sign-in form's password step, for an account that is then asked for a code. */
export async function passwordStep(page: Page, person: Pick<Person, "email" | "password">): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(person.email);
  await page.getByLabel("Password", { exact: true }).fill(person.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Types a code into the sign-in form's second step and submits it. */
export async function submitCode(page: Page, code: string): Promise<void> {
  const verify = page.getByRole("button", { name: "Verify", exact: true });
  await expect(verify).toBeEnabled();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await verify.click();
}
