import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { replayServerAction } from "./support/server-actions";
import { addForm, fileHaratAlBadu, tinyPng, uniqueWord, uploadEvidence } from "./support/cases";

test("staff files the Harat al-Badu case with named victims and sources, finds it and reads its trail", async ({ staffPage: page }) => {
  test.setTimeout(120_000);
  const word = uniqueWord();
  const { id, reference } = await fileHaratAlBadu(page, { title: `Airstrike on a five-storey building in Harat al-Badu ${word}` });

  const victims = [
    { ar: "أحمد الحسن", latin: "Ahmad al-Hassan", age: "34" },
    { ar: "فاطمة الأحمد", latin: "Fatima al-Ahmad", age: "9" },
    { ar: "سلمى العلي", latin: "", age: "" },
  ];
  for (const v of victims) {
    const form = addForm(page, "Add victim");
    await form.getByLabel("Name in Arabic").fill(v.ar);
    await form.getByLabel("Name in Latin script").fill(v.latin);
    await form.getByLabel("Age", { exact: true }).fill(v.age);
    await form.getByRole("button", { name: "Add victim" }).click();
    await expect(page.getByTestId("victim-item").filter({ hasText: v.ar })).toHaveCount(1);
  }
  for (const s of [
    { type: "ngo_report", publisher: "Amnesty International", url: "https://example.org/raqqa-war-of-annihilation" },
    { type: "witness_testimony", publisher: "", url: "" },
  ]) {
    const form = addForm(page, "Add source");
    await form.getByLabel("Type").selectOption(s.type);
    await form.getByLabel("Publisher").fill(s.publisher);
    await form.getByLabel("Web address").fill(s.url);
    await form.getByRole("button", { name: "Add source" }).click();
  }
  await expect(page.getByTestId("source-item")).toHaveCount(2);

  // A photo of the site; the SHA-256 shown is the one of the bytes sent.
  await uploadEvidence(page, { name: "harat-al-badu.png", mimeType: "image/png", buffer: tinyPng });
  const sha256 = createHash("sha256").update(tinyPng).digest("hex");
  await expect(page.getByTestId("evidence-item").filter({ hasText: "harat-al-badu.png" }).getByTestId("evidence-sha256")).toHaveText(sha256);
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download harat-al-badu.png" }).click()]);
  expect(createHash("sha256").update(readFileSync(await file.path())).digest("hex")).toBe(sha256);

  // Found by a word of its title, by a victim's name typed with other letter forms, and by filters.
  await page.goto(`/cases?q=${word}`);
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await page.goto(`/cases?q=${encodeURIComponent(`فاطمه ${word}`)}`);
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await page.goto("/cases");
  await page.getByLabel("Search", { exact: true }).fill(word);
  await page.getByLabel("Governorate", { exact: true }).selectOption("SY11");
  await page.getByLabel("Incident period: From").fill("2017-09-01");
  await page.getByLabel("Incident period: To").fill("2017-09-30");
  await page.getByLabel("Alleged belligerent(s)").selectOption("coalition");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/governorate=SY11/);
  await expect(page.getByTestId("case-row")).toHaveCount(1);
  await page.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(`/cases/${id}`);

  const trail = page.getByTestId("case-trail");
  await expect(trail.getByText("Amal Haddad filed the allegation")).toHaveCount(1);
  await expect(trail.getByText("Amal Haddad added a victim")).toHaveCount(3);
  await expect(trail.getByText("Amal Haddad added a source")).toHaveCount(2);
  await expect(trail.getByText("Name in Arabic: فاطمة الأحمد")).toHaveCount(1);
  await expect(trail.getByText("Amal Haddad added an evidence file")).toHaveCount(1);
  // Who has held a copy is part of the chain of custody.
  await expect(trail.getByText("Amal Haddad downloaded harat-al-badu.png")).toHaveCount(1);
});

test("an oversized or disguised upload is refused with a message, and nothing is added", async ({ staffPage: page }) => {
  await fileHaratAlBadu(page, { title: `Uploads ${uniqueWord()}` });
  const disguised = await uploadEvidence(page, { name: "photo.jpg", mimeType: "image/jpeg", buffer: tinyPng });
  await expect(disguised).toContainText("but its content is that of a");
  // The end-to-end servers allow 5 MB (EVIDENCE_MAX_BYTES in playwright.config.ts).
  const oversized = await uploadEvidence(page, { name: "video.mp4", mimeType: "video/mp4", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 1) });
  await expect(oversized).toContainText("Nothing was saved.");
  await page.reload();
  await expect(page.getByTestId("evidence-item")).toHaveCount(0);
});

test("a reviewer's edit is saved and the staff member's stale edit is refused with who changed it", async ({ staffPage, reviewerPage }) => {
  const { id } = await fileHaratAlBadu(staffPage, { title: `Stale edit ${uniqueWord()}` });
  await staffPage.goto(`/cases/${id}/edit`);

  await reviewerPage.goto(`/cases/${id}/edit`);
  await reviewerPage.getByLabel("Killed, maximum", { exact: true }).fill("35");
  await reviewerPage.getByLabel("Reason for the change").fill("A later count by local sources");
  await reviewerPage.getByRole("button", { name: "Save changes" }).click();
  await expect(reviewerPage).toHaveURL(`/cases/${id}`);
  await expect(reviewerPage.getByTestId("harm-table")).toContainText("32–35");
  await expect(reviewerPage.getByTestId("case-trail")).toContainText("Killed, maximum: from 32 to 35");
  await expect(reviewerPage.getByTestId("case-trail")).toContainText("Reason: A later count by local sources");

  await staffPage.getByLabel("Killed, maximum", { exact: true }).fill("40");
  await staffPage.getByRole("button", { name: "Save changes" }).click();
  await expect(staffPage.getByTestId("stale-message")).toContainText("Karim Saleh saved this allegation");
  await expect(staffPage.getByLabel("Killed, maximum", { exact: true })).toHaveValue("40");
  await staffPage.goto(`/cases/${id}`);
  await expect(staffPage.getByTestId("harm-table")).toContainText("32–35");
});

test("bad input is shown beside each field with what was typed kept", async ({ staffPage: page }) => {
  await page.goto("/cases/new");
  await page.getByLabel("Title", { exact: true }).fill("Incomplete filing");
  await page.getByLabel("Killed, minimum", { exact: true }).fill("40");
  await page.getByLabel("Killed, maximum", { exact: true }).fill("32");
  await page.getByLabel("Latitude").fill("95");
  await page.getByRole("button", { name: "File allegation" }).click();
  await expect(page.getByText("Some fields need attention.")).toBeVisible();
  const errorOf = (label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((el) => {
      const ids = el.getAttribute("aria-describedby")?.split(" ") ?? [];
      return ids.map((i) => document.getElementById(i)?.textContent ?? "").join(" ");
    });
  expect(await errorOf("Killed, maximum")).toContain("The maximum is below the minimum.");
  expect(await errorOf("Latitude")).toContain("This is out of range.");
  expect(await errorOf("Incident date (or first day)")).toContain("Enter a real date");
  await expect(page.getByText("Choose at least one.")).toHaveCount(2);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Incomplete filing");
  await expect(page).toHaveURL("/cases/new");
});

test("staff cannot edit another person's case, in the interface or by posting the action", async ({
  staffPage,
  accounts,
  pageAs,
  baseURL,
}) => {
  const { id } = await fileHaratAlBadu(staffPage, { title: `Owned by Amal ${uniqueWord()}` });
  const colleague = await accounts.create("staff");
  const theirPage = await pageAs(null);
  await theirPage.goto(`/cases/${id}`);
  await theirPage.getByLabel("Email").fill(colleague.email);
  await theirPage.getByLabel("Password").fill(colleague.password);
  await theirPage.getByRole("button", { name: "Sign in" }).click();
  await expect(theirPage).toHaveURL(`/cases/${id}`);
  await expect(theirPage.getByRole("link", { name: "Edit" })).toHaveCount(0);
  expect((await theirPage.goto(`/cases/${id}/edit`))?.status()).toBe(403);

  // The owner's real save request, captured, then replayed with the colleague's session.
  await staffPage.goto(`/cases/${id}/edit`);
  await staffPage.getByLabel("Title", { exact: true }).fill("Renamed by someone else");
  // Only the save is held back: the form also asks the server for possible duplicates as it is filled.
  const isSave = (r: { method(): string; headers(): Record<string, string>; postData(): string | null }) =>
    r.method() === "POST" && "next-action" in r.headers() && (r.postData() ?? "").includes("Renamed by someone else");
  await staffPage.route(`**/cases/${id}/edit`, (route) => (isSave(route.request()) ? route.abort() : route.fallback()));
  const [action] = await Promise.all([
    staffPage.waitForRequest(isSave),
    staffPage.getByRole("button", { name: "Save changes" }).click(),
  ]);
  const replay = await replayServerAction(theirPage.request, action, baseURL);
  expect(await replay.text()).toContain('"error":"forbidden"');
  await theirPage.goto(`/cases/${id}`);
  await expect(theirPage.getByRole("heading", { level: 1 })).not.toHaveText("Renamed by someone else");
  await expect(theirPage.getByRole("heading", { level: 1 })).toContainText("Owned by Amal");
});
