import { Suspense } from "react";
import { RevalidatedAfterBuild, readAtRunTimeOnly } from "@/components/catalogue/build-phase";

async function LeftOutOfTheBuild() {
  await readAtRunTimeOnly();
  return null;
}

/**
 * For a page with no data (the open-data page, « Accès refusé », the 404 page), so that
 * the Content-Security-Policy lets its scripts run (issue 10, lib/http/security-headers.ts).
 * Prerendered whole at build time, when there is no request and so no nonce, such a page held
 * Next's inline scripts without any: the browser refused them and the page never hydrated. With
 * this, as for the home page, the build keeps only its static shell (one inline script, allowed
 * by hash) and asks for a revalidation at the first request: that request's resume writes the
 * scripts with its nonce, and the page then generated in the background — with the public pages'
 * nonce — is cached whole and served as it is, like the catalogue's pages. Only in pages: in
 * app/not-found.tsx or app/forbidden.tsx, which every route renders as its boundaries, its
 * revalidation would apply to every route.
 */
export function GeneratedAtRunTime() {
  return (
    <>
      <RevalidatedAfterBuild />
      <Suspense fallback={null}>
        <LeftOutOfTheBuild />
      </Suspense>
    </>
  );
}
