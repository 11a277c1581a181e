import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/password-policy";

// Twelve different characters outside the Basic Multilingual Plane: two UTF-16 units each.
const emoji = [..."🌍🌎🌏🌕🌖🌗🌘🌑🌒🌓🌔🌙"];
const arabic = [..."كلمةسريطويلج"];
const passphrase = "violet tractor hums at dawn";

describe("passwordProblem", () => {
  it("accepts a good passphrase", () => {
    expect(passwordProblem(passphrase)).toBeNull();
    expect(passwordProblem(passphrase, { email: "amal.haddad@example.org" })).toBeNull();
  });

  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", () => {
    expect(emoji).toHaveLength(12);
    expect(arabic).toHaveLength(12);
    expect(passwordProblem("violet-tra1")).toBe("passwordTooShort");
    expect(passwordProblem(emoji.slice(0, 11).join(""))).toBe("passwordTooShort");
    expect(passwordProblem(arabic.slice(0, 11).join(""))).toBe("passwordTooShort");
  });

  it("accepts exactly 12 characters of any script", () => {
    expect(passwordProblem(emoji.join(""))).toBeNull();
    expect(passwordProblem(arabic.join(""))).toBeNull();
    expect(passwordProblem("violet-tra1x")).toBeNull();
  });

  it("refuses more than 256 characters and accepts 256", () => {
    const long = `${passphrase} `.repeat(20);
    expect(passwordProblem(long.slice(0, 256))).toBeNull();
    expect(passwordProblem(long.slice(0, 257))).toBe("passwordTooLong");
  });

  it.each(["qwerty123456", "QWERTY123456", "Password1234!", "1234PASSWORD", "aaaaaaaaaaaa", "abababababab"])(
    "refuses the common password %s",
    (password) => {
      expect(passwordProblem(password)).toBe("passwordCommon");
    },
  );

  it("refuses a password containing the local part of the account's email, in any case", () => {
    expect(passwordProblem("my name is amal.haddad!", { email: "amal.haddad@example.org" })).toBe("passwordContainsEmail");
    expect(passwordProblem("AMAL.HADDAD rides at dawn", { email: "Amal.Haddad@example.org" })).toBe("passwordContainsEmail");
    expect(passwordProblem("my name is amal.haddad!")).toBeNull();
  });
});
