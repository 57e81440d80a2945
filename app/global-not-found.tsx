import type { Metadata } from "next";
import "./globals.css";
import NotFound from "@/app/not-found";
import { GeneratedAtRunTime } from "@/components/generated-at-run-time";

export const metadata: Metadata = { title: "Page introuvable · Offre de formation en Lorraine", robots: { index: false } };

/**
 * The 404 page of addresses no route matches (experimental.globalNotFound). Its own page, not the
 * boundary every route renders (app/not-found.tsx, still used by notFound()), so that it can be
 * generated at run time with a nonce instead of being prerendered whole by the build
 * (components/generated-at-run-time.tsx). It has no layout: the root layout's html and body are
 * repeated here.
 */
export default function GlobalNotFound() {
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">
        <NotFound />
        <GeneratedAtRunTime />
      </body>
    </html>
  );
}
