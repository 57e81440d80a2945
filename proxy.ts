import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { tidySearchQuery } from "@/lib/search/params";
import { isWellFormedSlug } from "@/lib/slug";
import { refuseStateChange } from "@/lib/http/server-action-guard";
import { applySecurityHeaders, contentSecurityPolicy, createNonce, PUBLIC_NONCE_PERIOD_MS, publicNonce } from "@/lib/http/security-headers";
import { withoutUntrustedForwarding } from "@/lib/request-origin";

// First gate for the private areas: no valid session → /connexion; a session of the wrong role
// → 403, except a provider opening /gestion, the address the centre long gave providers, who is
// sent to their own area. It only reads the session; every page, server action and route handler checks the
// session, the role and the organisation again on the server.
//
// Every request but Next's own files passes here first (issue 10): security headers and a CSP
// nonce per page request (lib/http/security-headers.ts: the cached public shells stay cached);
// forged or malformed state-changing requests refused with a clean 4xx
// (lib/http/server-action-guard.ts); X-Forwarded-Host and X-Forwarded-For believed only behind
// our own proxy (lib/request-origin.ts). No database here: pages and actions check the session themselves.
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

/** Pages rendered for each request: a fresh nonce each time. The others are cached public pages. */
// (« Accès refusé » is not one: like the open-data page it is generated once, at run time, and
// cached whole — components/generated-at-run-time.tsx.)
const PER_REQUEST_PAGES = ["/gestion", "/espace-organisme", "/mot-de-passe", "/mot-de-passe-oublie", "/mon-compte", "/mon-espace", "/connexion"];
/** Where the public pages' nonce comes from when no AUTH_SECRET is set (development): this process only. */
const localSecret = createNonce();

/** The nonce a page is rendered with, and any other the header must allow (lib/http/security-headers.ts). */
async function pageNonces(pathname: string): Promise<{ nonce: string; alsoNonces: string[] }> {
  if (PER_REQUEST_PAGES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return { nonce: createNonce(), alsoNonces: [] };
  const secret = process.env.AUTH_SECRET || localSecret;
  const now = Date.now();
  return { nonce: await publicNonce(secret, now), alsoNonces: [await publicNonce(secret, now - PUBLIC_NONCE_PERIOD_MS)] };
}

/**
 * A path with a « % » not followed by two hex digits (Next cannot decode it and answers 500), or
 * a public page's address that no slug can have: answered here, so that it neither errors nor
 * leaves an entry in the page cache (which would also fail on a name too long for the disk).
 */
function isMalformedPath(pathname: string) {
  try {
    const decoded = decodeURIComponent(pathname);
    const match = /^\/(?:formations\/([^/]+)|organismes\/([^/]+)(?:\/page\/([^/]+))?)\/?$/.exec(decoded);
    if (!match) return false;
    const page = match[3];
    return !isWellFormedSlug(match[1] ?? match[2]!) || (page !== undefined && !/^\d{1,4}$/.test(page));
  } catch {
    return true;
  }
}

export default async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const page = !pathname.startsWith("/api/");
  const { nonce, alsoNonces } = page ? await pageNonces(pathname) : { nonce: undefined, alsoNonces: [] };
  const policy = contentSecurityPolicy({ nonce, alsoNonces, dev: process.env.NODE_ENV === "development" });
  const requestId = crypto.randomUUID();
  const secured = (response: NextResponse) => {
    applySecurityHeaders(response.headers, policy);
    response.headers.set("X-Request-Id", requestId);
    return response;
  };

  if (isMalformedPath(pathname)) {
    return secured(
      new NextResponse(
        '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Page introuvable</title><h1>Page introuvable</h1><p>Cette adresse est mal écrite. <a href="/formations">Voir toutes les formations</a></p></html>',
        { status: 404, headers: { "Content-Type": "text/html; charset=utf-8" } },
      ),
    );
  }
  const refusal = await refuseStateChange(request, pathname);
  if (refusal) {
    return secured(new NextResponse(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } }));
  }

  // What the page is rendered with: the policy (Next reads the nonce from it and puts it on every
  // script it writes for this request) and, unless a proxy of ours set them, no forwarded host but
  // the one the request was sent to (finding 8: Auth.js and Next build URLs from it) and no
  // client-supplied address (lib/request-origin.ts: the login throttle counts per address).
  const requestHeaders = withoutUntrustedForwarding(new Headers(request.headers));
  if (nonce) requestHeaders.set("Content-Security-Policy", policy);
  // The id the server's log lines carry for this request (lib/logger.ts), and the response too.
  requestHeaders.set("x-request-id", requestId);
  const next = () => secured(NextResponse.next({ request: { headers: requestHeaders } }));

  // The search form sends every field, blank or not: the address shown (and shared) keeps only
  // the filters in use.
  if (pathname === "/formations") {
    const tidy = tidySearchQuery(request.nextUrl.searchParams);
    if (tidy === null) return next();
    const url = request.nextUrl.clone();
    url.search = tidy;
    return secured(NextResponse.redirect(url, 303));
  }

  const area = AREAS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (!area) return next();

  // Auth.js names the cookie "__Secure-…" on https (decided from AUTH_URL or the forwarded
  // protocol, which the proxy may not see the same way): accept either name.
  const secret = process.env.AUTH_SECRET;
  const token =
    (await getToken({ req: request, secret, secureCookie: true })) ??
    (await getToken({ req: request, secret, secureCookie: false }));
  if (!token?.role) {
    const login = new URL("/connexion", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return secured(NextResponse.redirect(login));
  }
  if (isProviderAtOldAddress(request, token.role)) return secured(NextResponse.redirect(new URL("/espace-organisme", request.url)));
  if (!area.roles.includes(token.role)) {
    // The « Accès refusé » page was rendered with its own nonce: its policy goes with it.
    const refused = await forbiddenResponse(request);
    applySecurityHeaders(refused.headers, refused.headers.get("Content-Security-Policy") ?? policy);
    return refused;
  }
  return next();
}

/**
 * The page would say the same (forbidden()), but once the response has started streaming it can
 * only do so with a 200. Here the « Accès refusé » page is served with its real status.
 */
async function forbiddenResponse(request: NextRequest) {
  const headers = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };
  try {
    const page = await fetch(new URL("/acces-refuse", request.url), { cache: "no-store" });
    const policy = page.headers.get("Content-Security-Policy");
    if (page.ok) return new NextResponse(await page.text(), { status: 403, headers: policy ? { ...headers, "Content-Security-Policy": policy } : headers });
  } catch {
    // Behind some reverse proxies the app cannot reach itself: fall back to a plain page.
  }
  return new NextResponse(
    '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Accès refusé</title><h1>Accès refusé</h1><p>Votre compte ne permet pas d’ouvrir cette page. <a href="/mon-espace">Revenir à votre espace</a></p></html>',
    { status: 403, headers },
  );
}

export const config = {
  // Everything but the files Next serves itself (next.config.ts gives those the fixed headers).
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
