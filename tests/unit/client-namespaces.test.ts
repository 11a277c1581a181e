import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogues";
import { clientMessages, clientNamespaces, type ClientArea } from "@/lib/i18n/client-namespaces";

const areas = Object.keys(clientNamespaces) as ClientArea[];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("messages sent to the browser", () => {
  it("name only namespaces both catalogues have", () => {
    for (const area of areas) {
      for (const name of clientNamespaces[area]) {
        expect(catalogues.en[name], `${area}: ${name}`).toBeTypeOf("object");
        expect(catalogues.ar[name], `${area}: ${name}`).toBeTypeOf("object");
      }
    }
  });

  it("are the area's namespaces and those needed everywhere, whole, and nothing else", () => {
    const picked = clientMessages(catalogues.ar, "accounts");
    expect(Object.keys(picked).sort()).toEqual(["accounts", "errorPage", "errors", "roles"]);
    expect(picked.accounts).toEqual(catalogues.ar.accounts);
    expect(picked).not.toHaveProperty("summaries");
  });

  it("leave most of the catalogue on the server for every area", () => {
    const size = (m: object) => JSON.stringify(m).length;
    for (const area of areas) expect(size(clientMessages(catalogues.en, area)), area).toBeLessThan(size(catalogues.en) / 2);
  });

  it("include every namespace a client component names (the end-to-end tests catch the rest: I18N_STRICT)", () => {
    const named = new Set<string>(areas.flatMap((area) => clientNamespaces[area]));
    const clientFiles = [...sourceFiles("components"), ...sourceFiles("app")].filter((f) => readFileSync(f, "utf8").startsWith('"use client"'));
    expect(clientFiles.length).toBeGreaterThan(10);
    for (const file of clientFiles) {
      for (const [, name] of readFileSync(file, "utf8").matchAll(/useTranslations\("([^".]+)/g)) expect(named.has(name), `${file}: ${name}`).toBe(true);
    }
  });
});
