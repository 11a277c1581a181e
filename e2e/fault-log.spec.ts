import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { expect, test } from "./fixtures";
import { submitSignIn } from "./support/accounts";
import { freshPostgresDatabase, runTsx, startServer, stop, waitUntilUp } from "./support/own-server";

test("a page whose database read fails logs a fault id and the statement, not what was searched for", async ({ backend, browser }, testInfo) => {
  // Breaking the schema under a running server takes a second connection, which PGlite does not allow.
  test.skip(backend === "embedded", "needs a second connection to the running server's database");
  test.setTimeout(180_000);
  const database = await freshPostgresDatabase("civharm_faults");
  const env = { DATABASE_URL: database.url, DATA_DIR: testInfo.outputPath("data") };
  const server = startServer(3122, env);
  try {
    const prepared = runTsx("e2e/support/own-server-prepare.ts", [], env);
    expect(prepared.code, prepared.stderr).toBe(0);
    const { email, password } = JSON.parse(prepared.stdout.trim().split("\n").pop() as string) as { email: string; password: string };
    await waitUntilUp(server);
    const context = await browser.newContext({ baseURL: server.origin });
    const page = await context.newPage();
    await page.goto("/login");
    await submitSignIn(page, email, password);
    await expect(page.getByTestId("signed-in-user")).toBeVisible();

    // The list's search now fails in PostgreSQL, with the searched name among its parameters.
    const client = new Client({ connectionString: database.url });
    await client.connect();
    await client.query("alter table cases rename column search_text to search_text_gone");
    await client.end();
    const searched = `Fadwa${randomBytes(4).toString("hex")}`;
    const answer = await page.goto(`/cases?q=${searched}`);
    expect(answer?.status()).toBe(500);

    await expect.poll(server.stderr, { timeout: 15_000 }).toMatch(/fault [0-9a-f]{8}: database statement [a-z ]+ cases failed \(SQLSTATE 42703\)/);
    // The list lower-cases the search before it reaches PostgreSQL.
    expect(server.stderr().toLowerCase()).not.toContain(searched.toLowerCase());
    expect(server.stderr()).not.toContain("Failed query");
    await context.close();
  } finally {
    await stop(server, "SIGTERM");
    await database.drop();
  }
});
