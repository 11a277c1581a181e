import { Client } from "pg";

/** The accounts the synthetic cases are filed, reviewed and assigned by. */
export const benchAccounts = [
  { email: "bench-staff-1@bench.example", name: "Bench Staff One", role: "staff" },
  { email: "bench-staff-2@bench.example", name: "Bench Staff Two", role: "staff" },
  { email: "bench-staff-3@bench.example", name: "Bench Staff Three", role: "staff" },
  { email: "bench-reviewer-1@bench.example", name: "Bench Reviewer One", role: "reviewer" },
  { email: "bench-reviewer-2@bench.example", name: "Bench Reviewer Two", role: "reviewer" },
  { email: "bench-manager@bench.example", name: "Bench Manager", role: "manager" },
] as const;

export const DEFAULT_BENCH_URL = "postgres://postgres@127.0.0.1:5432/civharm_bench";

/** The --database-url option, or BENCH_DATABASE_URL, or a local civharm_bench database. */
export function benchUrl(option: string | undefined): string {
  return option ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
}

/** Creates the database named in `url` if it is missing (dropping it first when `fresh`), through the server's maintenance database. */
export async function ensureDatabase(url: string, fresh: boolean): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name: ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (fresh) await client.query(`drop database if exists ${name} with (force)`);
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}
