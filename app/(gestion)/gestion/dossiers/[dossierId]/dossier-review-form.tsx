"use client";

import { useState, useTransition } from "react";
import { approveDossierSubmission, rejectDossierSubmission } from "@/app/(gestion)/gestion/dossiers/server-actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { rejectionSchema } from "@/lib/validations/action";

/**
 * Staff decision on a dossier sent by an organisation: « Valider le dossier », or « Refuser » with a
 * reason; `submittedAt` (the sending shown) goes with it, so that one sent again since is refused.
 */
export function DossierReviewForm({ dossierId, submittedAt }: { dossierId: string; submittedAt: string }) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  function decide(call: () => ReturnType<typeof approveDossierSubmission>) {
    setErrors({});
    setMessage(undefined);
    startTransition(async () => {
      // On success the action redirects to the queue; anything returned is a problem to show.
      const result = await call();
      if (result) {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });
  }

  function reject() {
    const parsed = rejectionSchema.safeParse({ reason });
    if (!parsed.success) return setErrors({ reason: parsed.error.issues[0]!.message });
    decide(() => rejectDossierSubmission({ dossierId, submittedAt, reason }));
  }

  return (
    <div className="space-y-8">
      {message && <Notice tone="error">{message}</Notice>}
      <section aria-labelledby="dossier-validation" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="dossier-validation" className="text-lg font-semibold">
          Validation
        </h2>
        <p className="text-sm text-slate-700">
          Le dossier remplace les informations publiées de l’organisme, et ses 12 mois de validité repartent d’aujourd’hui.
        </p>
        <Button onClick={() => decide(() => approveDossierSubmission({ dossierId, submittedAt }))} disabled={pending}>
          Valider le dossier
        </Button>
      </section>

      <section aria-labelledby="dossier-refus" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="dossier-refus" className="text-lg font-semibold">
          Renvoyer à l’organisme
        </h2>
        <Field label="Motif du refus" hint="L’organisme lira ce message&nbsp;: dites ce qu’il doit corriger." error={errors.reason}>
          {(props) => <textarea {...props} aria-required="true" value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClass} min-h-24`} />}
        </Field>
        <Button variant="danger" onClick={reject} disabled={pending}>
          Refuser
        </Button>
      </section>
    </div>
  );
}
