import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db/client";
import { getConfig } from "@/lib/config";
import { clientAddressFrom } from "./client-address";
import { attemptSignIn, completeSignIn, type SignInRefusal } from "./sign-in";
import { logFault } from "@/lib/fault-log";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
    /** This sign-in's own id, kept for the session's life: signing out revokes it (lib/auth/sessions.ts). */
    sessionId?: string;
  }
}

/** The reason a sign-in failed travels to the form as this code; each has a message in the catalogues. */
class SignInRefused extends CredentialsSignin {
  constructor(code: SignInRefusal | "secondFactor") {
    super();
    this.code = code;
  }
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      if (typeof token.sid === "string") session.sessionId = token.sid;
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
