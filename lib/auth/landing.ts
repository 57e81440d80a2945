// Where each person goes after signing in (pure: no session, no database).

import type { UserRole } from "@/db/schema";

/** Where a person signed in with temporary codes chooses their password (R10). */
export const PASSWORD_PAGE = "/mot-de-passe";

export function homeFor(user: { role: UserRole }): string {
  return user.role === "provider" ? "/espace-organisme" : "/gestion/validation";
}

/**
 * Where a login lands (/mon-espace): the password page straight away for temporary codes, rather
 * than through the home page's own redirect. The browser's router would otherwise remember that
 * the home page sends to /mot-de-passe, and follow that memory once the password is chosen.
 */
export function landingFor(user: { role: UserRole; mustChangePassword: boolean } | null): string {
  if (!user) return "/connexion";
  return user.mustChangePassword ? PASSWORD_PAGE : homeFor(user);
}
