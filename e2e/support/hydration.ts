import { errors, type BrowserContext, type Page } from "@playwright/test";

const HYDRATION_WAIT_MS = 15_000;

/**
 * Makes `page.goto` of an HTML page return only once React has attached its event handlers to the
 * document. A click before that is lost on a client-side button (and a form is posted without
 * script); on a slow machine Playwright can click that early. Every page of the context, present
 * and future.
 */
export function gotoWaitsForHydration(context: BrowserContext): void {
  for (const page of context.pages()) wrapGoto(page);
  context.on("page", wrapGoto);
}

const wrapped = new WeakSet<Page>();

function wrapGoto(page: Page): void {
  if (wrapped.has(page)) return;
  wrapped.add(page);
  const goto = page.goto;
  page.goto = async (url, options) => {
    const response = await goto.call(page, url, options);
    if (response?.headers()["content-type"]?.startsWith("text/html")) {
      // React marks the root it listens on (here the document) with a property named _reactListening….
      // A page that moves on meanwhile is fine; one that never becomes interactive fails the test.
      await page
        .waitForFunction(() => Object.keys(document).some((key) => key.startsWith("_reactListening")), undefined, {
          timeout: HYDRATION_WAIT_MS,
        })
        .catch((err: unknown) => {
          if (err instanceof errors.TimeoutError) throw new Error(`${page.url()}: React did not take over the page within ${HYDRATION_WAIT_MS} ms`);
        });
    }
    return response;
  };
}
