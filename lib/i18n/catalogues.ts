import arBase from "./messages/ar.json";
import arAccount from "./messages/ar/account.json";
import arAudit from "./messages/ar/audit.json";
import arCases from "./messages/ar/cases.json";
import arEvidence from "./messages/ar/evidence.json";
import arImport from "./messages/ar/import.json";
import arLifecycle from "./messages/ar/lifecycle.json";
import arReconcile from "./messages/ar/reconcile.json";
import arSummaries from "./messages/ar/summaries.json";
import arTwoFactor from "./messages/ar/two-factor.json";
import enBase from "./messages/en.json";
import enAccount from "./messages/en/account.json";
import enAudit from "./messages/en/audit.json";
import enCases from "./messages/en/cases.json";
import enEvidence from "./messages/en/evidence.json";
import enImport from "./messages/en/import.json";
import enLifecycle from "./messages/en/lifecycle.json";
import enReconcile from "./messages/en/reconcile.json";
import enSummaries from "./messages/en/summaries.json";
import enTwoFactor from "./messages/en/two-factor.json";
import type { Locale } from "./locales";

export type Messages = { [key: string]: string | Messages };

/** Catalogues are split by subject so they stay readable; a subject may add keys to any namespace. */
function merge(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const existing = out[key];
      out[key] = typeof value === "object" && typeof existing === "object" ? merge(existing, value) : value;
    }
  }
  return out;
}

export const catalogues: Record<Locale, Messages> = {
  en: merge(enBase, enCases, enEvidence, enAccount, enLifecycle, enAudit, enSummaries, enTwoFactor, enImport, enReconcile),
  ar: merge(arBase, arCases, arEvidence, arAccount, arLifecycle, arAudit, arSummaries, arTwoFactor, arImport, arReconcile),
};
