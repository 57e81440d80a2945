import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

// First gate for the private areas: no valid session → /connexion; a session of the wrong role
// → 403. It only reads the session; every page, server action and route handler checks the
// session, the role and the organisation again on the server.
//
// Deliberately not Auth.js's own proxy: that one re-issues the session cookie on every request,
// and a prefetch answered just after « Se déconnecter » would put the cookie back.

const AREAS = [
  { prefix: "/gestion", roles: ["staff", "admin"] },
  { prefix: "/espace-organisme", roles: ["provider"] },
];

export default async function proxy(request: NextRequest) {
  const { pathname, search, protocol } = request.nextUrl;
  const area = AREAS.find(({ prefix }) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (!area) return NextResponse.next();

  const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: protocol === "https:" });
  if (!token?.role) {
    const login = new URL("/connexion", request.url);
    login.searchParams.set("callbackUrl", pathname + search);
    return NextResponse.redirect(login);
  }
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
    return new NextResponse(await page.text(), { status: 403, headers });
  } catch {
    return new NextResponse("<!doctype html><html lang=\"fr\"><title>Accès refusé</title><h1>Accès refusé</h1>", {
      status: 403,
      headers,
    });
  }
}

export const config = {
  matcher: ["/gestion/:path*", "/espace-organisme/:path*"],
};
