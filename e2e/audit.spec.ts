import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { fileHaratAlBadu, uniqueWord } from "./support/cases";

test("a manager verifies the chain, filters the events of one case and exports them as CSV and as JSON Lines that verify offline", async ({
  staffPage,
  managerPage: page,
}, testInfo) => {
  test.setTimeout(120_000);
  const { reference } = await fileHaratAlBadu(staffPage, { title: `Audited ${uniqueWord()}` });

  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit trail");
  await page.getByRole("button", { name: "Verify the chain now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Intact" })).toContainText(/Intact: \d+ events verified/);
  await expect(page.getByTestId("last-verification")).toContainText("by Layla Nasser: intact");

  await page.getByLabel("Case reference").fill(reference);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`case=${reference}`));
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("case.created");
  await expect(rows.first()).toContainText("Amal Haddad");

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as CSV" }).click()]);
  const csvText = readFileSync(await csv.path(), "utf8");
  expect(csvText.split("\r\n")[0]).toBe("id,at,actorLabel,actorId,action,entityType,entityId,caseReference,subject,clientAddress,changes,reason,prevHash,hash");
  expect(csvText).toContain(`,case.created,case,`);
  expect(csvText).toContain(reference);

  const [jsonl] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as JSON Lines (verifiable)" }).click()]);
  const file = testInfo.outputPath("trail.jsonl");
  writeFileSync(file, readFileSync(await jsonl.path()));
  const verify = (path: string) => {
    try {
      return execFileSync("node_modules/.bin/tsx", ["scripts/audit-verify.ts", "--file", path], { encoding: "utf8", stdio: "pipe" });
    } catch (err) {
      return `exit ${(err as { status: number }).status}: ${(err as { stderr: string }).stderr}`;
    }
  };
  expect(verify(file)).toMatch(/^OK: 1 events verified/);
  const altered = testInfo.outputPath("altered.jsonl");
  writeFileSync(altered, readFileSync(file, "utf8").replace("Amal Haddad", "Amal Haddat"));
  expect(verify(altered)).toMatch(/^exit 1: BROKEN in .* at event \d+ \(contentAltered\)/);

  // Each export is itself an event.
  await page.goto("/audit?action=audit.exported&actor=Layla");
  await expect(page.getByTestId("audit-row").filter({ hasText: reference })).toHaveCount(2);
});

test("reviewers and staff reach neither the audit page nor its exports", async ({ reviewerPage, requestAs }) => {
  expect((await reviewerPage.goto("/audit"))?.status()).toBe(403);
  for (const role of ["reviewer", "staff"] as const) {
    const response = await (await requestAs(role)).get("/audit/export?format=jsonl");
    expect(response.status(), role).toBe(403);
  }
});
