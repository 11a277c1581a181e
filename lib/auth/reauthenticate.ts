import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { fail, type Failure } from "@/lib/result";
import type { Principal } from "./actor";
import { verifyPassword } from "./passwords";

/**
 * Sensitive account changes (a role, access, a password) ask the admin for their own password
 * again, in the same form: a session left open on a shared computer cannot hand out access. A
 * wrong password is an audit event. The command line (a system principal, run by an operator on
 * the server) is not asked. Returns the refusal, or null when the caller is confirmed.
 */
export async function confirmIdentity(db: Db, by: Principal, input: unknown): Promise<Failure | null> {
  if (by.kind !== "user") return null;
  const given = (input as { yourPassword?: unknown } | null)?.yourPassword;
  if (typeof given !== "string" || given === "") return fail("invalidInput", { yourPassword: ["required"] });
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, by.id));
  if (row && (await verifyPassword(row.passwordHash, given))) return null;
  await recordAudit(db, { actor: by, action: "auth.reauthentication_failed", entityType: "user", entityId: by.id, subject: by.email });
  return fail("invalidInput", { yourPassword: ["wrongPassword"] });
}
