import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/commands";
import { listUsers } from "@/lib/users/queries";
import { backends } from "../support/databases";

describe.each(backends)("harness on $name", (backend) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await backend.open();
  });
  afterAll(() => handle.close());

  it("creates and lists an account", async () => {
    const r = await createUser(handle.db, systemActor(), { email: "A@b.org", name: "A", role: "staff", password: "a-perfectly-fine-pass" });
    expect(r.ok).toBe(true);
    const list = await listUsers(handle.db, systemActor());
    expect(list.map((u) => u.email)).toEqual(["a@b.org"]);
  });
});
