import type { Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { expect, test } from "./fixtures";
import { accountPath, demoAccount } from "./support/accounts";

/** Signs out with the header's button and checks that the app is closed to this browser afterwards. */
async function signOutAndCheck(page: Page): Promise<void> {
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

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
    const page = await pageAs(role);
    await page.goto("/");
    await expect(page.getByTestId("signed-in-user")).toContainText(demoAccount(role).name);
    await signOutAndCheck(page);
  });
}

test("admin signs out from the accounts list", async ({ adminPage }) => {
  await adminPage.goto("/admin/accounts");
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText("Accounts");
  await signOutAndCheck(adminPage);
});

test("admin signs out from an account's page", async ({ adminPage }) => {
  await adminPage.goto("/admin/accounts");
  const path = await accountPath(adminPage, demoAccount("manager").name);
  await adminPage.goto(path);
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(demoAccount("manager").name);
  await signOutAndCheck(adminPage);
  await adminPage.goto(path);
  await expect(adminPage).toHaveURL(`/login?callbackUrl=${encodeURIComponent(path)}`);
});
