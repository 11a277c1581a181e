import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createCase } from "@/lib/cases/commands";
import { sourceCommands, victimCommands } from "@/lib/cases/items";
import type { Result } from "@/lib/result";
import { demoAccounts } from "./demo-accounts";
import { advanceDemoCase, demoJourneys, type DemoActors } from "./demo-lifecycle";
import type { DemoCase } from "./demo-data/build";
import { deirEzZorCases } from "./demo-data/deir-ez-zor";
import { aleppoCases, hasakehCases } from "./demo-data/hasakeh-aleppo";
import { mosulCases } from "./demo-data/mosul";
import { raqqaCases } from "./demo-data/raqqa";

/** About forty invented allegations modelled on the public record (DOMAIN.md), all tagged "demo". */
export const demoCases: DemoCase[] = [...raqqaCases, ...mosulCases, ...deirEzZorCases, ...hasakehCases, ...aleppoCases];

function accepted<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo ${what} was refused: ${JSON.stringify(result)}`);
  return result.value;
}

async function demoActors(db: Db): Promise<DemoActors | null> {
  const wanted = demoAccounts.filter((a) => a.role !== "admin").map((a) => a.email);
  const rows = await db.select().from(users).where(inArray(users.email, wanted));
  const actor = (role: "staff" | "reviewer" | "manager"): Actor | undefined => {
    const row = rows.find((r) => r.role === role && r.disabledAt === null);
    return row && { kind: "user", id: row.id, email: row.email, name: row.name, role: row.role };
  };
  const [staff, reviewer, manager] = [actor("staff"), actor("reviewer"), actor("manager")];
  return staff && reviewer && manager ? { staff, reviewer, manager } : null;
}

/**
 * Files the demo cases through the app's own commands, as the demo staff and reviewer accounts, so
 * references, search text and audit trail are what a person filing them would have produced; then
 * takes each along one of the demo journeys (db/seed/demo-lifecycle.ts), so every stage has cases.
 * Only on a database that has the demo accounts and has never held a case; returns how many it filed.
 */
export async function ensureDemoCases(db: Db): Promise<number> {
  const [anyCase] = await db.select({ id: cases.id }).from(cases).limit(1);
  if (anyCase) return 0;
  const actors = await demoActors(db);
  if (!actors) return 0;
  for (const [index, demo] of demoCases.entries()) {
    const by = actors[demo.filedBy];
    const { id } = accepted(await createCase(db, by, demo.input), `case "${String(demo.input.title)}"`);
    for (const v of demo.victims) accepted(await victimCommands.add(db, by, id, v), "victim");
    // Belligerents' statements are what a reviewer records; everything else is added by whoever filed the case.
    for (const s of demo.sources) accepted(await sourceCommands.add(db, s.type === "belligerent_statement" ? actors.reviewer : by, id, s), "source");
    const number = (v: unknown) => (v === undefined || v === null || v === "" ? null : Number(v));
    await advanceDemoCase(db, actors, id, demoJourneys[index % demoJourneys.length], {
      filer: by,
      incidentDate: String(demo.input.incidentDateFrom),
      killedMin: number(demo.input.killedMin),
      killedMax: number(demo.input.killedMax),
    });
  }
  return demoCases.length;
}

