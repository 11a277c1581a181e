import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor, type Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/roles";
import { createUser } from "@/lib/users/commands";

/** The password every account made by addAccount() has unless told otherwise. */
export const TEST_PASSWORD = "violet tractor hums at dawn";

/** Creates an account through the real command (as the system) and returns it as a signed-in Actor. */
export async function addAccount(
  db: Db,
  role: Role,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<Actor> {
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@example.org`;
  const name = overrides.name ?? `Test ${role} ${email.slice(0, 4)}`;
  const result = await createUser(db, systemActor("test setup"), {
    email,
    name,
    role,
    password: overrides.password ?? TEST_PASSWORD,
  });
  if (!result.ok) throw new Error(`test account refused: ${JSON.stringify(result)}`);
  const [row] = await db.select().from(users).where(eq(users.id, result.value.id));
  return { kind: "user", id: row.id, email: row.email, name: row.name, role: row.role };
}
