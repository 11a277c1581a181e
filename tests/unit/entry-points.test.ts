import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/lib/api/routes";
import { entryPoints } from "@/lib/auth/entry-points";
import { permissionTable } from "@/lib/auth/permissions";

const root = path.resolve(import.meta.dirname, "..", "..");

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

/** What the code exposes: exported server actions, route handlers' methods, and the API routes those serve. */
function exposed(): string[] {
  const found: string[] = [];
  for (const file of filesUnder("app")) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (/^\s*["']use server["']/.test(source)) {
      for (const m of source.matchAll(/^export (?:async function|const) (\w+)/gm)) found.push(`action ${file}#${m[1]}`);
    }
    if (file.endsWith("route.ts")) {
      const api = [...source.matchAll(/export const (\w+) = apiRoute\("(\w+)", "([^"]+)"\)/g)];
      for (const m of api) found.push(`api ${m[2]} ${m[3]}`);
      if (api.length === 0) {
        for (const m of source.matchAll(/^export (?:async )?function (GET|HEAD|POST|PUT|PATCH|DELETE)\b/gm)) found.push(`route ${m[1]} ${file}`);
        for (const m of source.matchAll(/^export const \{ ([^}]+) \}/gm)) for (const name of m[1].split(",")) found.push(`route ${name.trim()} ${file}`);
      }
    }
  }
  return found.sort();
}

describe("the registry of entry points", () => {
  it("lists every server action, route handler and API route the code has, and nothing else", () => {
    const listed = entryPoints.map((e) => `${e.kind} ${e.name}`).sort();
    expect(listed).toEqual(exposed());
  });

  it("covers every route of the API's route table", () => {
    const listed = new Set(entryPoints.filter((e) => e.kind === "api").map((e) => e.name));
    for (const r of apiRoutes) expect(listed.has(`${r.method} ${r.path}`), `${r.method} ${r.path}`).toBe(true);
  });

  it("names only permissions the permission table knows", () => {
    for (const e of entryPoints) {
      if (typeof e.rule === "string") continue;
      expect(e.rule.length, e.name).toBeGreaterThan(0);
      for (const p of e.rule) expect(Object.keys(permissionTable), `${e.name}: ${p}`).toContain(p);
    }
  });
});
