import { demoAccounts } from "@/db/seed/demo-accounts";
import { expect, test } from "./fixtures";
import { roleLabels } from "./support/accounts";

// Each role's shared account signed in through the sign-in form once (auth.setup.ts); here each
// one sees its own header and navigation.
for (const account of demoAccounts) {
  test(`${account.role} sees their name, their role and their own navigation`, async ({ pageAs }) => {
    const page = await pageAs(account.role);
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${account.name}`);
    await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
    await expect(page.getByTestId("signed-in-role")).toHaveText(roleLabels[account.role]);

    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Home", exact: true })).toHaveAttribute("aria-current", "page");
    if (account.role === "admin") {
      await nav.getByRole("link", { name: "Accounts", exact: true }).click();
      await expect(page).toHaveURL("/admin/accounts");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accounts");
      await expect(nav.getByRole("link", { name: "Accounts", exact: true })).toHaveAttribute("aria-current", "page");
    } else {
      await expect(nav.getByRole("link", { name: "Accounts", exact: true })).toHaveCount(0);
      await expect(page.locator('a[href^="/admin"]'), "no way into the admin pages").toHaveCount(0);
    }
  });
}
