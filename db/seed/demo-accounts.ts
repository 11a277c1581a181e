import type { Db } from "@/db/client";
import type { Role } from "@/lib/auth/roles";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/commands";
import { hasAnyUser } from "@/lib/users/queries";

/** The shared password of the demo accounts, listed in the README. Embedded demo mode only. */
export const DEMO_PASSWORD = "civilian-harm-demo";

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: "staff@demo.example", name: "Amal Haddad", role: "staff" },
  { email: "reviewer@demo.example", name: "Karim Saleh", role: "reviewer" },
  { email: "manager@demo.example", name: "Layla Nasser", role: "manager" },
  { email: "admin@demo.example", name: "Yusuf Darwish", role: "admin" },
];

/** On an empty database, one account per role. Returns whether it created them. */
export async function ensureDemoAccounts(db: Db): Promise<boolean> {
  if (await hasAnyUser(db)) return false;
  for (const account of demoAccounts) {
    const result = await createUser(db, systemActor("demo seed"), { ...account, password: DEMO_PASSWORD });
    if (!result.ok) throw new Error(`Demo account ${account.email} was refused: ${JSON.stringify(result)}`);
  }
  return true;
}
