import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { addAccount } from "../support/accounts";
import { appliedMigrations, columnsOf, committedMigrations } from "../support/catalog";
import { backends } from "../support/databases";
import { allUsers } from "../support/rows";

describe.each(backends)("migrations on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await backend.open({ migrate: false });
  });
  afterEach(() => handle.close());

  it("create the accounts table in an empty database", async () => {
    expect(await columnsOf(handle.db, "users")).toEqual([]);
    await handle.migrate();
    // Later migrations may add columns; these are the ones the accounts code relies on.
    expect(await columnsOf(handle.db, "users")).toEqual(
      expect.arrayContaining([
        { name: "id", type: "uuid", nullable: false },
        { name: "email", type: "text", nullable: false },
        { name: "name", type: "text", nullable: false },
        { name: "role", type: "USER-DEFINED", nullable: false },
        { name: "password_hash", type: "text", nullable: false },
        { name: "disabled_at", type: "timestamp with time zone", nullable: true },
        { name: "session_version", type: "integer", nullable: false },
        { name: "created_at", type: "timestamp with time zone", nullable: false },
        { name: "updated_at", type: "timestamp with time zone", nullable: false },
      ]),
    );
  });

  it("create the audit trail table", async () => {
    await handle.migrate();
    expect(await columnsOf(handle.db, "audit_events")).toEqual(
      expect.arrayContaining([
        { name: "id", type: "bigint", nullable: false },
        { name: "at", type: "timestamp with time zone", nullable: false },
        { name: "actor_id", type: "uuid", nullable: true },
        { name: "actor_label", type: "text", nullable: false },
        { name: "action", type: "text", nullable: false },
        { name: "entity_type", type: "text", nullable: false },
        { name: "entity_id", type: "text", nullable: true },
        { name: "subject", type: "text", nullable: true },
        { name: "client_address", type: "text", nullable: true },
        { name: "changes", type: "jsonb", nullable: true },
        { name: "reason", type: "text", nullable: true },
      ]),
    );
  });

  it("record each committed migration once", async () => {
    await handle.migrate();
    expect(await handle.db.select().from(appliedMigrations)).toHaveLength(committedMigrations.length);
  });

  it("do nothing the second time, keeping the data", async () => {
    await handle.migrate();
    const account = await addAccount(handle.db, "admin");
    const before = await handle.db.select().from(appliedMigrations);

    await handle.migrate();

    expect(await handle.db.select().from(appliedMigrations)).toEqual(before);
    expect((await allUsers(handle.db)).map((u) => u.id)).toEqual([account.id]);
  });
});

// Only a PostgreSQL server can have several app replicas start at once (an embedded data folder
// admits one process), so this runs on the PostgreSQL back end alone.
describe.each(backends.filter((b) => b.name === "postgres"))("migrations on $name, from two replicas at once", (backend) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await backend.open({ migrate: false });
  });
  afterEach(() => handle.close());

  it("take turns and apply each migration once", async () => {
    await Promise.all([handle.migrate(), handle.migrate(), handle.migrate()]);
    expect(await handle.db.select().from(appliedMigrations)).toHaveLength(committedMigrations.length);
    expect(await columnsOf(handle.db, "users")).not.toEqual([]);
  });
});
