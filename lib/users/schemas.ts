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

export const createUserSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});

export const resetPasswordSchema = z
  .object({ userId: userIdSchema, password: passwordSchema })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type CreateUserInput = z.input<typeof createUserSchema>;
