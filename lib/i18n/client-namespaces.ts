import type { Messages } from "./catalogues";

/**
 * The message namespaces the browser needs, by area of the app: client components translate only
 * within their area's list. Sending the whole catalogue made it a third of every page's payload and
 * a fifth of its server time under load (docs/performance.md, decision 0014).
 */
export const clientNamespaces = {
  everywhere: ["errorPage"],
  signIn: ["login", "twoFactor", "errors"],
  caseForm: ["caseForm", "harm", "belligerents", "means", "civilianObjects", "locationAccuracy", "countries", "errors"],
  case: [
    "caseDetail",
    "victim",
    "sexes",
    "ageGroups",
    "outcomes",
    "verifications",
    "source",
    "sourceTypes",
    "comment",
    "evidence",
    "lifecycle",
    "moves",
    "gradings",
    "gradingDefinitions",
    "assessmentMethods",
    "sendingKinds",
    "channels",
    "answers",
    "nonCredibleReasons",
    "redressTypes",
    "redressStatuses",
    "closingReasons",
    "errors",
  ],
  accounts: ["accounts", "roles", "errors"],
  account: ["account", "twoFactor", "accounts", "errors"],
  audit: ["audit", "errors"],
  imports: ["imports", "reconcile", "errors"],
} as const satisfies Record<string, readonly string[]>;

export type ClientArea = keyof typeof clientNamespaces;

/** The area's namespaces (and those needed everywhere) out of a catalogue. */
export function clientMessages(catalogue: Messages, area: ClientArea): Messages {
  const names = new Set<string>([...clientNamespaces.everywhere, ...clientNamespaces[area]]);
  return Object.fromEntries(Object.entries(catalogue).filter(([name]) => names.has(name)));
}
