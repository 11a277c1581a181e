/** The database the PostgreSQL end-to-end server runs on: same server as TEST_DATABASE_URL, its own name. */
export const E2E_DATABASE = "civharm_e2e";

export function e2eDatabaseUrl(testDatabaseUrl: string): string {
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${E2E_DATABASE}`;
  return url.toString();
}
