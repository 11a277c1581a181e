import { expect, type Locator, type Page } from "@playwright/test";

/** Opens a lifecycle panel of the case page ("panel-assess", "panel-send", …) and returns it. */
export async function openPanel(page: Page, testId: string): Promise<Locator> {
  const panel = page.getByTestId(testId);
  if ((await panel.getAttribute("open")) === null) await panel.locator("summary").click();
  return panel;
}

/** The stage the stage bar marks as current. */
export function currentStage(page: Page): Locator {
  return page.getByTestId("stage-bar").locator('[aria-current="step"]');
}

export async function expectStage(page: Page, stage: string): Promise<void> {
  await expect(currentStage(page)).toHaveText(new RegExp(`${stage}$`));
}

/** Creates an API token on the account page of the signed-in person and returns it (shown once). */
export async function createApiToken(page: Page, name: string): Promise<string> {
  await page.goto("/account");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toHaveValue(/^cht_/);
  return shown.inputValue();
}
