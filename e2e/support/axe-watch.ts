import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page, Request, Route } from "@playwright/test";

/** One serious or critical axe-core violation, where it was seen. */
export type AxeFinding = { url: string; rule: string; impact: string; help: string; helpUrl: string; targets: string[] };

const FAILING_IMPACTS = new Set(["serious", "critical"]);
const ANALYSIS_TIMEOUT_MS = 20_000;

/** Errors that only mean the page went away while it was being analysed. */
const GONE = /Execution context was destroyed|Target page, context or browser has been closed|Frame was detached|frame got detached|navigat/i;

/**
 * Runs axe-core (@axe-core/playwright) on every state of every watched page:
 *  - when a document has loaded;
 *  - before the page leaves its current state: before the test's goto/reload/goBack/goForward/close,
 *    and before a Next.js client navigation (an RSC request that is not a prefetch) or a server
 *    action, whose requests are held until the analysis is done;
 *  - at the end of the test (`finish()`), on what each open page shows then.
 * (A document navigation cannot be held the same way: Playwright does not evaluate in a page whose
 * next document is on its way, which is why documents are also analysed as they load.)
 * Identical states (same document, URL and markup) are analysed once.
 */
export class AxeWatch {
  readonly findings: AxeFinding[] = [];
  readonly problems: string[] = [];
  analysed = 0;
  visits = 0;
  private readonly pages = new Set<Page>();
  private readonly contexts = new Set<BrowserContext>();
  private readonly seenStates = new Set<string>();
  private readonly seenAddresses = new Set<string>();
  private readonly reported = new Set<string>();
  private chain: Promise<void> = Promise.resolve();

  /** `enabled: false` watches nothing (the same pages are analysed on the other back end). */
  constructor(readonly enabled = true) {}

  async watch(context: BrowserContext): Promise<void> {
    if (!this.enabled || this.contexts.has(context)) return;
    this.contexts.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
    await context.route("**/*", (route) => this.hold(route));
  }

  /** Analyses the final state of every open page (when asked), stops watching and waits for every analysis. */
  async finish(analyseFinalState: boolean): Promise<void> {
    if (analyseFinalState) for (const page of this.pages) void this.enqueue(page);
    await this.chain;
    for (const context of this.contexts) await context.unrouteAll({ behavior: "ignoreErrors" }).catch(() => undefined);
  }

  private watchPage(page: Page): void {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame() && /^https?:/.test(frame.url())) this.visits++;
    });
    page.on("load", () => void this.enqueue(page));
    // Test-driven navigations (and closing) first wait for the page as it is now to be analysed.
    const { goto, reload, goBack, goForward, close } = page;
    page.goto = async (url, options) => {
      await this.enqueue(page);
      return goto.call(page, url, options);
    };
    page.reload = async (options) => {
      await this.enqueue(page);
      return reload.call(page, options);
    };
    page.goBack = async (options) => {
      await this.enqueue(page);
      return goBack.call(page, options);
    };
    page.goForward = async (options) => {
      await this.enqueue(page);
      return goForward.call(page, options);
    };
    page.close = async (options) => {
      await this.enqueue(page);
      return close.call(page, options);
    };
  }

  private async hold(route: Route): Promise<void> {
    const leaving = leavingPage(route.request());
    if (leaving && this.pages.has(leaving.page)) await this.enqueue(leaving.page, leaving.by === "action" ? "address" : "state");
    await route.fallback().catch(() => undefined);
  }

  /**
   * Queues an analysis of the page as it is now, skipped when this state has been analysed already,
   * or (`unless: "address"`) when this address has been analysed in this document already: a server
   * action is held while its form shows its pending state, which is not worth a page of its own.
   */
  private enqueue(page: Page, unless: "state" | "address" = "state"): Promise<void> {
    const run = this.chain.then(() => this.analyseWithin(page, unless, ANALYSIS_TIMEOUT_MS));
    this.chain = run;
    return run;
  }

  private async analyseWithin(page: Page, unless: "state" | "address", ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.problems.push(`${page.url()}: axe-core did not finish within ${ms} ms`);
        resolve();
      }, ms);
    });
    await Promise.race([this.analyse(page, unless), timeout]).finally(() => clearTimeout(timer));
  }

  private async analyse(page: Page, unless: "state" | "address"): Promise<void> {
    if (page.isClosed() || !/^https?:/.test(page.url())) return;
    let started: string | undefined;
    try {
      const state = await page.evaluate(pageState);
      started = state.state;
      if (this.seenStates.has(state.state) || (unless === "address" && this.seenAddresses.has(state.address))) return;
      const url = page.url();
      // Legacy mode runs in the page itself (no helper page per analysis); the app has no cross-origin frames.
      const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
      this.seenStates.add(state.state);
      this.seenAddresses.add(state.address);
      this.analysed++;
      for (const violation of results.violations) {
        if (!violation.impact || !FAILING_IMPACTS.has(violation.impact)) continue;
        const targets = violation.nodes.map((node) => node.target.join(" "));
        const key = `${url} ${violation.id} ${targets.join(",")}`;
        if (this.reported.has(key)) continue;
        this.reported.add(key);
        this.findings.push({ url, rule: violation.id, impact: violation.impact, help: violation.help, helpUrl: violation.helpUrl, targets });
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (page.isClosed() || GONE.test(message) || (await this.leftState(page, started))) return;
      this.problems.push(`${page.url()}: ${message.split("\n")[0]}`);
    }
  }

  /**
   * Whether the page is no longer in the state an analysis started in: a form sent by GET loads its
   * next document while axe-core runs in the last one, which then fails as if axe-core were missing.
   */
  private async leftState(page: Page, started: string | undefined): Promise<boolean> {
    if (started === undefined) return false;
    try {
      return (await page.evaluate(pageState)).state !== started;
    } catch {
      return true;
    }
  }
}

/**
 * What the page shows, as a hash of its document, URL, language and markup, leaving out what
 * Next.js adds around the content (streamed <script>s, the route announcer) so hydration alone
 * does not count as a new state.
 */
function pageState(): { state: string; address: string } {
  const w = window as Window & { __axeWatchDocument?: string };
  w.__axeWatchDocument ??= Math.random().toString(36).slice(2);
  let hash = 0;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) return add(node.textContent ?? "");
    if (!(node instanceof Element)) return;
    if (node.tagName === "SCRIPT" || node.tagName === "NEXT-ROUTE-ANNOUNCER") return;
    add(`<${node.tagName}`);
    for (const attribute of Array.from(node.attributes)) add(` ${attribute.name}=${attribute.value}`);
    add(">");
    node.childNodes.forEach(walk);
  };
  const root = document.documentElement;
  add(`${location.href} ${document.title} ${root.lang} ${root.dir}`);
  walk(document.body);
  return { state: `${w.__axeWatchDocument} ${hash}`, address: `${w.__axeWatchDocument} ${location.href}` };
}

/** The page a request takes away from its current state, if it is a client navigation or a server action. */
function leavingPage(request: Request): { page: Page; by: "navigation" | "action" } | null {
  if (request.resourceType() !== "fetch") return null;
  const headers = request.headers();
  const action = "next-action" in headers;
  const clientNavigation = "rsc" in headers && !("next-router-prefetch" in headers);
  if (!action && !clientNavigation) return null;
  try {
    const frame = request.frame();
    return frame.parentFrame() === null ? { page: frame.page(), by: action ? "action" : "navigation" } : null;
  } catch {
    // Requests without a frame (service workers) leave nothing.
    return null;
  }
}

export function describeFindings(findings: AxeFinding[]): string[] {
  return findings.map((f) => `[${f.impact}] ${f.rule} at ${f.url}: ${f.help} (${f.helpUrl}) on ${f.targets.join(", ")}`);
}
