import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { FormState } from "./form-state";
import { logFault } from "./fault-log";

/**
 * Runs a server action's body; a fault that is not the user's (a dropped connection, a bug) is
 * logged on the server under an id (what failed, never its data) and shown as a plain message, never as a stack or SQL.
 */
export async function guardAction(name: string, body: () => Promise<FormState>): Promise<FormState> {
  try {
    return await body();
  } catch (err) {
    unstable_rethrow(err);
    logFault(`action ${name}`, err);
    return { status: "error", error: "unexpected" };
  }
}
