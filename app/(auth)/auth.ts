import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/app/(auth)/auth.config";
import { claimLoginAttempt, recordLoginFailure, recordLoginSuccess } from "@/db/queries/login-attempts";
import { endSession, startSession } from "@/db/queries/sessions";
import { getUserForLogin, recordLogin } from "@/db/queries/users";
import { verifyPassword } from "@/lib/auth/password";
import { log } from "@/lib/logger";
import { clientAddress } from "@/lib/request-origin";
import { loginSchema } from "@/lib/validations/auth";

declare module "next-auth" {
  interface Session {
    /** The server-side session (user_sessions) this cookie stands for: lib/auth/session.ts checks it. */
    sessionId?: string;
  }
}

/** Refused for now after repeated failures; `code` carries the wait (seconds) to the login form. */
export class LoginThrottled extends CredentialsSignin {
  constructor(readonly waitMs: number) {
    super();
    this.code = `throttled-${Math.ceil(waitMs / 1000)}`;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    async jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      // `user` is there only when the person signs in, never when the session is read: each
      // sign-in opens its own server-side session, which logout, password changes and
      // « Se déconnecter de tous les appareils » revoke (lib/auth/session.ts checks it).
      if (params.user) token.sid = await startSession({ userId: params.user.id! });
      return token;
    },
    session(params) {
      const session = authConfig.callbacks.session(params);
      const { sid } = params.token;
      return { ...session, sessionId: typeof sid === "string" ? sid : undefined };
    },
  },
  // Auth.js's messages as structured lines; a refused login is the throttling's business (it
  // writes the bursts to the audit log), not an error.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      log("error", "auth.error", { error });
    },
    warn(code) {
      log("warn", "auth.warning", { code });
    },
    debug() {},
  },
  events: {
    // « Se déconnecter »: the cookie is deleted, and the session it stood for is revoked, so a
    // copy of the cookie opens nothing either.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession({ sessionId: sid });
    },
  },
  providers: [
    Credentials({
      credentials: { identifier: {}, password: {} },
      async authorize(raw, request) {
        const parsed = loginSchema.safeParse(raw);
        if (!parsed.success) return null;
        const attempt = { identifier: parsed.data.identifier, address: clientAddress(request.headers) };
        // Held back after repeated failures (lib/auth/login-throttle.ts): refused before the
        // password is checked, the same way whether the identifier exists or not.
        const claim = await claimLoginAttempt(attempt);
        if (claim.waitMs > 0) throw new LoginThrottled(claim.waitMs);
        const user = await getUserForLogin({ identifier: parsed.data.identifier });
        // Always verify, against a dummy hash when the identifier is unknown: same cost either way.
        const ok = await verifyPassword(user?.passwordHash, parsed.data.password);
        if (!user || !ok || user.disabledAt) {
          await recordLoginFailure(attempt, claim);
          return null;
        }
        await recordLoginSuccess(attempt, claim);
        await recordLogin({ userId: user.id });
        return { id: user.id, name: user.displayName, role: user.role, organisationId: user.organisationId };
      },
    }),
  ],
});
