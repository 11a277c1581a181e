import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseEvidenceConfig, type EvidenceConfig } from "./evidence/config";

export type AppConfig = {
  /** "postgres" when DATABASE_URL names a server, "embedded" for PGlite under dataDir. */
  backend: "postgres" | "embedded";
  databaseUrl?: string;
  dataDir: string;
  authSecret: string;
  demoMode: boolean;
  /** Where evidence files are stored and how large one may be (lib/evidence/config.ts). */
  evidence: EvidenceConfig;
  /** Days a case may wait on the belligerent's answer before it is flagged overdue. */
  overdueDays: number;
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/auth/client-address.ts). */
  trustedProxyHops: number;
};

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .trim()
      .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// connection URL")
      .optional(),
    DATA_DIR: z.string().trim().min(1, "must not be empty").optional(),
    AUTH_SECRET: z.string().trim().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional(),
    DEMO_MODE: z.enum(["on", "off"], "must be 'on' or 'off'").optional(),
    ANSWER_OVERDUE_DAYS: z.coerce.number("must be a number of days").int("must be a whole number of days").min(1, "must be at least 1").max(3650, "must be at most 3650").optional(),
    TRUSTED_PROXY_HOPS: z.coerce.number("must be a number of proxies").int("must be a whole number of proxies").min(0, "must be at least 0").max(10, "must be at most 10").optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required when DATABASE_URL is set (try: openssl rand -base64 32)",
      });
    }
  });

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment. Throws ConfigError naming every variable that is wrong. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const blankToUndefined = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v);
  const parsed = envSchema.safeParse({
    DATABASE_URL: blankToUndefined(env.DATABASE_URL),
    DATA_DIR: blankToUndefined(env.DATA_DIR),
    AUTH_SECRET: blankToUndefined(env.AUTH_SECRET),
    DEMO_MODE: blankToUndefined(env.DEMO_MODE),
    ANSWER_OVERDUE_DAYS: blankToUndefined(env.ANSWER_OVERDUE_DAYS),
    TRUSTED_PROXY_HOPS: blankToUndefined(env.TRUSTED_PROXY_HOPS),
  });
  const evidenceProblems = (dataDir: string) => {
    const evidence = parseEvidenceConfig(env, dataDir, cwd);
    return evidence.ok ? [] : evidence.problems;
  };
  if (!parsed.success) {
    throw new ConfigError([
      ...parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`),
      ...evidenceProblems(path.resolve(cwd, "data")),
    ]);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR ?? "data");
  const evidence = parseEvidenceConfig(env, dataDir, cwd);
  if (!evidence.ok) throw new ConfigError(evidence.problems);
  const backend = e.DATABASE_URL ? "postgres" : "embedded";
  return {
    backend,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    authSecret: e.AUTH_SECRET ?? embeddedAuthSecret(dataDir),
    // Demo accounts are only ever made on the embedded default, never on a named server.
    demoMode: backend === "embedded" && e.DEMO_MODE !== "off",
    evidence: evidence.config,
    overdueDays: e.ANSWER_OVERDUE_DAYS ?? 90,
    trustedProxyHops: e.TRUSTED_PROXY_HOPS ?? 0,
  };
}

/** The embedded default keeps one generated secret in the data folder so sessions survive restarts. */
function embeddedAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  const existing = existsSync(file) ? readFileSync(file, "utf8").trim() : "";
  if (existing.length >= 32) return existing;
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    // "wx" unless a half-written file (a crash mid-write) is being replaced.
    writeFileSync(file, secret, { mode: 0o600, flag: existsSync(file) ? "w" : "wx" });
    return secret;
  } catch {
    // Another process wrote it first: use theirs.
    return readFileSync(file, "utf8").trim();
  }
}

const globalForConfig = globalThis as unknown as { __appConfig?: AppConfig };

export function getConfig(): AppConfig {
  globalForConfig.__appConfig ??= parseConfig(process.env);
  return globalForConfig.__appConfig;
}
