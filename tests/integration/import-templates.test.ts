import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { previewImport } from "@/lib/import/preview";
import { listTemplates, saveTemplate } from "@/lib/import/templates";
import { addAccount } from "../support/accounts";
import { backends } from "../support/databases";
import { auditEventsWithAction } from "../support/rows";

// A file of another monitor's shape: headers no guess knows, values outside our lists, dates month first.
const headers = ["Ref", "When", "Gov", "Who", "How", "Dead"];
const file = (suffix: string) =>
  Buffer.from(`${headers.join(",")}\nX-${suffix}-1,06/14/2017,Raqqa,Coalition forces,Air raid,3-4\nX-${suffix}-2,06/15/2017,Raqqa,Coalition forces,Air raid,1\n`);

describe.each(backends)("import templates on $name", (backend) => {
  let handle: DatabaseHandle;
  let manager: Actor;
  beforeAll(async () => {
    handle = await backend.open();
    manager = await addAccount(handle.db, "manager");
  });
  afterAll(() => handle.close());

  const template = (name: string) => ({
    name,
    headers,
    mapping: { 0: "externalCode", 1: "incidentDateFrom", 2: "governorate", 3: "belligerents", 4: "means", 5: "killed" },
    rules: { dateOrder: "mdy", values: { belligerents: { "Coalition forces": "coalition" }, means: { "Air raid": "airstrike" } } },
  });

  it("is saved under a name, audited, and used for the next file of its shape, values mapped and dates read month first", async () => {
    const name = `Monitor ${randomBytes(3).toString("hex")}`;
    const bytes = file(name);
    const unknown = await previewImport(handle.db, manager, { bytes });
    // Only "Ref" is a header the guess knows: every row lacks its date, place and lists.
    expect(unknown).toMatchObject({ ok: true, value: { template: null, mapping: { 0: "externalCode" }, validRows: 0, invalidRows: 2 } });

    expect(await saveTemplate(handle.db, manager, template(name))).toMatchObject({ ok: true, value: { version: 1 } });
    const event = (await auditEventsWithAction(handle.db, "import.template_saved")).at(-1);
    expect(event).toMatchObject({ actorId: manager.id, subject: name, changes: { rules: { to: { dateOrder: "mdy" } } } });

    const preview = await previewImport(handle.db, manager, { bytes });
    expect(preview).toMatchObject({ ok: true, value: { template: { name }, validRows: 2, invalidRows: 0 } });
    if (!preview.ok) return;
    expect(preview.value.firstRows[0].input).toMatchObject({ incidentDateFrom: "2017-06-14", belligerents: ["coalition"], means: ["airstrike"], killedMin: 3, killedMax: 4, governoratePcode: "SY11" });

    // Saving under the same name replaces it, one version on.
    expect(await saveTemplate(handle.db, manager, { ...template(name), rules: { dateOrder: "mdy", values: {} } })).toMatchObject({ ok: true, value: { version: 2 } });
    expect((await listTemplates(handle.db, manager)).filter((t) => t.name === name)).toHaveLength(1);
    expect(await previewImport(handle.db, manager, { bytes })).toMatchObject({ ok: true, value: { validRows: 0, invalidRows: 2 } });
  });

  it("cannot extend a closed list, name a column the file lacks or give one field twice", async () => {
    const name = `Bad ${randomBytes(3).toString("hex")}`;
    const t = template(name);
    expect(await saveTemplate(handle.db, manager, { ...t, rules: { dateOrder: "mdy", values: { means: { "Air raid": "napalm" } } } })).toMatchObject({ ok: false, error: "invalidInput" });
    expect(await saveTemplate(handle.db, manager, { ...t, rules: { dateOrder: "mdy", values: { weapons: {} } } })).toMatchObject({ ok: false, error: "invalidInput" });
    expect(await saveTemplate(handle.db, manager, { ...t, mapping: { 9: "title" } })).toMatchObject({ ok: false, fieldErrors: { mapping: ["invalid"] } });
    expect(await saveTemplate(handle.db, manager, { ...t, mapping: { 0: "title", 1: "title" } })).toMatchObject({ ok: false, fieldErrors: { mapping: ["fieldTwice"] } });
    expect(await saveTemplate(handle.db, manager, { ...t, name: " " })).toMatchObject({ ok: false, fieldErrors: { name: ["required"] } });
    expect(await saveTemplate(handle.db, await addAccount(handle.db, "staff"), t)).toMatchObject({ ok: false, error: "forbidden" });
    expect((await listTemplates(handle.db, manager)).some((x) => x.name === name)).toBe(false);
  });
});
