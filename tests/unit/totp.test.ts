import { describe, expect, it } from "vitest";
import { seal, sealForAWhile, unseal, unsealInTime } from "@/lib/auth/sealed";
import { acceptedStep, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpAddress, totpCode } from "@/lib/auth/totp";

// RFC 6238 appendix B: the SHA-1 key "12345678901234567890"; six-digit codes are the last six of its eight.
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const rfcVectors: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe("authenticator codes", () => {
  it.each(rfcVectors)("at %i seconds the code is %s, as in RFC 6238", (seconds, code) => {
    expect(totpCode(RFC_KEY, at(seconds))).toBe(code);
  });

  it("accepts the code of this step, the one before and the one after, naming the step", () => {
    const now = at(1_800_000_015);
    const step = 60_000_000;
    expect(acceptedStep(RFC_KEY, totpCode(RFC_KEY, now), null, now)).toBe(step);
    expect(acceptedStep(RFC_KEY, totpCode(RFC_KEY, at(1_800_000_015 - 30)), null, now)).toBe(step - 1);
    expect(acceptedStep(RFC_KEY, totpCode(RFC_KEY, at(1_800_000_015 + 30)), null, now)).toBe(step + 1);
    expect(acceptedStep(RFC_KEY, totpCode(RFC_KEY, at(1_800_000_015 - 60)), null, now)).toBeNull();
  });

  it("refuses a code of a step already used, and anything that is not six digits", () => {
    const now = at(1_800_000_015);
    const code = totpCode(RFC_KEY, now);
    expect(acceptedStep(RFC_KEY, code, 60_000_000, now)).toBeNull();
    expect(acceptedStep(RFC_KEY, ` ${code.slice(0, 3)} ${code.slice(3)} `, 59_999_999, now)).toBe(60_000_000);
    for (const bad of ["", "12345", "1234567", "abcdef", "12345\u0000", "١٢٣٤٥"]) expect(acceptedStep(RFC_KEY, bad, null, now)).toBeNull();
  });

  it("reads a code typed in Arabic-Indic or Persian digits", () => {
    const now = at(1_800_000_015);
    const code = totpCode(RFC_KEY, now);
    const arabic = [...code].map((d) => String.fromCharCode(0x660 + Number(d))).join("");
    const persian = [...code].map((d) => String.fromCharCode(0x6f0 + Number(d))).join("");
    expect(acceptedStep(RFC_KEY, arabic, null, now)).toBe(60_000_000);
    expect(acceptedStep(RFC_KEY, persian, null, now)).toBe(60_000_000);
  });

  it("makes a new 160-bit key each time and an otpauth address apps can read", () => {
    const [a, b] = [newTotpSecret(), newTotpSecret()];
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(a).not.toBe(b);
    const address = new URL(totpAddress(a, "rana@example.org"));
    expect(address.protocol).toBe("otpauth:");
    expect(address.searchParams.get("secret")).toBe(a);
    expect(address.searchParams.get("digits")).toBe("6");
    expect(decodeURIComponent(address.pathname)).toContain("rana@example.org");
  });
});

describe("recovery codes", () => {
  it("are ten different codes, each matched however it is typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const [code] = codes;
    expect(recoveryCodeHash(code.toUpperCase().replace("-", " "))).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(code.replace("-", ""))).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(codes[1])).not.toBe(recoveryCodeHash(code));
  });
});

describe("sealed values", () => {
  it("open only for the purpose they were sealed for, and not once altered", () => {
    const sealed = seal("sign-in-ticket", { userId: "u1" });
    expect(unseal("sign-in-ticket", sealed)).toEqual({ userId: "u1" });
    expect(unseal("enrolment-ticket", sealed)).toBeNull();
    const raw = Buffer.from(sealed, "base64url");
    raw[raw.length - 1] ^= 1;
    expect(unseal("sign-in-ticket", raw.toString("base64url"))).toBeNull();
    expect(unseal("sign-in-ticket", sealed, "another-secret-of-at-least-thirty-two-chars")).toBeNull();
    for (const junk of [undefined, 42, "", "x".repeat(9000), "not sealed"]) expect(unseal("sign-in-ticket", junk)).toBeNull();
  });

  it("do not reveal what they hold", () => {
    expect(seal("totp-secret", "JBSWY3DPEHPK3PXP")).not.toContain("JBSWY3DP");
  });

  it("stop opening once their time is up", () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const sealed = sealForAWhile("sign-in-ticket", { userId: "u1" }, 300, now);
    expect(unsealInTime("sign-in-ticket", sealed, new Date(now.getTime() + 299_000))).toMatchObject({ userId: "u1" });
    expect(unsealInTime("sign-in-ticket", sealed, new Date(now.getTime() + 301_000))).toBeNull();
  });
});
