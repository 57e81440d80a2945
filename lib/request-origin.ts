// Which forwarded headers this deployment trusts (issue 10, finding 8). X-Forwarded-Host and
// X-Forwarded-Proto are anyone's to send; they are believed only when TRUST_PROXY says that a
// reverse proxy of ours sets them (Vercel does; so does a self-hosted nginx or Caddy in front).
// Otherwise proxy.ts replaces them with what the connection itself says (the Host header), so
// that Auth.js, Next's server actions and our own checks never build a URL on a host a client
// made up. Edge-safe: no Node API, no database.

type HeaderSource = Pick<Headers, "get">;

/** TRUST_PROXY=true (or 1): X-Forwarded-* come from our own reverse proxy. Vercel always is one. */
export function trustsProxy(env: Record<string, string | undefined> = process.env): boolean {
  return env.TRUST_PROXY === "true" || env.TRUST_PROXY === "1" || Boolean(env.VERCEL);
}

/** The host the request was sent to, as far as this deployment can trust it. */
export function requestHost(headers: HeaderSource, env: Record<string, string | undefined> = process.env): string | null {
  const forwarded = trustsProxy(env) ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

/**
 * The origins a form of this site is posted from: the configured one (AUTH_URL, APP_URL) and the
 * host the browser connected to (a browser cannot send another site's page a Host of ours and an
 * Origin of its own).
 */
export function allowedOrigins(headers: HeaderSource, env: Record<string, string | undefined> = process.env): Set<string> {
  const origins = new Set<string>();
  for (const configured of [env.AUTH_URL, env.APP_URL]) {
    try {
      if (configured) origins.add(new URL(configured).origin);
    } catch {
      // lib/env.ts refuses a malformed URL at start-up.
    }
  }
  const host = requestHost(headers, env);
  if (host) for (const scheme of ["http", "https"]) origins.add(`${scheme}://${host}`);
  return origins;
}

/** True when the request's Origin is this site (an absent Origin is not). */
export function isSameOrigin(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  const origin = headers.get("origin");
  return Boolean(origin) && allowedOrigins(headers, env).has(origin!);
}

/** Headers only a reverse proxy of ours may set: dropped by proxy.ts from any request without TRUST_PROXY. */
export const CLIENT_ADDRESS_HEADERS = ["x-forwarded-for", "x-real-ip"] as const;

/**
 * The request headers as the application must see them: without TRUST_PROXY, no client-supplied
 * X-Forwarded-For or X-Real-IP (a client rotating them would escape the per-address login and
 * reset limits) and the forwarded host replaced by the Host the request was sent to (finding 8).
 * Next then sets X-Forwarded-For again, for the page or route, to the address of the TCP
 * connection (its own `x-forwarded-for ??= socket.remoteAddress`): clientAddress reads that.
 */
export function withoutUntrustedForwarding(headers: Headers, env: Record<string, string | undefined> = process.env): Headers {
  if (trustsProxy(env)) return headers;
  for (const name of CLIENT_ADDRESS_HEADERS) headers.delete(name);
  const host = headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  return headers;
}

/**
 * The client's address, for throttling: the last hop of X-Forwarded-For. Behind a reverse proxy
 * of ours (TRUST_PROXY) that is the peer it saw (nginx's $proxy_add_x_forwarded_for appends it;
 * Vercel writes the client's own address); otherwise proxy.ts has dropped what the client sent,
 * and Next put the connection's address there. « unknown » (one bucket for all) only if neither.
 */
export function clientAddress(headers: HeaderSource): string {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  return (hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
