import type { NextAuthConfig } from "next-auth";

// Edge-safe part of the configuration, shared by proxy.ts: no database, no password hashing.
export const authConfig = {
  pages: { signIn: "/connexion" },
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  providers: [],
  callbacks: {
    // proxy.ts sends anonymous visitors of the private areas to the login page. Roles and
    // ownership are checked again on the server by every page, action and route handler.
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      const isPrivate = pathname.startsWith("/gestion") || pathname.startsWith("/espace-organisme");
      return !isPrivate || Boolean(auth?.user);
    },
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
