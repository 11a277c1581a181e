import { expect, test } from "./fixtures";
import { addForm, fileHaratAlBadu, tinyPng, uniqueWord, uploadEvidence } from "./support/cases";
import { createApiToken, expectStage, openPanel } from "./support/lifecycle";
import { replayServerAction } from "./support/server-actions";

test("the Raqqa journey: submitted, assessed, refused by the coalition, reopened on new evidence, conceded and redressed", async ({
  staffPage,
  reviewerPage: page,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const word = uniqueWord();
  const { id } = await fileHaratAlBadu(staffPage, { title: `Harat al-Badu, re-evaluated ${word}` });
  const victim = addForm(staffPage, "Add victim");
  await victim.getByLabel("Name in Latin script").fill("Ahmad al-Hassan");
  await victim.getByRole("button", { name: "Add victim" }).click();
  await expect(staffPage.getByTestId("victim-item")).toHaveCount(1);

  // Staff submit their case, and are offered nothing more.
  await staffPage.getByRole("button", { name: "Submit for assessment" }).click();
  await expectStage(staffPage, "Assessment");
  await expect(staffPage.getByTestId("stage-since")).toContainText("moved there by Amal Haddad");
  await expect(staffPage.getByTestId("panel-assess")).toHaveCount(0);
  await expect(staffPage.getByTestId("lifecycle-actions").getByRole("button")).toHaveCount(0);

  // The reviewer's assessment, captured once and replayed with the staff session: refused.
  await page.goto(`/cases/${id}`);
  const fillAssessment = async (grading: string, field: boolean) => {
    const panel = await openPanel(page, "panel-assess");
    await panel.getByRole("radio", { name: grading, exact: true }).check();
    await panel.getByLabel("Method").selectOption(field ? "field_investigation" : "desk_review");
    if (field) {
      await panel.getByLabel("The site was visited").check();
      await panel.getByLabel("Witnesses interviewed").fill("3");
    }
    await panel.getByLabel("Reasoning").fill(`${grading}: corroborated by independent sources ${word}`);
    return panel;
  };
  const isAssessment = (r: { method(): string; headers(): Record<string, string>; postData(): string | null }) =>
    r.method() === "POST" && "next-action" in r.headers() && (r.postData() ?? "").includes(`corroborated by independent sources ${word}`);
  await page.route(`**/cases/${id}`, (route) => (isAssessment(route.request()) ? route.abort() : route.fallback()));
  // Captured once it has failed (been aborted), so unrouting below cannot let it through.
  const [captured] = await Promise.all([
    page.waitForEvent("requestfailed", isAssessment),
    (await fillAssessment("Fair", true)).getByRole("button", { name: "Record an assessment" }).click(),
  ]);
  const replay = await replayServerAction(staffPage.request, captured, baseURL);
  expect(await replay.text()).toContain('"error":"forbidden"');
  await page.unrouteAll();
  await page.goto(`/cases/${id}`);
  await expect(page.getByTestId("assessment")).toHaveCount(0);

  await (await fillAssessment("Fair", true)).getByRole("button", { name: "Record an assessment" }).click();
  await expect(page.getByTestId("assessment")).toHaveCount(1);
  await expect(page.getByTestId("assessment")).toContainText("Field investigation (site visited, 3 witnesses interviewed)");

  // Sent to the coalition, which finds it non-credible.
  let panel = await openPanel(page, "panel-send");
  await panel.getByLabel("Date sent").fill("2017-10-20");
  await panel.getByLabel("Channel").selectOption("email");
  await panel.getByLabel("Reference of the sending").fill("CJTF-OIR 2017-0042");
  await panel.getByRole("button", { name: "Send to the belligerent" }).click();
  await expectStage(page, "Belligerent response");
  await page.goto(`/cases?q=${word}&overdue=1`);
  await expect(page.getByTestId("case-row").getByTestId("overdue")).toHaveCount(1);
  await page.goto(`/cases/${id}`);
  panel = await openPanel(page, "panel-answer");
  await panel.getByLabel("Answer", { exact: true }).selectOption("non_credible");
  await panel.getByLabel("Reason given (non-credible)").selectOption("insufficient_evidence");
  await panel.getByLabel("Date of the answer").fill("2018-03-01");
  await panel.getByRole("button", { name: "Record the belligerent's answer" }).click();
  await expect(page.getByTestId("answer")).toContainText("Non-credible: Insufficient evidence");

  panel = await openPanel(page, "panel-close");
  await panel.getByLabel("Closing reason").selectOption("no_further_action");
  await panel.getByRole("button", { name: "Close" }).click();
  await expectStage(page, "Closed");
  await expect(page.getByTestId("stage-since")).toContainText("closed as “No further action”");

  // New evidence arrives; the case is reopened on it and re-assessed.
  await uploadEvidence(page, { name: "new-witness-statements.png", mimeType: "image/png", buffer: tinyPng });
  await expect(page.getByTestId("evidence-item").filter({ hasText: "new-witness-statements.png" })).toHaveCount(1);
  panel = await openPanel(page, "panel-reopen");
  await panel.getByRole("button", { name: "Reopen" }).click();
  await expect(panel.getByRole("alert")).toContainText("Give the reason for reopening it");
  await panel.getByLabel("Reason for reopening").fill("Amnesty handed in new witness statements");
  await panel.getByRole("checkbox", { name: "new-witness-statements.png" }).check();
  await panel.getByRole("button", { name: "Reopen" }).click();
  await expectStage(page, "Assessment");
  await expect(page.getByTestId("reopenings")).toContainText("With evidence: new-witness-statements.png");
  await (await fillAssessment("Confirmed", false)).getByRole("button", { name: "Record an assessment" }).click();
  await expect(page.getByTestId("assessment")).toHaveCount(2);
  await expect(page.getByTestId("assessment").first()).toContainText("ConfirmedLatest");

  // The coalition re-evaluates: credible, 30 deaths conceded.
  panel = await openPanel(page, "panel-send");
  await expect(panel.getByLabel("Kind of sending")).toHaveValue("re_evaluation");
  await panel.getByLabel("Date sent").fill("2019-02-01");
  await panel.getByLabel("Channel").selectOption("letter");
  await panel.getByRole("checkbox", { name: "new-witness-statements.png" }).check();
  await panel.getByRole("button", { name: "Request a re-evaluation" }).click();
  await expectStage(page, "Belligerent response");
  panel = await openPanel(page, "panel-answer");
  await panel.getByLabel("Answer", { exact: true }).selectOption("credible");
  await panel.getByLabel("Deaths conceded, minimum").fill("30");
  await panel.getByLabel("Deaths conceded, maximum").fill("30");
  await panel.getByLabel("Date of the answer").fill("2019-06-01");
  await panel.getByRole("button", { name: "Record the belligerent's answer" }).click();
  await expect(page.getByTestId("answer").first()).toContainText("30 deaths conceded");

  // Redress: a condolence payment requested, offered and paid; a public acknowledgement delivered.
  await (await openPanel(page, "panel-pursue")).getByRole("button", { name: "Pursue redress" }).click();
  await expectStage(page, "Redress");
  const addRedress = async (type: string, amount?: string) => {
    const form = await openPanel(page, "panel-redress");
    await form.getByLabel("Type").selectOption(type);
    await form.getByLabel("Date requested").fill("2019-07-01");
    if (amount) {
      await form.getByLabel("Amount").fill(amount);
      await form.getByLabel("Currency").fill("USD");
      await form.getByRole("checkbox", { name: "Ahmad al-Hassan" }).check();
    }
    await form.getByRole("button", { name: "Add a redress item" }).click();
  };
  const moveItem = async (name: string, status: string, on: string) => {
    const form = page.getByRole("form", { name: `Update ${name}` });
    await form.getByLabel("New status").selectOption(status);
    await form.getByLabel("Date", { exact: true }).fill(on);
    await form.getByRole("button", { name: "Update" }).click();
  };
  await addRedress("condolence_payment", "15000");
  const payment = page.getByTestId("redress-item").filter({ hasText: "Condolence payment" });
  await expect(payment).toContainText(/USD\s15,000\.00/);
  await expect(payment).toContainText("Beneficiaries: Ahmad al-Hassan");
  await moveItem("Condolence payment", "offered", "2019-08-01");
  await expect(payment.getByTestId("redress-status")).toHaveText("Offered");
  await moveItem("Condolence payment", "delivered", "2019-09-15");
  await expect(payment.getByTestId("redress-status")).toHaveText("Paid or delivered");
  await addRedress("public_acknowledgement");
  await moveItem("Public acknowledgement", "delivered", "2019-09-20");
  await expect(page.getByTestId("redress-item").filter({ hasText: "Public acknowledgement" }).getByTestId("redress-status")).toHaveText("Paid or delivered");

  panel = await openPanel(page, "panel-close");
  await panel.getByLabel("Closing reason").selectOption("redress_completed");
  await panel.getByRole("button", { name: "Close" }).click();
  await expectStage(page, "Closed");
  await expect(page.getByTestId("stage-since")).toContainText("closed as “Redress completed”");

  // The trail names every step and who took it.
  const trail = page.getByTestId("case-trail");
  for (const [text, times] of [
    ["Amal Haddad submitted the allegation for assessment", 1],
    ["Karim Saleh assessed the allegation", 2],
    ["Karim Saleh sent the allegation to the belligerent", 2],
    ["Karim Saleh recorded the sending to the belligerent", 1],
    ["Karim Saleh recorded a re-evaluation request", 1],
    ["Karim Saleh recorded the belligerent's answer", 2],
    ["Karim Saleh closed the allegation", 2],
    ["Karim Saleh reopened the allegation", 1],
    ["Karim Saleh moved the allegation to redress", 1],
    ["Karim Saleh added a redress item", 2],
    ["Karim Saleh updated a redress item", 3],
  ] as const) {
    await expect(trail.getByText(text, { exact: true }), text).toHaveCount(times);
  }
  await expect(trail).toContainText("Stage: from Closed to Assessment");
  await expect(trail).toContainText("Grading: from Fair to Confirmed");
  await expect(trail).toContainText("Reason: Amnesty handed in new witness statements");
});

test("a move that skips assessment is refused with its message, in the API as on the page", async ({ staffPage, reviewerPage, playwright, baseURL }) => {
  const { id } = await fileHaratAlBadu(staffPage, { title: `Not yet submitted ${uniqueWord()}` });
  await reviewerPage.goto(`/cases/${id}`);
  await expectStage(reviewerPage, "Submission");
  // Nothing but the submission is offered in submission.
  await expect(reviewerPage.getByTestId("panel-send")).toHaveCount(0);
  await expect(reviewerPage.getByTestId("panel-assess")).toHaveCount(0);
  const token = await createApiToken(reviewerPage, `skip test ${uniqueWord()}`);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const skipped = await api.post(`/api/v1/cases/${id}/responses`, { data: { sentOn: "2018-01-10", channel: "email" } });
  expect(skipped.status()).toBe(409);
  expect(await skipped.json()).toMatchObject({ error: "notFromThisStage", message: expect.stringContaining("stages cannot be skipped") });
  await api.dispose();
  await reviewerPage.goto(`/cases/${id}`);
  await expectStage(reviewerPage, "Submission");
});

test("a manager assigns a case and marks another its duplicate; both link to each other and the reviewer finds it under My cases", async ({
  staffPage,
  managerPage: page,
  reviewerPage,
}) => {
  test.setTimeout(120_000);
  const word = uniqueWord();
  const original = await fileHaratAlBadu(staffPage, { title: `Original report ${word}` });
  await staffPage.getByRole("button", { name: "Submit for assessment" }).click();
  await expectStage(staffPage, "Assessment");
  const duplicate = await fileHaratAlBadu(staffPage, { title: `Second report of the same strike ${word}` });
  await staffPage.getByRole("button", { name: "Submit for assessment" }).click();
  await expectStage(staffPage, "Assessment");

  await page.goto(`/cases/${original.id}`);
  const assign = await openPanel(page, "panel-assign");
  await assign.getByLabel("Reviewer").selectOption({ label: "Karim Saleh" });
  await assign.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("assignee")).toHaveText("Assigned to: Karim Saleh");

  await page.goto(`/cases/${duplicate.id}`);
  const mark = await openPanel(page, "panel-duplicate");
  await mark.getByLabel("Reference of the original allegation").fill(duplicate.reference);
  await mark.getByRole("button", { name: "Mark as a duplicate" }).click();
  await expect(mark.getByText("An allegation cannot be a duplicate of itself.")).toBeVisible();
  await mark.getByLabel("Reference of the original allegation").fill(original.reference);
  await mark.getByRole("button", { name: "Mark as a duplicate" }).click();
  await expectStage(page, "Closed");
  await expect(page.getByTestId("duplicate-of")).toContainText(original.reference);
  await page.getByTestId("duplicate-of").getByRole("link", { name: original.reference }).click();
  await expect(page.getByTestId("duplicates-of-this")).toContainText(duplicate.reference);
  // The original cannot be marked a duplicate of its own duplicate: the message names the case to link to.
  const again = await openPanel(page, "panel-duplicate");
  await again.getByLabel("Reference of the original allegation").fill(duplicate.reference);
  await again.getByRole("button", { name: "Mark as a duplicate" }).click();
  await expect(again.getByRole("alert")).toHaveText(`That allegation is itself a duplicate of ${original.reference}: link to ${original.reference}, the original.`);
  await expect(page.getByTestId("case-trail").getByText("Layla Nasser linked a duplicate to this allegation")).toHaveCount(1);

  await page.goto(`/cases?q=${word}&assignee=me`);
  await expect(page.getByTestId("case-row")).toHaveCount(0);
  await reviewerPage.goto("/cases");
  await reviewerPage.getByRole("link", { name: "My cases" }).click();
  await expect(reviewerPage).toHaveURL(/mine=1/);
  await reviewerPage.goto(`/cases?mine=1&q=${word}`);
  await expect(reviewerPage.getByRole("link", { name: original.reference })).toHaveCount(1);
  await expect(reviewerPage.getByRole("link", { name: duplicate.reference })).toHaveCount(0);
  await page.goto(`/cases?q=${word}`);
  await expect(page.getByTestId("case-row").filter({ hasText: "Duplicate" })).toHaveCount(1);
});
