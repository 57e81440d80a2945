"use client";

import { useState, useTransition } from "react";
import { confirmDossierUpToDate } from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

/**
 * « Je confirme que ces informations sont à jour »: the approved dossier sent again in one step.
 * The box must be ticked; the server action says so when it is not.
 */
export function ConfirmUpToDateForm({ version }: { version: number }) {
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  return (
    <form
      noValidate
      className="mt-3 space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await confirmDossierUpToDate({ expectedVersion: version, confirmed });
          // On success the action redirects; anything returned is a problem to show.
          setError(result?.errors?.confirmed);
          setMessage(result?.errors?.confirmed ? undefined : result?.message);
        });
      }}
    >
      {message && <Notice tone="error">{message}</Notice>}
      <div className="flex items-start gap-2">
        <input
          id="confirm-up-to-date"
          type="checkbox"
          required
          checked={confirmed}
          onChange={(event) => setConfirmed(event.target.checked)}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? "confirm-up-to-date-error" : undefined}
          className="mt-1 h-4 w-4"
        />
        <label htmlFor="confirm-up-to-date" className="text-sm font-medium text-slate-900">
          Je confirme que ces informations sont à jour
        </label>
      </div>
      <p id="confirm-up-to-date-error" aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
      <Button type="submit" disabled={pending}>
        Renvoyer le dossier pour validation
      </Button>
    </form>
  );
}
