"use client";

import { ErrorDetails } from "@/components/ui/error-details";
import { StatusPage } from "@/components/ui/status-page";
import "./globals.css";

/** An error in the root layout itself: the same French message, in a document of its own. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body className="min-h-screen font-sans">
        <title>Une erreur est survenue · Offre de formation en Lorraine</title>
        <StatusPage title="Une erreur est survenue">
          <ErrorDetails error={error} retry={retry} lead="Le site n’a pas pu afficher cette page. Réessayez dans un instant." />
        </StatusPage>
      </body>
    </html>
  );
}
