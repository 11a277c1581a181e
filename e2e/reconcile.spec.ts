import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueWord } from "./support/cases";

/** Our allegations, brought in by the import page: one sent to the coalition and awaiting its answer, one only assessed. */
async function importOurs(page: Page, code: string) {
  const csv = [
    "Code,Date,Governorate,Belligerent,Strike type,Civilians killed,Title,Stage,Grading,Sent on",
    `${code}-1,10/03/2014,Al-Hasakeh,Coalition,Airstrike,4,Strike ${code} on a market,Belligerent response,Fair,01/04/2014`,
    `${code}-2,20/03/2014,Al-Hasakeh,Coalition,Airstrike,2,Strike ${code} on a farm,Assessment,Weak,`,
  ].join("\n");
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Committed", { timeout: 30_000 });
}

test("a reviewer reconciles the coalition's table: sees the proposals with their evidence, confirms one, and the unmatched rows stand apart", async ({ reviewerPage: page, staffPage }) => {
  test.setTimeout(90_000);
  const code = `RC${uniqueWord()}`;
  await importOurs(page, code);
  const release = [
    // Their answer under a header nobody guesses: mapped by hand on the table's page.
    "Case number,Date,Province,Location,Verdict,Deaths conceded",
    `${code}-C1,11/03/2014,Al-Hasakeh,Market,Credible,2`,
    `${code}-C2,15/08/2014,Al-Hasakeh,Farm,Credible,1`,
    `${code}-C3,31/02/2014,Al-Hasakeh,,Credible,1`,
  ].join("\n");

  await page.goto("/imports");
  await page.getByRole("link", { name: "Reconcile a belligerent's published table" }).click();
  const form = page.getByRole("form", { name: "Bring in a table" });
  await form.getByRole("button", { name: "Read and propose matches" }).click();
  await expect(form.getByText("This field is required.").first()).toBeVisible();
  await form.getByLabel("Their table (CSV or Excel workbook)").setInputFiles({ name: `${code}-release.csv`, mimeType: "text/csv", buffer: Buffer.from(release) });
  await form.getByLabel("Date of the release").fill("2014-09-30");
  await form.getByRole("button", { name: "Read and propose matches" }).click();
  await expect(page).toHaveURL(/\/imports\/reconciliations\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("reconcile-counts")).toHaveText("0 rows to decide, 0 confirmed, 0 unmatched, 3 rows left out.");
  await page.getByTestId("their-reading").locator("summary").click();
  await page.getByTestId("their-mapping").getByLabel("Verdict").selectOption("answer");
  await page.getByRole("button", { name: "Read the table again" }).click();
  await expect(page.getByTestId("reconcile-counts")).toHaveText("1 row to decide, 0 confirmed, 1 unmatched, 1 row left out.");
  await expect(page.getByTestId("reconcile-problems")).toContainText("Row 4 (Date)");

  const row = page.getByRole("article", { name: "Row 2" });
  await expect(row.getByTestId("proposal")).toHaveCount(1);
  await expect(row.getByTestId("proposal")).toContainText(`Strike ${code} on a market`);
  await expect(row.getByTestId("proposal")).toContainText("1 day apart · same governorate");
  await expect(page.getByTestId("unmatched")).toContainText(`${code}-C2`);
  await row.getByRole("button", { name: /record their answer/ }).click();
  await expect(page.getByTestId("reconcile-counts")).toHaveText("0 rows to decide, 1 confirmed, 1 unmatched, 1 row left out.");
  // A decided table is read as it stands.
  await expect(page.getByTestId("their-reading")).toHaveCount(0);

  await page.getByTestId("confirmed").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Strike ${code} on a market`);
  await expect(page.getByTestId("case-trail")).toContainText(`from the belligerent's table ${code}-release.csv, row 2`);

  // Staff record no answers: the page is not theirs.
  const refused = await staffPage.goto("/imports/reconciliations");
  expect(refused?.status()).toBe(403);
});
