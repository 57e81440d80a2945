import type { NextAuthConfig } from "next-auth";
import { SESSION_MAX_MS } from "@/lib/auth/session-limits";

// The part of the configuration with no database and no password hashing (edge-safe).
export const authConfig = {
  pages: { signIn: "/connexion" },
  // The cookie lives at most 7 days; 8 hours without a request, a logout or a password change end
  // the session earlier, on the server (db/queries/sessions.ts), whatever the cookie says.
  session: { strategy: "jwt", maxAge: SESSION_MAX_MS / 1000 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.id = user.id!;
        token.role = user.role;
        token.organisationId = user.organisationId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.id;
      session.user.role = token.role;
      session.user.organisationId = token.organisationId;
      return session;
    },
  },
} satisfies NextAuthConfig;
