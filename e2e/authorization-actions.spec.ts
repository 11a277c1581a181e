import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { entryPoints } from "@/lib/auth/entry-points";
import { roleHas } from "@/lib/auth/permissions";
import { expect, test } from "./fixtures";
import { signInAs } from "./support/accounts";
import { callServerAction, formOf, serverActionsOfBuild, type ActionAnswer } from "./support/server-action-calls";

/**
 * Every server action in lib/auth/entry-points.ts, posted straight to the running app as signed
 * out, a disabled account, and each role: refused exactly when the registry says the caller may
 * not, whatever the interface shows. Arguments name records that do not exist, so an allowed call
 * answers "not found" or "fix these fields" and changes nothing; what matters is that a refused
 * one never gets that far.
 */
const idle = { status: "idle" };
const nobody = randomUUID();
const lifecycleCommands = ["move", "assess", "send", "answer", "redress", "redressStatus", "duplicate", "assign"];
/** Each action's arguments (bound ones first, as the page binds them); several lists where one action runs several commands. */
const argsOf: Record<string, unknown[][]> = {
  "app/(app)/admin/accounts/actions.ts#createAccountAction": [[idle, formOf()]],
  "app/(app)/admin/accounts/actions.ts#changeRoleAction": [[idle, formOf({ userId: nobody })]],
  "app/(app)/admin/accounts/actions.ts#setDisabledAction": [[idle, formOf({ userId: nobody })]],
  "app/(app)/admin/accounts/actions.ts#resetPasswordAction": [[idle, formOf({ userId: nobody })]],
  "app/(app)/admin/accounts/actions.ts#resetTwoFactorAction": [[idle, formOf({ userId: nobody })]],
  "app/(app)/admin/accounts/actions.ts#setTwoFactorRequirementAction": [[idle, formOf()]],
  "app/(app)/cases/actions.ts#createCaseAction": [[idle, formOf()]],
  "app/(app)/cases/actions.ts#updateCaseAction": [[nobody, idle, formOf()]],
  "app/(app)/cases/item-actions.ts#addItemAction": [["comment", nobody, idle, formOf()]],
  "app/(app)/cases/item-actions.ts#changeItemAction": [["comment", nobody, nobody, idle, formOf()]],
  "app/(app)/cases/item-actions.ts#removeItemAction": [["comment", nobody, nobody, idle, formOf()]],
  "app/(app)/cases/lifecycle-actions.ts#lifecycleAction": lifecycleCommands.map((command) => [command, nobody, nobody, idle, formOf()]),
  "app/(app)/cases/evidence-actions.ts#removeEvidenceAction": [[nobody, nobody, idle, formOf()]],
  "app/(app)/audit/actions.ts#verifyChainAction": [[idle]],
  "app/(app)/imports/actions.ts#startImportAction": [[nobody, idle, formOf()]],
  "app/(app)/imports/actions.ts#cancelImportAction": [[nobody, idle]],
  "app/(app)/imports/actions.ts#undoImportAction": [[nobody, idle, formOf({ reason: "Matrix" })]],
  "app/(app)/imports/actions.ts#saveTemplateAction": [[idle, formOf()]],
  "app/(app)/imports/reconciliations/actions.ts#createReconciliationAction": [[idle, formOf()]],
  "app/(app)/imports/reconciliations/actions.ts#confirmMatchAction": [[nobody, nobody, nobody, idle]],
  "app/(app)/imports/reconciliations/actions.ts#noMatchAction": [[nobody, nobody, idle]],
  "app/(app)/imports/reconciliations/actions.ts#rereadReconciliationAction": [[nobody, idle, formOf()]],
  "app/(app)/account/actions.ts#createTokenAction": [[idle, formOf()]],
  "app/(app)/account/actions.ts#revokeTokenAction": [[idle, formOf({ tokenId: nobody })]],
  "app/(app)/account/two-factor/actions.ts#enableTwoFactorAction": [[idle, formOf()]],
  "app/(app)/account/two-factor/actions.ts#renewRecoveryCodesAction": [[idle, formOf()]],
  "app/(app)/account/two-factor/actions.ts#disableTwoFactorAction": [[idle, formOf()]],
};
/** Public ones (signing in and out, the language) and one that answers the signed-out with nothing, checked below. */
const elsewhere = new Set(["app/(auth)/login/actions.ts#signInAction", "app/locale-actions.ts#setLocaleAction", "app/(app)/sign-out-action.ts#signOutAction", "app/(app)/cases/actions.ts#findDuplicatesAction"]);
const roles = ["staff", "reviewer", "manager", "admin"] as const;
type Caller = "signedOut" | "disabled" | (typeof roles)[number];

test("every server action refuses exactly the callers the registry refuses", async ({ requestAs, playwright, baseURL, pageAs, accounts, adminPage }) => {
  test.slow();
  const origin = new URL(baseURL as string).origin;
  const built = serverActionsOfBuild();
  const actions = entryPoints.filter((e) => e.kind === "action");
  expect(actions.map((a) => a.name).sort(), "the build's server actions are the registry's").toEqual([...built.keys()].sort());
  for (const a of actions) expect(a.name in argsOf || elsewhere.has(a.name), `${a.name} is in the matrix`).toBe(true);

  // A staff account whose session is kept, then disabled by the admin.
  const disabled = await accounts.create("staff");
  const disabledPage = await pageAs(null);
  await signInAs(disabledPage, disabled);
  await adminPage.goto(`/admin/accounts/${disabled.id}`);
  const access = adminPage.getByRole("region", { name: "Access" });
  await access.getByLabel("Your password").fill("civilian-harm-demo");
  await access.getByRole("button", { name: "Disable account" }).click();
  await expect(adminPage.getByTestId("account-status")).toHaveText("Disabled");

  const callers: Record<Caller, APIRequestContext> = {
    signedOut: await playwright.request.newContext({ baseURL }),
    disabled: await playwright.request.newContext({ baseURL, storageState: await disabledPage.context().storageState() }),
    ...(Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await requestAs(r)] as const))) as Record<(typeof roles)[number], APIRequestContext>),
  };

  const wrong: string[] = [];
  for (const entry of actions.filter((a) => a.name in argsOf)) {
    const action = built.get(entry.name);
    if (!action) throw new Error(`${entry.name} is not in the build`);
    for (const args of argsOf[entry.name]) {
      for (const caller of Object.keys(callers) as Caller[]) {
        const answer = await callServerAction(callers[caller], action, args, origin);
        const expected = expectation(entry.rule, caller);
        if (!expected.includes(answer)) wrong.push(`${entry.name}(${JSON.stringify(args.slice(0, 1))}) as ${caller}: ${answer}, expected ${expected.join(" or ")}`);
      }
    }
  }
  expect(wrong).toEqual([]);

  // A bound command or kind of item the page never binds is refused, not run.
  const lifecycle = built.get("app/(app)/cases/lifecycle-actions.ts#lifecycleAction");
  const addItem = built.get("app/(app)/cases/item-actions.ts#addItemAction");
  if (!lifecycle || !addItem) throw new Error("lifecycleAction or addItemAction is not in the build");
  const refusedAsInvalid = (text: string) => expect(text).toContain('"error":"invalid"');
  for (const name of ["constructor", "__proto__", "toString"]) {
    expect(await callServerAction(callers.manager, lifecycle, [name, nobody, nobody, idle, formOf()], origin, refusedAsInvalid)).toBe("answered");
    expect(await callServerAction(callers.manager, addItem, [name, nobody, idle, formOf()], origin, refusedAsInvalid)).toBe("answered");
  }

  // The duplicate finder answers a disabled account with nothing at all (and the proxy sends the signed-out to sign in).
  const finder = built.get("app/(app)/cases/actions.ts#findDuplicatesAction");
  if (!finder) throw new Error("findDuplicatesAction is not in the build");
  const probe = [{ governoratePcode: "SY11", from: "2017-01-01", to: "2017-12-31", latitude: "", longitude: "" }];
  expect(await callServerAction(callers.signedOut, finder, probe, origin)).toBe("status 307");
  expect(await callServerAction(callers.disabled, finder, probe, origin, (text) => expect(text).toMatch(/^1:\[\]$/m))).toBe("answered");
  for (const request of [callers.signedOut, callers.disabled]) await request.dispose();
});

/** What a caller should get under a rule: the refusal, or (allowed) an answer; a role allowed only some of several permissions may still be refused on the particulars. */
function expectation(rule: (typeof entryPoints)[number]["rule"], caller: Caller): ActionAnswer[] {
  // Signed out, the proxy already sends a post to a page of the app to the sign-in page (307).
  if (caller === "signedOut") return ["signedOut", "status 307"];
  if (caller === "disabled") return ["signedOut"];
  if (rule === "public" || rule === "signed-in") return ["answered"];
  const held = rule.filter((p) => roleHas(caller, p));
  if (held.length === 0) return ["forbidden"];
  return held.length === rule.length ? ["answered"] : ["answered", "forbidden"];
}
