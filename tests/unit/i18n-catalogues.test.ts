import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import { permissionTable } from "@/lib/auth/permissions";
import { roleValues } from "@/lib/auth/roles";

type Tree = { [key: string]: string | Tree };
const { en, ar } = catalogues;

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe("message catalogues", () => {
  const english = leaves(en);
  const arabic = leaves(ar);

  it("have the same keys in English and Arabic", () => {
    expect([...arabic.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("have no empty message", () => {
    for (const [key, text] of [...english, ...arabic]) expect(text.trim(), key).not.toBe("");
  });

  it("translate every Arabic message into Arabic script", () => {
    // Placeholders and punctuation need no translation ("{field}: {to}"); any words do.
    const words = (text: string) => text.replace(/\{[^}]*\}/g, "").replace(/[^\p{L}]/gu, "");
    const notArabic = [...arabic].filter(
      ([key, text]) => words(text) !== "" && !/[\u0600-\u06FF]/.test(text) && key !== "shell.switchLanguage",
    );
    expect(notArabic).toEqual([]);
  });

  it("have no key with a dot, which next-intl would read as nesting", () => {
    for (const key of english.keys()) expect(key.split(".").every((part) => part.length > 0), key).toBe(true);
  });

  it("name every role and every permission", () => {
    for (const role of roleValues) expect(english.has(`roles.${role}`), role).toBe(true);
    for (const permission of Object.keys(permissionTable)) expect(english.has(`permissions.${permission}`), permission).toBe(true);
  });
});
