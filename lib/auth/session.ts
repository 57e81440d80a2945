import "server-only";
import { forbidden, redirect } from "next/navigation";
import { connection } from "next/server";
import { auth } from "@/app/(auth)/auth";
import { getActiveSession } from "@/db/queries/sessions";
import { homeFor, PASSWORD_PAGE } from "@/lib/auth/landing";
import { z } from "@/lib/validations/zod";
import type { UserRole } from "@/db/schema";

export interface SessionUser {
  id: string;
  /** The server-side session of this request (user_sessions). */
  sessionId: string;
  name: string;
  role: UserRole;
  organisationId: string | null;
  /** R10: signed in with temporary codes (a new account, a reset): nothing but choosing a password. */
  mustChangePassword: boolean;
}

export { homeFor, landingFor, PASSWORD_PAGE } from "@/lib/auth/landing";

export const STAFF_ROLES: readonly UserRole[] = ["staff", "admin"];

export async function getSessionUser(): Promise<SessionUser | null> {
  // Auth.js draws random values (CSRF token) before it reads the cookies: mark the render as
  // request-time first, so that prerendering stops here instead of failing.
  await connection();
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId || !z.uuid().safeParse(id).success || !z.uuid().safeParse(sessionId).success) return null;
  // The token says who signed in and which session; the database says whether that session still
  // holds (not logged out, not ended by a password change, a reset or a disabled account, used
  // within 8 hours, begun within 7 days) and what the person may do now.
  const user = await getActiveSession({ sessionId, userId: id });
  if (!user) return null;
  return {
    id: user.id,
    sessionId,
    name: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    mustChangePassword: user.mustChangePassword,
  };
}

/**
 * For pages: anonymous → login page; temporary codes → the password page first; a provider on a
 * staff page → their own area (the centre long gave them the /gestion address); signed in with
 * another role → 403.
 */
export async function requirePageUser(roles: readonly UserRole[], callbackUrl: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (user.mustChangePassword) redirect(PASSWORD_PAGE);
  if (!roles.includes(user.role)) {
    if (user.role === "provider" && roles.every((role) => STAFF_ROLES.includes(role))) redirect(homeFor(user));
    forbidden();
  }
  return user;
}

export async function requireProviderPage(callbackUrl: string) {
  const user = await requirePageUser(["provider"], callbackUrl);
  if (!user.organisationId) forbidden();
  return user as SessionUser & { organisationId: string };
}

