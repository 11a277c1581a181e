import { z } from "zod";
import { roleValues } from "@/lib/auth/roles";
import { passwordProblem } from "@/lib/auth/password-policy";

// Messages are keys under "errors." in the catalogues, so the form and the API can show them.
export const emailSchema = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

export const nameSchema = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(120, { error: "tooLong" });

export const roleSchema = z.enum(roleValues, { error: "invalidRole" });

export const passwordSchema = z.string({ error: "required" }).min(1, { error: "required" });

export const userIdSchema = z.uuid({ error: "notFound" });

/**
 * The password policy as a check on an object with a password (and perhaps an email). It runs even
 * when another field (a missing or unknown role) has failed, so every field's problems come back at
 * once; an empty password has already been reported as required.
 */
function passwordPolicy(v: { password: string; email?: unknown }, ctx: z.RefinementCtx) {
  if (v.password === "") return;
  const problem = passwordProblem(v.password, { email: typeof v.email === "string" ? v.email : undefined });
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
}
const whenPasswordGiven = {
  when: (payload: { value: unknown }) => typeof (payload.value as { password?: unknown } | undefined)?.password === "string",
};

export const createUserSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema })
  .superRefine(passwordPolicy, whenPasswordGiven);

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

/** The account's email is added by the command (it is not posted) so the policy can refuse a password containing it. */
export const resetPasswordSchema = z
  .object({ userId: userIdSchema, password: passwordSchema, email: z.string().optional() })
  .superRefine(passwordPolicy, whenPasswordGiven);

export type CreateUserInput = z.input<typeof createUserSchema>;
