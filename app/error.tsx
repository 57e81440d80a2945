"use client";

import Link from "next/link";
import { StatusPage } from "@/components/ui/status-page";

/**
 * An unexpected error while rendering a page: a plain French message, never the error itself
 * (no stack, no SQL). The server's log has the details under the same reference (its digest).
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <StatusPage title="Une erreur est survenue">
      <p>Cette page n’a pas pu s’afficher. Rien de ce que vous avez saisi n’a été perdu par cet affichage&nbsp;: vous pouvez réessayer.</p>
      {digest && <p className="text-sm text-slate-500">Référence de l’erreur, à donner à l’équipe si elle se reproduit&nbsp;: {digest}</p>}
      <p className="flex flex-wrap gap-4">
        <button type="button" onClick={() => retry()} className="font-medium text-brand-700 underline">
          Réessayer
        </button>
        <Link href="/" className="font-medium text-brand-700 underline">
          Revenir à l’accueil
        </Link>
      </p>
    </StatusPage>
  );
}
