/** The four roles of DOMAIN.md, in order of reach (admin stands apart: accounts only). */
export const roleValues = ["staff", "reviewer", "manager", "admin"] as const;
export type Role = (typeof roleValues)[number];
