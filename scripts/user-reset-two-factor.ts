import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { systemActor } from "@/lib/auth/actor";
import { normaliseEmail } from "@/lib/auth/sign-in";
import { resetTwoFactor } from "@/lib/auth/two-factor";
import { describeFailure, exitWith, loadEnv } from "./cli-support";

const usage = `Removes an account's second factor (its authenticator and recovery codes) and ends its sessions:
for an admin who lost both and cannot sign in, when no other admin can do it from the app.

  npm run user:reset-two-factor -- --email a@b.org

If the organisation requires two-factor sign-in, the person sets up a new one at their next sign-in.
Recorded in the audit trail as done by the command line.`;

loadEnv();
const { values } = (() => {
  try {
    return parseArgs({ options: { email: { type: "string" }, help: { type: "boolean" } } });
  } catch (err) {
    return exitWith(`${(err as Error).message}\n\n${usage}`, 2);
  }
})();
if (values.help) exitWith(usage, 0);
if (!values.email) exitWith(`--email is required.\n\n${usage}`, 2);

try {
  const handle = getDatabase();
  await handle.migrate();
  const email = normaliseEmail(values.email);
  const [account] = await handle.db.select({ id: users.id, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.email, email));
  if (!account) {
    await handle.close();
    exitWith(`No account has the email ${email}.`);
  }
  const result = await resetTwoFactor(handle.db, systemActor("command line"), { userId: account.id });
  await handle.close();
  if (!result.ok) exitWith(`Nothing changed.\n${describeFailure(result)}`);
  console.log(account.enabledAt ? `Second factor removed for ${email}; their sessions have ended.` : `${email} had no second factor; nothing changed.`);
} catch (err) {
  exitWith((err as Error).message);
}
