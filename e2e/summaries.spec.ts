import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, uniqueWord } from "./support/cases";
import { createApiToken } from "./support/lifecycle";

type Row = Record<string, string>;

async function download(page: Page, audience: "Public" | "Internal", label: string): Promise<Download> {
  const group = page.getByTestId("summary-exports").getByRole("list").nth(audience === "Public" ? 0 : 1);
  const [file] = await Promise.all([page.waitForEvent("download"), group.getByRole("link", { name: label }).click()]);
  await expect(page.getByTestId("export-status")).toContainText(`${label} · ${audience}: the download has started.`);
  return file;
}

const csvRows = async (file: Download): Promise<Row[]> => parse(readFileSync(await file.path()), { columns: true, bom: true }) as Row[];

test("a manager filters the summaries to Raqqa in 2017, reads the figures and charts, and downloads every export", async ({ staffPage, managerPage: page }) => {
  test.setTimeout(120_000);
  // A Raqqa 2017 allegation with a victim whose identity is confidential.
  const { id } = await fileHaratAlBadu(staffPage, { title: `Summarised ${uniqueWord()}` });
  const confidentialName = `Withheld ${uniqueWord()}`;
  const staffToken = await createApiToken(staffPage, `Victims ${Date.now()}`);
  const added = await staffPage.request.post(`/api/v1/cases/${id}/victims`, {
    headers: { Authorization: `Bearer ${staffToken}` },
    data: { nameLatin: confidentialName, outcome: "killed", confidential: true },
  });
  expect(added.status()).toBe(201);

  await page.goto("/summaries");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accountability summaries");
  await page.getByLabel("Governorate", { exact: true }).selectOption({ label: "Ar-Raqqa" });
  await page.locator("#filter-from").fill("2017-01-01");
  await page.locator("#filter-to").fill("2017-12-31");
  await page.getByRole("button", { name: "Show figures" }).click();
  await expect(page).toHaveURL(/governorate=SY11/);
  await expect(page).toHaveURL(/from=2017-01-01&to=2017-12-31/);
  await expect(page.getByTestId("summary-filters-in-words")).toContainText("Governorate: Ar-Raqqa");

  // The figures are the API's for the same filters (the page and the API share one query).
  const query = new URL(page.url()).search;
  const token = await createApiToken(page, `Summary check ${Date.now()}`);
  await expect(async () => {
    await page.goto(`/summaries${query}`);
    const api = await page.request.get(`/api/v1/summary${query}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(200);
    const { figures } = await api.json();
    await expect(page.getByTestId("figure-cases").locator("dd").first()).toHaveText(String(figures.total.cases), { timeout: 1000 });
    const killed = figures.total.killedMin === figures.total.killedMax ? String(figures.total.killedMin) : `${figures.total.killedMin}–${figures.total.killedMax}`;
    await expect(page.getByTestId("figure-killed").locator("dd").first()).toHaveText(killed, { timeout: 1000 });
    expect(figures.total.cases).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });

  for (const chart of ["perYear", "funnel", "gapPerBelligerent"]) {
    const figure = page.getByTestId(`chart-${chart}`);
    await expect(figure.locator("svg").first()).toBeVisible();
    // The numbers behind the chart, for screen readers.
    await expect(figure.getByRole("table")).toHaveCount(1);
  }
  await expect(page.getByTestId("chart-perYear").getByRole("table").getByRole("rowheader")).toHaveText(["2017"]);
  await expect(page.getByTestId("table-byGovernorate").getByRole("rowheader")).toHaveText(["Ar-Raqqa"]);
  await expect(page.getByTestId("methodology")).toContainText("Acknowledgement gap: over the cases sent");

  const cases = await csvRows(await download(page, "Internal", "Cases (CSV)"));
  expect(cases.length).toBeGreaterThan(0);
  expect(cases.every((c) => c.governorate_pcode === "SY11" && c.incident_date_to >= "2017-01-01" && c.incident_date_from <= "2017-12-31")).toBe(true);

  const publicVictims = readFileSync(await (await download(page, "Public", "Victims (CSV)")).path(), "utf8");
  expect(publicVictims).not.toContain(confidentialName);
  const internalVictims = readFileSync(await (await download(page, "Internal", "Victims (CSV)")).path(), "utf8");
  expect(internalVictims).toContain(confidentialName);

  for (const label of ["Cases (CSV)", "Redress items (CSV)", "Sources (CSV)"]) {
    const rows = await csvRows(await download(page, "Public", label));
    expect(rows.length, label).toBeGreaterThanOrEqual(0);
  }
  const workbook = readFileSync(await (await download(page, "Public", "Workbook (XLSX)")).path());
  expect(workbook.subarray(0, 2).toString()).toBe("PK");
  const report = readFileSync(await (await download(page, "Public", "Report (PDF)")).path());
  expect(report.subarray(0, 5).toString()).toBe("%PDF-");
});

test("the summaries read right to left in Arabic, charts included", async ({ managerPage: page }) => {
  await page.goto("/summaries");
  await page.getByRole("button", { name: "Switch to Arabic" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ملخصات المساءلة");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const funnel = page.getByTestId("chart-funnel");
  await expect(funnel.locator("svg").first()).toContainText("التقييم");
  // Bars grow from the right: the stage labels sit on the right-hand side of the chart.
  const chartBox = await funnel.locator("svg").first().boundingBox();
  const labelBox = await funnel.locator("svg text", { hasText: "مغلقة" }).first().boundingBox();
  expect(chartBox && labelBox && labelBox.x > chartBox.x + chartBox.width / 2).toBe(true);
  await page.getByRole("button", { name: "التبديل إلى الإنجليزية" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accountability summaries");
});

test("reviewers reach neither the summaries nor their exports, through the app or the API", async ({ reviewerPage, requestAs }) => {
  expect((await reviewerPage.goto("/summaries"))?.status()).toBe(403);
  await expect(reviewerPage.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Summaries" })).toHaveCount(0);
  for (const role of ["reviewer", "staff", "admin"] as const) {
    const request = await requestAs(role);
    expect((await request.get("/summaries/export?kind=cases&audience=public")).status(), role).toBe(403);
  }
  const token = await createApiToken(reviewerPage, `Reviewer ${Date.now()}`);
  for (const path of ["/api/v1/summary", "/api/v1/summary/export?kind=report&audience=public"]) {
    const response = await reviewerPage.request.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status(), path).toBe(403);
  }
});
