import { DEMO_PASSWORD, demoAccounts } from "@/db/seed/demo-accounts";
import { authFile, expect, test as setup } from "./fixtures";
import { roleLabels, submitSignIn } from "./support/accounts";

// Each role signs in once, through the real sign-in form; the tests start from these sessions.
for (const account of demoAccounts) {
  setup(`sign in as ${account.role}`, async ({ page, backend }) => {
    await page.goto("/login");
    await submitSignIn(page, account.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await expect(page.getByTestId("signed-in-user")).toContainText(account.name);
    await expect(page.getByTestId("signed-in-role")).toHaveText(roleLabels[account.role]);
    await page.context().storageState({ path: authFile(backend, account.role) });
  });
}
