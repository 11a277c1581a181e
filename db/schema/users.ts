import { sql } from "drizzle-orm";
import { roleValues, type Role } from "@/lib/auth/roles";
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", roleValues);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
    /** Stored trimmed and lower-cased; see normaliseEmail(). */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Bumped when a password is reset or the account disabled: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** The TOTP key of two-factor sign-in, sealed with the app's secret (lib/auth/sealed.ts); null when not set up. */
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last 30-second step whose code was accepted: a code is good once, not again while it is shown. */
    totpLastStep: integer("totp_last_step"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);

/**
 * Sessions ended by signing out, until they would have expired anyway: a copy of the session cookie
 * (taken from a shared computer, a proxy log) opens nothing once its owner has signed out.
 */
export const revokedSessions = pgTable(
  "revoked_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("revoked_sessions_expires_idx").on(t.expiresAt)],
);

/**
 * One-time recovery codes of two-factor sign-in (for a lost phone): only their SHA-256 is kept (each
 * is 50 random bits, shown once), and a used code is marked, never deleted, until new ones replace them.
 */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/** The organisation's settings: one row (id 1), absent until an admin first changes one. */
export const organisationSettings = pgTable(
  "organisation_settings",
  {
    id: smallint("id").primaryKey().default(1),
    /** Everyone signs in with a second factor; accounts without one set it up at their next sign-in. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("organisation_settings_one_row", sql`${t.id} = 1`)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export { roleValues, type Role };
