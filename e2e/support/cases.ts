import { expect, type Locator, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";

/** A word no other test or demo record contains, to find one test's case among all. */
export function uniqueWord(): string {
  return `zx${randomBytes(4).toString("hex")}`;
}

export type CaseDraft = { title: string; killedMin?: string; killedMax?: string; childrenKilled?: string; date?: string };

/** Files the Harat al-Badu case (25 September 2017 unless another date is given, Raqqa city, an airstrike on a residential building) through the form. */
export async function fileHaratAlBadu(page: Page, draft: CaseDraft): Promise<{ id: string; reference: string }> {
  await page.goto("/cases/new");
  const field = (label: string) => page.getByLabel(label, { exact: true });
  await field("Title").fill(draft.title);
  await field("Incident date (or first day)").fill(draft.date ?? "2017-09-25");
  await field("Country").selectOption("SY");
  await field("Governorate").selectOption("SY11");
  await field("Locality (English)").fill("Raqqa city");
  await field("Locality (Arabic)").fill("مدينة الرقة");
  await field("Neighbourhood (English)").fill("Harat al-Badu");
  await field("Neighbourhood (Arabic)").fill("حارة البدو");
  await page.getByRole("checkbox", { name: "US-led coalition (as a whole)" }).check();
  await page.getByRole("checkbox", { name: "Airstrike" }).check();
  await field("Killed, minimum").fill(draft.killedMin ?? "32");
  await field("Killed, maximum").fill(draft.killedMax ?? "32");
  await field("Children killed, minimum").fill(draft.childrenKilled ?? "20");
  await field("Children killed, maximum").fill(draft.childrenKilled ?? "20");
  await page.getByRole("checkbox", { name: "Residential building" }).check();
  await page.getByLabel("Narrative", { exact: true }).fill("An airstrike destroyed a five-storey building where displaced families sheltered.");
  await page.getByRole("button", { name: "File allegation" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const reference = (await page.getByTestId("case-reference").textContent()) ?? "";
  expect(reference).toMatch(new RegExp(`^ALG-${(draft.date ?? "2017").slice(0, 4)}-\\d{4,}$`));
  return { id: page.url().split("/").pop() ?? "", reference };
}

/** The add form of a case page's section ("Add victim", "Add source", "Add comment"). */
export function addForm(page: Page, name: string): Locator {
  return page.getByRole("form", { name, exact: true });
}

/** A real 1×1 PNG image, as a camera would not make it but any viewer opens it. */
export const tinyPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** Uploads one evidence file on the case page the `page` is on, and waits for the outcome. */
export async function uploadEvidence(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
  const form = page.getByTestId("evidence-upload");
  await form.getByLabel("File", { exact: true }).setInputFiles(file);
  await form.getByRole("button", { name: "Upload file" }).click();
  return form;
}
