import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { uniqueWord } from "./support/cases";
import { createApiToken } from "./support/lifecycle";

// Each would run script or add an element if it reached the page as markup.
const payloads = [
  `<img src=x data-xss onerror="window.__xss=1">`,
  `<script data-xss>window.__xss=1</script>`,
  `"><svg data-xss onload="window.__xss=1">`,
  `'><iframe data-xss srcdoc="<script>parent.__xss=1</script>">`,
  `javascript:window.__xss=1`,
];
const payload = (i: number) => payloads[i % payloads.length];

/** The page shows the payloads as text: no dialog opened, no script ran, no element was injected. */
async function expectInert(page: Page, path: string, shown: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(dialogs, path).toEqual([]);
  expect(await page.evaluate(() => "__xss" in window), path).toBe(false);
  await expect(page.locator("[data-xss]"), path).toHaveCount(0);
  const text = await page.locator("body").innerText();
  for (const s of shown) expect(text, `${path} shows ${s}`).toContain(s);
}

test("script payloads stored in every free-text field are shown as text on every page that shows them", async ({ staffPage, reviewerPage, managerPage }) => {
  test.setTimeout(120_000);
  const word = uniqueWord();
  const staff = { Authorization: `Bearer ${await createApiToken(staffPage, `XSS staff ${word}`)}` };
  const reviewer = { Authorization: `Bearer ${await createApiToken(reviewerPage, `XSS reviewer ${word}`)}` };
  const api = staffPage.request;
  const ok = async <T = unknown>(response: Awaited<ReturnType<typeof api.post>>): Promise<T> => {
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as T;
  };
  type CaseJson = { id: string; reference: string; lifecycle: { responses: { id: string }[] } };

  const created = await ok<CaseJson>(
    await api.post("/api/v1/cases", {
      headers: staff,
      data: {
        title: `${word} ${payload(0)}`,
        externalCodes: [payload(1)],
        incidentDateFrom: "2017-09-25",
        datePrecision: "day",
        country: "SY",
        governoratePcode: "SY11",
        localityEn: payload(2),
        localityAr: payload(3),
        neighbourhoodEn: payload(4),
        neighbourhoodAr: payload(0),
        belligerents: ["coalition"],
        means: ["airstrike"],
        killedMin: 2,
        killedMax: 3,
        narrative: `${payload(1)} ${payload(2)}`,
        tags: [`tag-${word}`],
      },
    }),
  );
  const id = created.id;
  await ok(await api.post(`/api/v1/cases/${id}/victims`, { headers: staff, data: { nameLatin: payload(0), nameAr: payload(1), familyGroup: payload(2), outcome: "killed" } }));
  await ok(await api.post(`/api/v1/cases/${id}/sources`, { headers: staff, data: { type: "media", publisher: payload(3), title: payload(0), url: "https://example.org/?q=%3Cscript%3E", language: payload(4) } }));
  await ok(await api.post(`/api/v1/cases/${id}/comments`, { headers: staff, data: { body: payload(1) } }));
  await ok(await api.post(`/api/v1/cases/${id}/moves`, { headers: staff, data: { move: "submit" } }));

  const review = reviewerPage.request;
  await ok(await review.post(`/api/v1/cases/${id}/assessments`, { headers: reviewer, data: { grading: "confirmed", method: "desk_review", reasoning: payload(2), ihlConcerns: payload(3) } }));
  const sent = await ok<CaseJson>(await review.post(`/api/v1/cases/${id}/responses`, { headers: reviewer, data: { sentOn: "2018-01-10", channel: "email", sentReference: payload(4) } }));
  const sendingId = sent.lifecycle.responses[0].id;
  await ok(
    await review.post(`/api/v1/responses/${sendingId}/answer`, {
      headers: reviewer,
      data: { answer: "credible", answeredOn: "2018-03-01", deathsConcededMin: 1, deathsConcededMax: 1, answerReference: payload(0), answerNote: payload(1) },
    }),
  );
  await ok(await review.post(`/api/v1/cases/${id}/moves`, { headers: reviewer, data: { move: "pursue_redress", reason: payload(2) } }));
  await ok(await review.post(`/api/v1/cases/${id}/redress`, { headers: reviewer, data: { type: "apology", description: payload(3), requestedOn: "2018-04-01" } }));

  const everywhere = [payload(0), payload(1)];
  await expectInert(staffPage, `/cases/${id}`, [...everywhere, payload(2), payload(3), payload(4)]);
  await expectInert(reviewerPage, `/cases/${id}`, everywhere);
  await expectInert(reviewerPage, `/cases/${id}/edit`, []);
  await expect(reviewerPage.getByLabel("Title", { exact: true })).toHaveValue(`${word} ${payload(0)}`);
  await expectInert(staffPage, `/cases?q=${word}`, [`${word} ${payload(0)}`]);
  await expectInert(staffPage, `/cases?tag=tag-${word}`, [`${word} ${payload(0)}`]);
  await expectInert(managerPage, `/audit?case=${created.reference}`, []);
  await expectInert(managerPage, `/summaries?governorate=SY11`, []);
});
