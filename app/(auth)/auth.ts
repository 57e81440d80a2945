import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/app/(auth)/auth.config";
import { getUserForLogin, recordLogin } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/validations/auth";

declare module "next-auth" {
  interface Session {
    /** When this session began (ms): lib/auth/session.ts ends it when the codes changed after. */
    signedInAt?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      // `user` is there only when the person signs in, never when the session is refreshed.
      if (params.user) token.signedInAt = Date.now();
      return token;
    },
    session(params) {
      const session = authConfig.callbacks.session(params);
      const { signedInAt } = params.token;
      return { ...session, signedInAt: typeof signedInAt === "number" ? signedInAt : undefined };
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(raw) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await getUserForLogin({ identifier: parsed.data.identifier });
        // Always verify, against a dummy hash when the identifier is unknown: same cost either way.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok || user.disabledAt) return null;
        await recordLogin({ userId: user.id });
        return { id: user.id, name: user.displayName, role: user.role, organisationId: user.organisationId };
      },
    }),
  ],
});
