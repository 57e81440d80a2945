import type { NextAuthConfig } from "next-auth";

// The part of the configuration with no database and no password hashing (edge-safe).
export const authConfig = {
  pages: { signIn: "/connexion" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
