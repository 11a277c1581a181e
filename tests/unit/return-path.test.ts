import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/return-path";
import { directionOf, localeFromAcceptLanguage } from "@/lib/i18n/locales";

describe("safeReturnPath", () => {
  it.each(["/", "/cases/42", "/admin/users?page=2#top", "/cases/%2F"])("keeps the path %s on this site", (value) => {
    expect(safeReturnPath(value)).toBe(value);
  });

  it.each([
    "//evil.com",
    "//evil.com/login",
    "https://evil.com",
    "http://evil.com/cases",
    "javascript:alert(1)",
    "/\\evil.com",
    "evil.com",
    "/login",
    "/login?callbackUrl=/cases",
    "/api/auth/signout",
    "/\t/evil.com",
    "/\n/evil.com",
  ])("sends %s home instead", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it.each([null, undefined, ""])("sends %s home", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["ar-SA,ar;q=0.9,en;q=0.8", "ar"],
    ["AR", "ar"],
    ["fr-FR, fr;q=0.9, en-GB;q=0.8, ar;q=0.5", "en"],
    ["de-DE, ar-EG;q=0.7", "ar"],
    ["de, fr", "en"],
    ["en;q=0.1, ar;q=0.9", "ar"],
    ["arn, en;q=0.5", "en"],
    ["ar;q=0", "en"],
    ["", "en"],
    [null, "en"],
  ] as const)("reads %s as %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});

describe("directionOf", () => {
  it("writes Arabic right to left and English left to right", () => {
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
  });
});
