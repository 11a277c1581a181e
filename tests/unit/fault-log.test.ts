import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { describeFault, logFault, statementName } from "@/lib/fault-log";

describe("the fault log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("names a failed statement and its SQLSTATE but never its parameters or PostgreSQL's message", () => {
    const cause = Object.assign(new Error('unsupported Unicode escape sequence: {"nameLatin":"Hamoud al-Ali"}'), { code: "22P05" });
    const err = new DrizzleQueryError('insert into "audit_events" ("actor_id", "changes") values ($1, $2)', ["u1", { nameLatin: "Hamoud al-Ali" }], cause);
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    const id = logFault("api POST /api/v1/cases/x/victims", err);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(id);
    expect(lines[0]).toContain("insert into audit_events");
    expect(lines[0]).toContain("22P05");
    expect(lines[0]).not.toContain("Hamoud");
  });

  it("gives an ordinary error's kind and where it was thrown, not its message", () => {
    const text = describeFault(new SyntaxError('Unexpected token in JSON: "Fatima al-Hassan"'));
    expect(text).toMatch(/^SyntaxError\n\s+at /);
    expect(text).not.toContain("Fatima");
  });

  it("reads the verb and the table of a statement", () => {
    expect(statementName('select "id" from "users" where "id" = $1')).toBe("select from users");
    expect(statementName('update "cases" set "title" = $1')).toBe("update cases");
    expect(statementName('delete from "victims" where "id" = $1')).toBe("delete from victims");
  });
});
