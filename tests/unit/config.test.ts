import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

const SECRET = "s".repeat(32);
const URL = "postgres://app@db.internal:5432/civharm";

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(path.join(tmpdir(), "civharm-config-"));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function configError(env: Record<string, string>): string {
  try {
    parseConfig(env, cwd);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  }
  throw new Error("parseConfig accepted an invalid environment");
}

describe("the embedded default", () => {
  it("keeps data under ./data, in demo mode, with no database URL", () => {
    const config = parseConfig({}, cwd);
    expect(config).toMatchObject({ backend: "embedded", dataDir: path.join(cwd, "data"), demoMode: true });
    expect(config.databaseUrl).toBeUndefined();
  });

  it("generates a secret once, readable by the owner only, and reuses it", () => {
    const first = parseConfig({}, cwd).authSecret;
    const file = path.join(cwd, "data", "auth-secret");
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(parseConfig({}, cwd).authSecret).toBe(first);
  });

  it("generates a different secret for a different data folder", () => {
    const a = parseConfig({ DATA_DIR: "a" }, cwd).authSecret;
    const b = parseConfig({ DATA_DIR: "b" }, cwd).authSecret;
    expect(a).not.toBe(b);
  });

  it("uses AUTH_SECRET when given and writes no secret file", () => {
    expect(parseConfig({ AUTH_SECRET: SECRET }, cwd).authSecret).toBe(SECRET);
    expect(existsSync(path.join(cwd, "data", "auth-secret"))).toBe(false);
  });

  it("resolves DATA_DIR against the working folder, or takes it as given when absolute", () => {
    expect(parseConfig({ DATA_DIR: "state/db" }, cwd).dataDir).toBe(path.join(cwd, "state", "db"));
    const absolute = path.join(cwd, "elsewhere");
    const config = parseConfig({ DATA_DIR: absolute }, cwd);
    expect(config.dataDir).toBe(absolute);
    expect(existsSync(path.join(absolute, "auth-secret"))).toBe(true);
  });

  it("turns demo accounts off with DEMO_MODE=off", () => {
    expect(parseConfig({ DEMO_MODE: "off" }, cwd).demoMode).toBe(false);
  });

  it("flags answers overdue after 90 days unless ANSWER_OVERDUE_DAYS says otherwise, and refuses a bad period by name", () => {
    expect(parseConfig({}, cwd).overdueDays).toBe(90);
    expect(parseConfig({ ANSWER_OVERDUE_DAYS: "30" }, cwd).overdueDays).toBe(30);
    expect(() => parseConfig({ ANSWER_OVERDUE_DAYS: "soon" }, cwd)).toThrow(/ANSWER_OVERDUE_DAYS must be a number of days/);
    expect(() => parseConfig({ ANSWER_OVERDUE_DAYS: "0" }, cwd)).toThrow(/ANSWER_OVERDUE_DAYS must be at least 1/);
  });

  it("trusts no proxy unless TRUSTED_PROXY_HOPS says how many, and refuses a bad count by name", () => {
    expect(parseConfig({}, cwd).trustedProxyHops).toBe(0);
    expect(parseConfig({ TRUSTED_PROXY_HOPS: "2" }, cwd).trustedProxyHops).toBe(2);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "all" }, cwd)).toThrow(/TRUSTED_PROXY_HOPS must be a number of proxies/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "-1" }, cwd)).toThrow(/TRUSTED_PROXY_HOPS must be at least 0/);
    expect(() => parseConfig({ TRUSTED_PROXY_HOPS: "1.5" }, cwd)).toThrow(/TRUSTED_PROXY_HOPS must be a whole number/);
  });

  it("treats blank variables as unset", () => {
    expect(parseConfig({ DATABASE_URL: " ", AUTH_SECRET: "", DATA_DIR: "" }, cwd)).toMatchObject({
      backend: "embedded",
      dataDir: path.join(cwd, "data"),
    });
  });
});

describe("a PostgreSQL server", () => {
  it("is used when DATABASE_URL is set, never in demo mode", () => {
    const config = parseConfig({ DATABASE_URL: URL, AUTH_SECRET: SECRET, DEMO_MODE: "on" }, cwd);
    expect(config).toMatchObject({ backend: "postgres", databaseUrl: URL, authSecret: SECRET, demoMode: false });
  });

  it("requires AUTH_SECRET", () => {
    expect(configError({ DATABASE_URL: URL })).toContain("AUTH_SECRET");
  });

  it("refuses a URL that is not a PostgreSQL connection URL", () => {
    const message = configError({ DATABASE_URL: "mysql://app@db.internal/civharm", AUTH_SECRET: SECRET });
    expect(message).toContain("DATABASE_URL");
    expect(message).not.toContain("AUTH_SECRET");
  });
});

describe("invalid settings", () => {
  it("refuses an AUTH_SECRET shorter than 32 characters", () => {
    expect(configError({ AUTH_SECRET: "s".repeat(31) })).toContain("AUTH_SECRET");
  });

  it("refuses an unknown DEMO_MODE", () => {
    expect(configError({ DEMO_MODE: "yes" })).toContain("DEMO_MODE");
  });

  it("names every wrong variable at once", () => {
    const message = configError({ DATABASE_URL: "localhost:5432", AUTH_SECRET: "short", DEMO_MODE: "maybe" });
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "DEMO_MODE"]) expect(message).toContain(name);
  });
});
