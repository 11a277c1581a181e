import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { submitSignIn } from "./support/accounts";

const THROTTLED = "Too many failed attempts. Sign-in is paused for 15 minutes; try again later.";
const signInError = (page: Page) => page.getByRole("main").getByRole("alert");

/**
 * The per-address throttle is kept on the address the connection came from (no proxy is trusted
 * here), so this pauses every sign-in from 127.0.0.1 on this server for 15 minutes: it runs in a
 * project of its own after every other test of the back end (playwright.config.ts). A server kept
 * running between local runs (reuseExistingServer) refuses sign-ins until the pause is over.
 */
test("a forged X-Forwarded-For neither escapes the per-address throttle nor changes the address in the trail", async ({
  accounts,
  managerPage,
  pageAs,
}) => {
  test.slow();
  const person = await accounts.create("staff");
  const forged = (n: number) => `203.0.113.${n}`;

  // Password spraying: a different account and a different claimed address for each attempt.
  const sprayer = await pageAs(null);
  const { csrfToken } = await (await sprayer.request.get("/api/auth/csrf")).json();
  for (let n = 1; n <= 50; n++) {
    const attempt = await sprayer.request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: `sprayed-${n}-${person.email}`, password: "Summer2017!" },
      headers: { "X-Forwarded-For": forged(n), "X-Real-IP": forged(n) },
      maxRedirects: 0,
    });
    expect(attempt.headers().location ?? "", `attempt ${n}`).toMatch(/error=CredentialsSignin/);
  }

  // The 51st, with the right password and yet another claimed address, is paused like the rest.
  const page = await pageAs(null);
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": forged(51) });
  await page.goto("/login");
  await submitSignIn(page, person.email, person.password);
  await expect(signInError(page)).toHaveText(THROTTLED);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);

  // The trail names the real address, never a claimed one.
  await managerPage.goto("/audit?action=auth.sign_in_refused");
  const rows = managerPage.getByTestId("audit-row");
  await expect(rows.first()).toContainText(person.email);
  await expect(rows.first()).toContainText("auth.sign_in_refused");
  await expect(rows.first()).toContainText("127.0.0.1");
  await expect(managerPage.getByRole("table")).not.toContainText("203.0.113.");
});
