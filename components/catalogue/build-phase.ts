import "server-only";
import { cacheLife } from "next/cache";
import { connection } from "next/server";
import { PUBLIC_CACHE_LIFE } from "@/components/catalogue/cached-reads";

/**
 * `next build` reads nothing from the database: a fresh clone or CI has none, and an embedded
 * database may be opened by one process only while the build runs several. A page with no
 * dynamic segment (the home page) calls this before its cached reads: during the build they are
 * left out of the prerendered page (rendered at request time), and the first revalidation at run
 * time — which this call no longer stops — caches the complete page.
 */
export async function readAtRunTimeOnly() {
  if (process.env.NEXT_PHASE === "phase-production-build") await connection();
}

/**
 * For the same pages: the page built without its data asks to be revalidated at its first
 * request, whose background render (at run time, data included) is then cached as the page.
 * At run time it holds the public pages' lifetime.
 */
export async function RevalidatedAfterBuild() {
  "use cache";
  cacheLife(process.env.NEXT_PHASE === "phase-production-build" ? { stale: 30, revalidate: 1, expire: 3600 } : PUBLIC_CACHE_LIFE);
  return null;
}
