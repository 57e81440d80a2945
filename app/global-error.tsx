"use client";

import Link from "next/link";
import "./globals.css";

/** An error in the root layout itself: the same French message, in a document of its own. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">
        <title>Une erreur est survenue · Offre de formation en Lorraine</title>
        <main className="mx-auto max-w-xl px-4 py-16">
          <h1 className="text-2xl font-semibold text-slate-900">Une erreur est survenue</h1>
          <div className="mt-4 space-y-3 text-slate-700">
            <p>Le site n’a pas pu afficher cette page. Réessayez dans un instant.</p>
            {digest && <p className="text-sm text-slate-500">Référence de l’erreur&nbsp;: {digest}</p>}
            <p className="flex flex-wrap gap-4">
              <button type="button" onClick={() => retry()} className="font-medium text-brand-700 underline">
                Réessayer
              </button>
              <Link href="/" className="font-medium text-brand-700 underline">
                Revenir à l’accueil
              </Link>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
