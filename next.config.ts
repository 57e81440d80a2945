import type { NextConfig } from "next";
import { contentSecurityPolicy, SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Public pages render on first request and are then served from the cache;
  // see lib/cache-tags.ts for how approvals refresh them.
  cacheComponents: true,
  partialPrefetching: true,
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // No ETag on pages: Next hashes the whole HTML again on every request to make one, cache hits
  // included (157 µs for a 40 KB action page against 51 µs for a 13 KB one, measured: 13 to 15 %
  // of a hit's cost). A 304 would save the bytes, not that work: the hash is needed to compare.
  // (Next's own files under /_next/static lose theirs too: their names change with their content.)
  generateEtags: false,
  // The files Next serves itself (scripts, styles, images): the fixed security headers. Pages and
  // API routes get them from proxy.ts, with a nonce-based policy for pages.
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: Object.entries({ ...SECURITY_HEADERS, "Content-Security-Policy": contentSecurityPolicy({}) }).map(([key, value]) => ({ key, value })),
      },
      {
        source: "/favicon.ico",
        headers: Object.entries({ ...SECURITY_HEADERS, "Content-Security-Policy": contentSecurityPolicy({}) }).map(([key, value]) => ({ key, value })),
      },
    ];
  },
  // Types are checked once, by `npm run typecheck` (CI runs it before the tests).
  typescript: { ignoreBuildErrors: true },
  // Lets the e2e build live beside a dev server (NEXT_DIST_DIR=.next-e2e).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: {
    // forbidden() answers 403 to a signed-in user of the wrong role or organisation.
    authInterrupts: true,
    // app/global-not-found.tsx: the 404 page of unmatched addresses, generated with a nonce.
    globalNotFound: true,
    // « Importer un fichier LHÉO » accepts files up to 5 MB (lib/lheo/read.ts); larger ones are refused.
    serverActions: { bodySizeLimit: "6mb" },
  },
};

export default nextConfig;
