"use client";

import Link from "next/link";

/**
 * What an error page says under its title, in French: never the error itself (no stack, no
 * SQL), only its reference, which the server's log carries too (its digest).
 */
export function ErrorDetails({ error, retry, lead }: { error: unknown; retry: () => void; lead: string }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
  return (
    <>
      <p>{lead}</p>
      {digest && <p className="text-sm text-slate-500">Référence de l’erreur, à donner à l’équipe si elle se reproduit&nbsp;: {digest}</p>}
      <p className="flex flex-wrap gap-4">
        <button type="button" onClick={() => retry()} className="font-medium text-brand-700 underline">
          Réessayer
        </button>
        <Link href="/" className="font-medium text-brand-700 underline">
          Revenir à l’accueil
        </Link>
      </p>
    </>
  );
}
