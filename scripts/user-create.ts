import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { getDatabase } from "@/db/client";
import { systemActor } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/commands";
import { describeFailure, exitWith, loadEnv } from "./cli-support";

const usage = `Creates an account (for instance the first admin of a new database).

  npm run user:create -- --email a@b.org --name "Full Name" --role admin

The password is asked for (twice) on a terminal, or read from the first line of standard input:
  printf '%s\\n' "$PASSWORD" | npm run user:create -- --email … --name … --role …
It is never taken from the command line. Roles: staff, reviewer, manager, admin.`;

loadEnv();
const { values } = (() => {
  try {
    return parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, help: { type: "boolean" } },
    });
  } catch (err) {
    return exitWith(`${(err as Error).message}\n\n${usage}`, 2);
  }
})();
if (values.help) exitWith(usage, 0);
if (!values.email || !values.name || !values.role) exitWith(`--email, --name and --role are all required.\n\n${usage}`, 2);

const password = process.stdin.isTTY ? await promptTwice() : await firstLineOfStdin();

try {
  const handle = getDatabase();
  await handle.migrate();
  const result = await createUser(handle.db, systemActor("command line"), {
    email: values.email,
    name: values.name,
    role: values.role,
    password,
  });
  await handle.close();
  if (!result.ok) exitWith(`Account not created.\n${describeFailure(result)}`);
  console.log(`Account created: ${values.email.trim().toLowerCase()} (${values.role}).`);
} catch (err) {
  exitWith((err as Error).message);
}

async function firstLineOfStdin(): Promise<string> {
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? "";
}

async function promptTwice(): Promise<string> {
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat password: ");
  if (first !== second) exitWith("The two passwords differ. Nothing was created.");
  return first;
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing while the password is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.includes(question)) process.stdout.write(question);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}
