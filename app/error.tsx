"use client";

import { ErrorDetails } from "@/components/ui/error-details";
import { StatusPage } from "@/components/ui/status-page";

/** An unexpected error while rendering a page: a plain French message, never the error itself. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <StatusPage title="Une erreur est survenue">
      <ErrorDetails
        error={error}
        retry={retry}
        lead={"Cette page n’a pas pu s’afficher. Rien de ce que vous avez saisi n’a été perdu par cet affichage\u00a0: vous pouvez réessayer."}
      />
    </StatusPage>
  );
}
