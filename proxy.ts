import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { tidySearchQuery } from "@/lib/search/params";
import { isWellFormedSlug } from "@/lib/slug";

// First gate for the private areas: no valid session → /connexion; a session of the wrong role
// → 403, except a provider opening /gestion, the address the centre long gave providers, who is
// sent to their own area. It only reads the session; every page, server action and route handler checks the
// session, the role and the organisation again on the server.
//
// Deliberately not Auth.js's own proxy: that one re-issues the session cookie on every request,
// and a prefetch answered just after « Se déconnecter » would put the cookie back.

const AREAS = [
  { prefix: "/gestion", roles: ["staff", "admin"] },
  { prefix: "/espace-organisme", roles: ["provider"] },
  // R10: choosing one's password, for every signed-in role (the page checks the session again).
  { prefix: "/mot-de-passe", roles: ["provider", "staff", "admin"] },
  { prefix: "/mon-compte", roles: ["provider", "staff", "admin"] },
];

/** The staff area's front door, which providers were long told to open: a page, not an action. */
function isProviderAtOldAddress(request: NextRequest, role: string) {
  const { pathname } = request.nextUrl;
  return role === "provider" && (pathname === "/gestion" || pathname === "/gestion/") && ["GET", "HEAD"].includes(request.method);
}

/**
 * A path with a « % » not followed by two hex digits (Next cannot decode it and answers 500), or
 * a public page's address that no slug can have: answered here, so that it neither errors nor
 * leaves an entry in the page cache (which would also fail on a name too long for the disk).
 */
function isMalformedPath(pathname: string) {
  try {
    const decoded = decodeURIComponent(pathname);
    const slug = /^\/(?:formations|organismes)\/([^/]+)\/?$/.exec(decoded)?.[1];
    return slug !== undefined && !isWellFormedSlug(slug);
  } catch {
    return true;
  }
}

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    return new NextResponse(
      '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Page introuvable</title><h1>Page introuvable</h1><p>Cette adresse est mal écrite. <a href="/formations">Voir toutes les formations</a></p></html>',
      { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
  // The search form sends every field, blank or not: the address shown (and shared) keeps only
  // the filters in use.
  if (pathname === "/formations") {
    const tidy = tidySearchQuery(request.nextUrl.searchParams);
    if (tidy === null) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.search = tidy;
    return NextResponse.redirect(url, 303);
  }
  const area = AREAS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (!area) return NextResponse.next();

  // Auth.js names the cookie "__Secure-…" on https (decided from AUTH_URL or the forwarded
  // protocol, which the proxy may not see the same way): accept either name.
  const secret = process.env.AUTH_SECRET;
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ??
    (await getToken({ req: request, secret, secureCookie: false }));
  if (!token?.role) {
    const login = new URL("/connexion", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
  if (isProviderAtOldAddress(request, token.role)) return NextResponse.redirect(new URL("/espace-organisme", request.url));
  if (!area.roles.includes(token.role)) return forbiddenResponse(request);
  return NextResponse.next();
}

/**
 * The page would say the same (forbidden()), but once the response has started streaming it can
 * only do so with a 200. Here the « Accès refusé » page is served with its real status.
 */
async function forbiddenResponse(request: NextRequest) {
  const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  try {
    const page = await fetch(new URL("/acces-refuse", request.url), { cache: "no-store" });
    if (page.ok) return new NextResponse(await page.text(), { status: 403, headers });
  } catch {
    // Behind some reverse proxies the app cannot reach itself: fall back to a plain page.
  }
  return new NextResponse(
    '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Accès refusé</title><h1>Accès refusé</h1><p>Votre compte ne permet pas d’ouvrir cette page. <a href="/mon-espace">Revenir à votre espace</a></p></html>',
    { status: 403, headers },
  );
}

export const config = {
  matcher: [
    "/gestion/:path*",
    "/espace-organisme/:path*",
    "/mot-de-passe",
    "/mon-compte",
    "/formations",
    // Only malformed addresses (see isMalformedPath): the other public pages do not pass through here.
    "/(.*%(?![0-9A-Fa-f]{2}).*)",
    "/formations/(.*[^a-z0-9-].*|.{201,})",
    "/organismes/(.*[^a-z0-9-].*|.{201,})",
  ],
};
