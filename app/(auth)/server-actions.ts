"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/app/(auth)/auth";

/**
 * « Se déconnecter », in every page's header (components/site-header.tsx): ends the session of
 * this browser, whoever calls it. It asks for nothing (lib/auth/permissions.ts: anyone): a signed-in
 * person, one signed in with temporary codes or one whose session has already ended all leave
 * without a cookie, on the sign-in page; nothing else is reachable from here.
 */
export async function logout(): Promise<void> {
  // Auth.js would redirect to an absolute URL built from the request's host headers: the path is ours.
  await signOut({ redirect: false });
  redirect("/connexion");
}
