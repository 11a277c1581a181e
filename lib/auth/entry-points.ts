import type { Permission } from "./permissions";

/**
 * Every way into the server, with what it asks of the caller: each server action, route handler
 * and JSON API route. "public" needs no session; "signed-in" any active account; otherwise the
 * permission (when several are named, one of them suffices, the command deciding by what it touches,
 * such as one's own submission or one's own item). tests/unit/entry-points.test.ts fails when a
 * server action or route exists that is not listed here; tests/integration/authorization-matrix.test.ts
 * runs the API routes as every role, e2e/authorization-actions.spec.ts every server action (posted
 * straight to the running app) and e2e/authorization-routes.spec.ts the route handlers.
 */
export type EntryRule = "public" | "signed-in" | readonly Permission[];
export type EntryPoint = { kind: "action" | "route" | "api"; name: string; rule: EntryRule };

const action = (file: string, name: string, rule: EntryRule): EntryPoint => ({ kind: "action", name: `${file}#${name}`, rule });
const route = (file: string, method: string, rule: EntryRule): EntryPoint => ({ kind: "route", name: `${method} ${file}`, rule });
const api = (method: string, path: string, rule: EntryRule): EntryPoint => ({ kind: "api", name: `${method} ${path}`, rule });

const edit = ["case:edit-own-submission", "case:edit-any"] as const;
const changeItem = ["case:contribute", "case:edit-any"] as const;
const lifecycle = ["case:edit-own-submission", "case:move-stage", "case:assess", "case:record-response", "case:record-redress", "case:link-duplicate", "case:reopen", "case:assign"] as const;

export const entryPoints: EntryPoint[] = [
  action("app/(auth)/login/actions.ts", "signInAction", "public"),
  action("app/locale-actions.ts", "setLocaleAction", "public"),
  action("app/(app)/sign-out-action.ts", "signOutAction", "public"),
  action("app/(app)/admin/accounts/actions.ts", "createAccountAction", ["user:manage"]),
  action("app/(app)/admin/accounts/actions.ts", "changeRoleAction", ["user:manage"]),
  action("app/(app)/admin/accounts/actions.ts", "setDisabledAction", ["user:manage"]),
  action("app/(app)/admin/accounts/actions.ts", "resetPasswordAction", ["user:manage"]),
  action("app/(app)/admin/accounts/actions.ts", "resetTwoFactorAction", ["user:manage"]),
  action("app/(app)/admin/accounts/actions.ts", "setTwoFactorRequirementAction", ["user:manage"]),
  action("app/(app)/cases/actions.ts", "createCaseAction", ["case:create"]),
  action("app/(app)/cases/actions.ts", "updateCaseAction", edit),
  action("app/(app)/cases/actions.ts", "findDuplicatesAction", ["case:read"]),
  action("app/(app)/cases/item-actions.ts", "addItemAction", ["case:contribute"]),
  action("app/(app)/cases/item-actions.ts", "changeItemAction", changeItem),
  action("app/(app)/cases/item-actions.ts", "removeItemAction", changeItem),
  action("app/(app)/cases/lifecycle-actions.ts", "lifecycleAction", lifecycle),
  action("app/(app)/cases/evidence-actions.ts", "removeEvidenceAction", changeItem),
  action("app/(app)/audit/actions.ts", "verifyChainAction", ["audit:read"]),
  ...["startImportAction", "cancelImportAction", "undoImportAction", "saveTemplateAction"].map((name) => action("app/(app)/imports/actions.ts", name, ["case:import"])),
  ...["createReconciliationAction", "confirmMatchAction", "noMatchAction", "rereadReconciliationAction"].map((name) => action("app/(app)/imports/reconciliations/actions.ts", name, ["case:record-response"])),
  action("app/(app)/account/actions.ts", "createTokenAction", "signed-in"),
  action("app/(app)/account/actions.ts", "revokeTokenAction", "signed-in"),
  action("app/(app)/account/two-factor/actions.ts", "enableTwoFactorAction", "signed-in"),
  action("app/(app)/account/two-factor/actions.ts", "renewRecoveryCodesAction", "signed-in"),
  action("app/(app)/account/two-factor/actions.ts", "disableTwoFactorAction", "signed-in"),

  route("app/api/auth/[...nextauth]/route.ts", "GET", "public"),
  route("app/api/auth/[...nextauth]/route.ts", "POST", "public"),
  route("app/api/cases/[caseId]/evidence/route.ts", "POST", ["case:contribute"]),
  route("app/api/cases/[caseId]/evidence/[evidenceId]/route.ts", "GET", ["case:read"]),
  route("app/api/cases/[caseId]/evidence/[evidenceId]/route.ts", "HEAD", ["case:read"]),
  route("app/api/v1/openapi.json/route.ts", "GET", "public"),
  route("app/api/imports/route.ts", "POST", ["case:import"]),
  route("app/api/imports/[importId]/victims/route.ts", "POST", ["case:import"]),
  route("app/(app)/imports/[importId]/errors/route.ts", "GET", ["case:import"]),
  route("app/(app)/audit/export/route.ts", "GET", ["audit:read"]),
  route("app/(app)/summaries/export/route.ts", "GET", ["summary:export"]),

  api("GET", "/me", "signed-in"),
  api("GET", "/cases", ["case:read"]),
  api("POST", "/cases", ["case:create"]),
  api("GET", "/cases/{caseId}", ["case:read"]),
  api("PATCH", "/cases/{caseId}", edit),
  api("DELETE", "/cases/{caseId}", edit),
  api("GET", "/cases/{caseId}/trail", ["case:read"]),
  api("POST", "/cases/{caseId}/moves", lifecycle),
  api("POST", "/cases/{caseId}/assessments", ["case:assess"]),
  api("POST", "/cases/{caseId}/responses", ["case:record-response"]),
  api("POST", "/responses/{id}/answer", ["case:record-response"]),
  api("POST", "/cases/{caseId}/redress", ["case:record-redress"]),
  api("POST", "/redress/{id}/status", ["case:record-redress"]),
  api("POST", "/cases/{caseId}/duplicate-of", ["case:link-duplicate"]),
  api("POST", "/cases/{caseId}/assignment", ["case:assign"]),
  ...(["victims", "sources", "comments"] as const).flatMap((items) => [
    api("POST", `/cases/{caseId}/${items}`, ["case:contribute"]),
    api("GET", `/${items}/{id}`, ["case:read"]),
    api("PATCH", `/${items}/{id}`, changeItem),
    api("DELETE", `/${items}/{id}`, changeItem),
  ]),
  api("GET", "/summary", ["summary:read"]),
  api("GET", "/summary/export", ["summary:export"]),
  ...["POST /imports", "GET /imports", "GET /imports/{importId}", "POST /imports/{importId}/preview", "POST /imports/{importId}/commit"]
    .concat(["POST /imports/{importId}/cancel", "POST /imports/{importId}/undo", "GET /imports/{importId}/errors", "POST /imports/{importId}/victims-file"])
    .map((key) => api(key.split(" ")[0], key.split(" ")[1], ["case:import"])),
  ...["POST /reconciliations", "GET /reconciliations/{reconciliationId}", "POST /reconciliations/{reconciliationId}/reread"]
    .concat(["POST /reconciliation-rows/{rowId}/confirm", "POST /reconciliation-rows/{rowId}/no-match"])
    .map((key) =>
    api(key.split(" ")[0], key.split(" ")[1], ["case:record-response"]),
  ),
];

/** The rule of one listed entry point; an entry point missing from the list is a programming error. */
export function entryRule(kind: EntryPoint["kind"], name: string): EntryRule {
  const entry = entryPoints.find((e) => e.kind === kind && e.name === name);
  if (!entry) throw new Error(`${kind} ${name} is not listed in lib/auth/entry-points.ts`);
  return entry.rule;
}
