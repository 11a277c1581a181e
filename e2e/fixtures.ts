import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from "@playwright/test";
import { fileURLToPath } from "node:url";
import type { Role } from "@/lib/auth/roles";
import { AxeWatch, describeFindings } from "./support/axe-watch";
import { createAccount, newPerson, type Account } from "./support/accounts";
import { gotoWaitsForHydration } from "./support/hydration";

export type Backend = "embedded" | "postgres";

/**
 * Set per project in playwright.config.ts. `accessibility`: whether axe-core analyses the pages; the
 * markup does not depend on the back end, so one back end's run is enough.
 */
export type E2EWorkerOptions = { backend: Backend; accessibility: boolean };

/** Where the setup project keeps each role's signed-in session for one back end. */
export function authFile(backend: Backend, role: Role): string {
  return fileURLToPath(new URL(`./.auth/${backend}-${role}.json`, import.meta.url));
}

type E2EFixtures = {
  /** A new page in its own browser context, signed in as the role's shared account (or signed out for null). */
  pageAs: (role: Role | null) => Promise<Page>;
  staffPage: Page;
  reviewerPage: Page;
  managerPage: Page;
  adminPage: Page;
  /** HTTP requests made with a role's session (no browser), for calling the server directly. */
  requestAs: (role: Role) => Promise<APIRequestContext>;
  /** Accounts made for one test through the admin's create-account form (on `adminPage`). */
  accounts: { create: (role?: Role) => Promise<Account> };
  /**
   * Automatic: every page of the test's contexts (the default one and those made by pageAs) is checked
   * with axe-core, and a serious or critical violation fails the test. A context made another way can
   * be checked too with `axe.watch(context)`.
   */
  axe: AxeWatch;
  contextPool: BrowserContext[];
};

export const test = base.extend<E2EFixtures, E2EWorkerOptions>({
  backend: ["embedded", { option: true, scope: "worker" }],
  context: async ({ context }, use) => {
    gotoWaitsForHydration(context);
    await use(context);
  },
  accessibility: [true, { option: true, scope: "worker" }],

  // Contexts made by pageAs; closed only after the axe check has looked at their final state.
  contextPool: async ({}, use) => {
    const contexts: BrowserContext[] = [];
    await use(contexts);
    for (const context of contexts) await context.close().catch(() => undefined);
  },

  axe: [
    async ({ context, contextPool, accessibility }, use, testInfo) => {
      void contextPool;
      const watch = new AxeWatch(accessibility);
      await watch.watch(context);
      await use(watch);
      if (!accessibility) return;
      const bodyPassed = testInfo.status === testInfo.expectedStatus;
      await watch.finish(bodyPassed);
      if (watch.findings.length) {
        await testInfo.attach("axe-violations.json", {
          body: JSON.stringify(watch.findings, null, 2),
          contentType: "application/json",
        });
      }
      expect(describeFindings(watch.findings), "serious or critical accessibility violations (axe-core)").toEqual([]);
      if (bodyPassed) {
        expect(watch.problems, "pages axe-core could not analyse").toEqual([]);
        if (watch.visits > 0) expect(watch.analysed, "pages analysed by axe-core").toBeGreaterThan(0);
      }
    },
    { auto: true },
  ],

  pageAs: async ({ browser, baseURL, locale, backend, contextPool, axe }, use) => {
    await use(async (role) => {
      const context = await browser.newContext({
        baseURL,
        locale,
        storageState: role ? authFile(backend, role) : undefined,
      });
      contextPool.push(context);
      gotoWaitsForHydration(context);
      await axe.watch(context);
      return context.newPage();
    });
  },

  staffPage: async ({ pageAs }, use) => use(await pageAs("staff")),
  reviewerPage: async ({ pageAs }, use) => use(await pageAs("reviewer")),
  managerPage: async ({ pageAs }, use) => use(await pageAs("manager")),
  adminPage: async ({ pageAs }, use) => use(await pageAs("admin")),

  requestAs: async ({ playwright, baseURL, backend }, use) => {
    const made: APIRequestContext[] = [];
    await use(async (role) => {
      const request = await playwright.request.newContext({ baseURL, storageState: authFile(backend, role) });
      made.push(request);
      return request;
    });
    for (const request of made) await request.dispose();
  },

  accounts: async ({ adminPage }, use) => {
    await use({ create: (role = "staff") => createAccount(adminPage, newPerson(role)) });
  },
});

export { expect };
export type { Account, Role };
