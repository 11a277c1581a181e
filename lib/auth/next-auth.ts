import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db/client";
import { getConfig } from "@/lib/config";
import { clientAddressFrom } from "./client-address";
import { attemptSignIn, completeSignIn, type SignInRefusal } from "./sign-in";
import { logFault } from "@/lib/fault-log";
import { accountOfClaim, claimOf } from "./session-account";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
    /** This sign-in's own id, kept for the session's life: signing out revokes it (lib/auth/sessions.ts). */
    sessionId?: string;
    /** When this sign-in happened (epoch seconds): it ends SESSION_MAX_AGE_SECONDS later, however often it is refreshed. */
    signedInAt?: number;
  }
}

/** The reason a sign-in failed travels to the form as this code; each has a message in the catalogues. */
class SignInRefused extends CredentialsSignin {
  constructor(code: SignInRefusal | "secondFactor") {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getConfig().authSecret,
  // Self-hosted behind the organisation's own proxy: the Host header names the app.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      // The sign-in form (app/(auth)/login/actions.ts) checks the password itself and hands over a
      // ticket, with the second factor when the account has one; a bare email and password posted
      // here signs in only an account that needs nothing more.
      credentials: { email: {}, password: {}, ticket: {}, code: {} },
      async authorize(credentials, request) {
        const text = (v: unknown) => (typeof v === "string" ? v : "");
        const clientAddress = clientAddressFrom(request.headers);
        const outcome = credentials.ticket
          ? await completeSignIn(db(), { ticket: text(credentials.ticket), code: text(credentials.code), clientAddress })
          : await attemptSignIn(db(), { email: text(credentials.email), password: text(credentials.password), clientAddress });
        if (!outcome.ok) throw new SignInRefused(outcome.reason);
        if ("next" in outcome && outcome.next !== "session") throw new SignInRefused("secondFactor");
        const { id, email: userEmail, name, sessionVersion } = outcome.user;
        return { id, email: userEmail, name, sessionVersion };
      },
    }),
  ],
  callbacks: {
    // The token carries who signed in, never their role: that is re-read from the database each request.
    // A session that no longer opens anything (signed out, too old, account disabled…) gives null,
    // so the library answers "no session" and clears the cookie instead of refreshing it.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = crypto.randomUUID();
        token.sia = Math.floor(Date.now() / 1000);
        return token;
      }
      const claim = claimOf(token);
      return claim && (await accountOfClaim(claim)) ? token : null;
    },
    session({ session, token }) {
      const claim = claimOf(token);
      if (claim) session.user.id = claim.userId;
      session.sessionVersion = claim?.sessionVersion ?? -1;
      session.sessionId = claim?.sessionId;
      session.signedInAt = claim?.signedInAt;
      return session;
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, already in the audit trail; keep the log for real faults.
    error(error) {
      const type = (error as { type?: string }).type;
      if (error instanceof CredentialsSignin || type === "CredentialsSignin") return;
      // A cookie from another secret or an expired token: the visitor is simply signed out.
      if (type === "JWTSessionError") return console.warn("[auth] unreadable session cookie ignored");
      logFault("auth", error);
    },
  },
}));
