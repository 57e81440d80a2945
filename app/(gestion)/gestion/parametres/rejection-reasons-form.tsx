"use client";

import { useState, useTransition } from "react";
import { saveRejectionReasons } from "@/app/(gestion)/gestion/parametres/server-actions";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/auth/safe-action";
import { fieldErrors } from "@/lib/validations/errors";
import { rejectionReasonsSchema, type RejectionReason } from "@/lib/validations/settings";

/** « Enregistrer les motifs »: the whole list at once; each motif has a short name and its text. */
export function RejectionReasonsForm({ initial }: { initial: RejectionReason[] }) {
  const [reasons, setReasons] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionState>();
  const [pending, startTransition] = useTransition();
  const update = (index: number, patch: Partial<RejectionReason>) => setReasons(reasons.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(undefined);
    const parsed = rejectionReasonsSchema.safeParse(reasons);
    if (!parsed.success) {
      // The action names its fields « reasons.0.label »: the same paths here.
      return setErrors(Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([path, error]) => [path === "_form" ? "reasons" : `reasons.${path}`, error])));
    }
    setErrors({});
    startTransition(async () => {
      const state = await saveRejectionReasons({ reasons });
      setResult(state);
      setErrors(state.errors ?? {});
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {result?.message && <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice>}
      {errors["reasons"] && <Notice tone="error">{errors["reasons"]}</Notice>}
      {reasons.length === 0 && <p className="text-sm text-slate-700">Aucun motif type pour l’instant.</p>}
      <ol className="space-y-4">
        {reasons.map((reason, index) => (
          <li key={reason.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <Field label={`Nom court du motif ${index + 1}`} error={errors[`reasons.${index}.label`]}>
              {(props) => <input {...props} value={reason.label} onChange={(e) => update(index, { label: e.target.value })} className={inputClass} />}
            </Field>
            <Field label={`Texte du motif ${index + 1}`} error={errors[`reasons.${index}.text`]}>
              {(props) => (
                <textarea {...props} value={reason.text} onChange={(e) => update(index, { text: e.target.value })} className={`${inputClass} min-h-24`} />
              )}
            </Field>
            <Button variant="secondary" onClick={() => setReasons(reasons.filter((_, i) => i !== index))}>
              Retirer ce motif
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => setReasons([...reasons, { id: crypto.randomUUID(), label: "", text: "" }])}>
          Ajouter un motif
        </Button>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-slate-400">
          {pending ? "Enregistrement…" : "Enregistrer les motifs"}
        </button>
      </div>
    </form>
  );
}
