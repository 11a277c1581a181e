import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, uniqueWord } from "./support/cases";

const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * An SNHR-style workbook with Arabic headers: a notes sheet first, then the incidents, whose deaths
 * column has a header nobody guesses, whose belligerent is written as the other monitor writes it,
 * and one of whose rows names a governorate that does not exist.
 */
async function workbook(code: string, updated = false): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet("ملاحظات").addRows([["أعدّه فريق الرصد"], ["حزيران 2017"]]);
  const sheet = book.addWorksheet("الحوادث");
  // The last header is this test's own, so only the template saved here fits this shape.
  sheet.addRow(["الرمز", "التاريخ", "البلد", "المحافظة", "الطرف", "نوع الهجوم", "حصيلة الضحايا المدنيين", "العنوان", `ملاحظات ${code}`]);
  sheet.addRow([`${code}-1`, "14/06/2017", "Syria", "الرقة", "قوات الحلفاء الغربيين", "غارة جوية", "5-7", "غارة على مبنى سكني في حي البدو"]);
  // The updated export counts one more death in its second incident, and adds a fourth.
  sheet.addRow([`${code}-2`, "20/06/2017", "Syria", "الرقة", "قوات الحلفاء الغربيين", "غارة جوية", updated ? "4" : "3", "قصف قرب المدرسة"]);
  sheet.addRow([`${code}-3`, "21/06/2017", "Syria", "أتلانتس", "قوات الحلفاء الغربيين", "غارة جوية", "2", "غارة على سوق"]);
  if (updated) sheet.addRow([`${code}-4`, "25/06/2017", "Syria", "الرقة", "قوات الحلفاء الغربيين", "غارة جوية", "4", "غارة على مخبز"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<string> {
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name, mimeType: xlsx, buffer });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("import-status")).toHaveText("Not committed");
  return page.url();
}

async function commitAndWait(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  // The job runs on the server; the page follows it until it ends, whatever the back end.
  await expect(page.getByTestId("import-status")).toHaveText("Committed", { timeout: 30_000 });
}

test("a reviewer imports a workbook: picks the sheet, fixes the mapping and a value, sees the problems, commits, re-imports and undoes", async ({ reviewerPage: page }) => {
  test.setTimeout(120_000);
  const code = `SN${uniqueWord()}`;
  const name = `raqqa-${code}.xlsx`;
  await upload(page, name, await workbook(code));

  // The notes sheet comes first and maps to nothing: every row would be a problem.
  await page.getByRole("combobox", { name: "Sheet", exact: true }).selectOption("الحوادث");
  await page.getByRole("button", { name: "Check again" }).click();
  const mapping = page.getByTestId("mapping-table");
  await expect(mapping.getByLabel("الرمز")).toHaveValue("externalCode");
  await expect(mapping.getByLabel("المحافظة")).toHaveValue("governorate");
  await expect(mapping.getByLabel("حصيلة الضحايا المدنيين")).toHaveValue("");
  await mapping.getByLabel("حصيلة الضحايا المدنيين").selectOption({ label: "Civilians killed (a number or a range)" });
  await page.getByRole("button", { name: "Check again" }).click();

  // The belligerent as the file writes it is not one of ours: a problem on every row until mapped, never added.
  await expect(page.getByTestId("problems")).toContainText("“قوات الحلفاء الغربيين” is not one of this list's values.");
  await page.getByTestId("value-maps").getByLabel(/قوات الحلفاء الغربيين/).selectOption("coalition");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("preview-counts")).toHaveText("3 rows: 2 to file, 0 to update, 0 unchanged (already imported), 1 with problems, 0 left out by you.");
  await expect(page.getByTestId("problem")).toHaveCount(1);
  await expect(page.getByTestId("problem")).toContainText("“أتلانتس” is not a place we know.");
  await expect(page.getByTestId("first-rows")).toContainText("2017-06-14");

  // A reload keeps the reading: it lives in the page's address.
  await page.reload();
  await expect(page.getByTestId("preview-counts")).toContainText("2 to file");

  const [errors] = await Promise.all([page.waitForEvent("download"), page.getByTestId("error-file").click()]);
  const errorCsv = readFileSync(await errors.path(), "utf8");
  expect(errorCsv).toContain(`${code}-3`);
  expect(errorCsv).toContain("is not a place we know");
  expect(errorCsv).not.toContain(`${code}-1`);

  const template = page.getByRole("form", { name: "Save this mapping as a template" });
  await template.getByLabel("Template name").fill(`SNHR workbook ${code}`);
  await template.getByRole("button", { name: "Save template" }).click();
  await expect(template.getByRole("status")).toHaveText("Template saved (version 1).");

  await commitAndWait(page, "Import 2 rows");
  await expect(page.getByTestId("import-outcome")).toHaveText("2 allegations filed, 0 updated, 0 skipped (unchanged or left out by you); 1 row with problems left out.");
  const filed = page.getByTestId("filed-cases").getByRole("link");
  await expect(filed).toHaveCount(2);
  await filed.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("غارة على مبنى سكني في حي البدو");
  await expect(page.getByTestId("case-trail")).toContainText(`imported from ${name}, row 2`);

  // The updated workbook: the template reads it unasked; the changed row updates its allegation, the unchanged one is left, the new one is filed.
  await upload(page, name, await workbook(code, true));
  await page.getByRole("combobox", { name: "Sheet", exact: true }).selectOption("الحوادث");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("template-used")).toHaveText(`Read with the saved template “SNHR workbook ${code}”.`);
  await expect(page.getByTestId("preview-counts")).toHaveText("4 rows: 1 to file, 1 to update, 1 unchanged (already imported), 1 with problems, 0 left out by you.");
  await commitAndWait(page, "Import 2 rows");
  await expect(page.getByTestId("import-outcome")).toHaveText("1 allegation filed, 1 updated, 1 skipped (unchanged or left out by you); 1 row with problems left out.");

  // Undone: what it filed is withdrawn, with the reason.
  await page.getByText("Undo this import").click();
  await page.getByLabel("Why it is undone").fill("Imported into the wrong register");
  await page.getByRole("button", { name: "Withdraw what it filed" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Undone");

  await page.goto("/imports");
  const rows = page.getByTestId("import-row").filter({ hasText: name });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Undone");
  await expect(rows.last()).toContainText("Committed");
});

test("a row that looks like an allegation filed by hand is shown with it, and left out when the reviewer ticks it", async ({ staffPage, reviewerPage: page }) => {
  test.setTimeout(90_000);
  const title = `Filed by hand ${uniqueWord()}`;
  await fileHaratAlBadu(staffPage, { title });
  const code = `LA${uniqueWord()}`;
  const csv = [
    "Code,Date,Country,Governorate,Belligerent,Strike type,Civilians killed (min),Civilians killed (max),Title",
    `${code}-1,26/09/2017,Syria,Ar-Raqqa,Coalition,Airstrike,3,4,Strike near Harat al-Badu`,
    `${code}-2,03/02/2015,Syria,Ar-Raqqa,Coalition,Airstrike,1,1,Strike ${code}`,
  ].join("\n");
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);

  const lookalikes = page.getByTestId("lookalikes");
  await expect(lookalikes).toContainText("Row 2 looks like");
  await expect(page.getByTestId("lookalike")).toHaveCount(1);
  await lookalikes.getByLabel("Leave out row 2").check();
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("preview-counts")).toHaveText("2 rows: 1 to file, 0 to update, 0 unchanged (already imported), 0 with problems, 1 left out by you.");
  await expect(lookalikes.getByLabel("Leave out row 2")).toBeChecked();

  await commitAndWait(page, "Import 1 row");
  await expect(page.getByTestId("import-outcome")).toHaveText("1 allegation filed, 0 updated, 1 skipped (unchanged or left out by you); 0 rows with problems left out.");
  await expect(page.getByTestId("filed-cases")).toContainText(`Strike ${code}`);
  await expect(page.getByTestId("filed-cases")).not.toContainText("Strike near Harat al-Badu");
});

test("a reviewer files a look-alike as the duplicate of the allegation it repeats, with the victims and source its row names", async ({ staffPage, reviewerPage: page }) => {
  test.setTimeout(90_000);
  // A day no other test files a case on, so the hand-filed allegation is the row's only look-alike.
  const original = await fileHaratAlBadu(staffPage, { title: `Filed by hand ${uniqueWord()}`, date: "2012-02-27" });
  const code = `DP${uniqueWord()}`;
  const csv = [
    "Code,Date,Country,Governorate,Belligerent,Strike type,Civilians killed,Title,Victim names,Victim ages,Sources,Source type",
    `${code}-1,29/02/2012,Syria,Ar-Raqqa,Coalition,Airstrike,2,Strike ${code} in Harat al-Badu,"Omar Saleh; Huda Saleh",61; 8,https://example.org/${code},Media`,
  ].join("\n");
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);

  // The victims need an outcome the file does not give: a problem on the row until it is said once for the file.
  await expect(page.getByTestId("problems")).toContainText("The victims this row names need an outcome");
  await page.getByLabel("Victims whose row does not say were").selectOption("killed");
  await page.getByRole("button", { name: "Check again" }).click();
  // Valid now, the row is shown with the allegation it looks like.
  await expect(page.getByTestId("lookalike")).toContainText(original.reference);
  await page.getByRole("radio", { name: `File as a duplicate of ${original.reference}` }).check();
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("row-items-to-file")).toHaveText("From the rows themselves: 2 victims and 1 source would be filed with the new allegations.");
  await expect(page.getByTestId("duplicates-to-link")).toHaveText("1 new allegation would be filed as duplicates of allegations already here.");
  await expect(page.getByRole("radio", { name: `File as a duplicate of ${original.reference}` })).toBeChecked();

  await commitAndWait(page, "Import 1 row");
  await page.getByTestId("filed-cases").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Strike ${code} in Harat al-Badu`);
  await expect(page.getByText("Omar Saleh", { exact: true })).toBeVisible();
  await expect(page.getByText("Huda Saleh", { exact: true })).toBeVisible();
  await expect(page.getByTestId("case-trail")).toContainText(`imported from ${code}.csv, row 2`);
  await expect(page.getByTestId("duplicate-of")).toContainText(original.reference);
  await expect(page.getByTestId("stage-bar").locator('[aria-current="step"]')).toContainText("Closed");
});

test("a reviewer imports a CSV whose victims are in a second file: uploads both, joins them, and the victims are filed with their allegation", async ({ reviewerPage: page }) => {
  test.setTimeout(90_000);
  const code = `VF${uniqueWord()}`;
  const csv = ["Code,Date,Governorate,Belligerent,Strike type,Civilians killed,Title", `${code}-1,14/06/2017,Ar-Raqqa,Coalition,Airstrike,2,Strike ${code} on the old city`].join("\n");
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);

  const victims = ["Incident code,Name,Age,Outcome", `${code}-1,Omar Saleh,61,Killed`, `${code}-1,Huda Saleh,8,Killed`].join("\n");
  await page.getByLabel("Victims file", { exact: true }).setInputFiles({ name: `${code}-victims.csv`, mimeType: "text/csv", buffer: Buffer.from(victims) });
  await page.getByRole("button", { name: "Upload the victims file" }).click();
  await expect(page.getByTestId("victims-file-kept")).toHaveText(`Victims file: ${code}-victims.csv.`);
  await page.getByTestId("victims-sheet").getByLabel("Sheet of victims").selectOption({ label: `${code}-victims.csv` });
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("victims-mapping-table").getByLabel("Incident code")).toHaveValue("victimKey");
  await expect(page.getByTestId("victims-to-file")).toHaveText(`2 victims from “${code}-victims.csv” would be filed with the new allegations.`);

  await commitAndWait(page, "Import 1 row");
  await page.getByTestId("filed-cases").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Strike ${code} on the old city`);
  await expect(page.getByText("Omar Saleh", { exact: true })).toBeVisible();
  await expect(page.getByText("Huda Saleh", { exact: true })).toBeVisible();
  await expect(page.getByTestId("case-trail")).toContainText(`imported from ${code}-victims.csv, row 2`);
});

test("a large file is checked on the server with a progress bar, and its preview shown when done, for each reading", async ({ reviewerPage: page }) => {
  test.setTimeout(120_000);
  const code = `LG${uniqueWord()}`;
  // Over the 2 MB previewed in the request: 4,000 rows with long summaries.
  const summary = "Residents reported a strike on a residential street; ".repeat(9);
  const csv = ["Code,Date,Governorate,Belligerent,Strike type,Civilians killed,Summary", ...Array.from({ length: 4_000 }, (_, i) => `${code}-${i},14/06/2017,Ar-Raqqa,Coalition,Airstrike,1,"${summary}"`)].join("\n");
  expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);
  await page.goto("/imports");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: `${code}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("preview-progress")).toBeVisible();
  await expect(page.getByTestId("preview-counts")).toHaveText("4,000 rows: 4,000 to file, 0 to update, 0 unchanged (already imported), 0 with problems, 0 left out by you.", { timeout: 60_000 });

  // Another reading is checked again, and a reload while it runs shows the same job.
  await page.getByLabel("Dates written as").selectOption("mdy");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("preview-progress")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("preview-counts")).toContainText("4,000 rows: 0 to file", { timeout: 60_000 });
  await expect(page.getByTestId("problems")).toContainText("Enter a real date");
  await page.getByRole("button", { name: "Put this file aside" }).click();
  await expect(page.getByTestId("import-status")).toHaveText("Cancelled");
});

test("staff reach neither the import page nor its upload", async ({ staffPage: page, requestAs, baseURL }) => {
  const response = await page.goto("/imports");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Imports" })).toHaveCount(0);
  const staff = await requestAs("staff");
  const refused = await staff.post("/api/imports", {
    headers: { "content-type": "text/csv", "x-file-name": "x.csv", origin: new URL(baseURL as string).origin },
    data: "Title,Date\nA,2017-01-01\n",
  });
  expect(refused.status()).toBe(403);
});

test("a reviewer imports a workbook with a victims sheet and a graded incident: the victims join their incidents, the grading takes it to assessment", async ({ reviewerPage: page }) => {
  test.setTimeout(90_000);
  const code = `VS${uniqueWord()}`;
  const book = new ExcelJS.Workbook();
  book.addWorksheet("الحوادث").addRows([
    ["الرمز", "التاريخ", "المحافظة", "الطرف", "الوسيلة", "القتلى", "العنوان", "المرحلة", "التصنيف"],
    [`${code}-1`, "14/06/2017", "الرقة", "التحالف الدولي", "غارة جوية", "2", `غارة ${code} على المدينة القديمة`, "التقييم", "معقول"],
    [`${code}-2`, "15/06/2017", "الرقة", "التحالف الدولي", "غارة جوية", "1", `غارة ${code} على المشلب`, "", ""],
  ]);
  book.addWorksheet("الضحايا").addRows([
    ["رمز الحادثة", "الاسم", "الجنس", "العمر", "المصير"],
    [`${code}-1`, "محمد الأحمد", "ذكر", "34", "قتيل"],
    [`${code}-1`, "فاطمة الأحمد", "أنثى", "9", "قتيل"],
    [`${code}-2`, "", "ذكر", "40", "قتيل"],
  ]);
  await upload(page, `${code}.xlsx`, Buffer.from(await book.xlsx.writeBuffer()));

  const victimsSheet = page.getByTestId("victims-sheet");
  await victimsSheet.getByLabel("Sheet of victims").selectOption("الضحايا");
  await page.getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("victims-mapping-table").getByLabel("رمز الحادثة")).toHaveValue("victimKey");
  await expect(page.getByTestId("victims-to-file")).toHaveText("2 victims from “الضحايا” would be filed with the new allegations.");
  await expect(page.getByTestId("problems")).toContainText("الضحايا, row 4");
  await expect(page.getByTestId("problems")).toContainText("Its victims on “الضحايا” have problems (rows 4)");
  await expect(page.getByTestId("first-rows")).toContainText("Assessment · Fair");

  await commitAndWait(page, "Import 1 row");
  await page.getByTestId("filed-cases").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`غارة ${code} على المدينة القديمة`);
  await expect(page.getByText("محمد الأحمد", { exact: true })).toBeVisible();
  await expect(page.getByText("فاطمة الأحمد", { exact: true })).toBeVisible();
  await expect(page.getByTestId("case-trail")).toContainText(`imported from ${code}.xlsx, sheet الضحايا, row 2`);
});
