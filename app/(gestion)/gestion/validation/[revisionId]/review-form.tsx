"use client";

import { useState, useTransition } from "react";
import { approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { Button } from "@/components/ui/button";
import { Combobox, type Option } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { codificationSchema, rejectionSchema } from "@/lib/validations/action";

/** Staff decision on a submitted revision: codify and « Valider », or « Refuser » with a reason. */
export function ReviewForm({ revisionId, initialFormacodes }: { revisionId: string; initialFormacodes: Option[] }) {
  const [codes, setCodes] = useState<Option[]>(initialFormacodes);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  function approve() {
    const input = { revisionId, formacodes: codes.map((c) => c.value) };
    const parsed = codificationSchema.safeParse(input);
    if (!parsed.success) return setErrors({ formacodes: parsed.error.issues[0]!.message });
    setErrors({});
    startTransition(async () => {
      const result = await approveSubmission(input);
      if (result) {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });
  }

  function reject() {
    const parsed = rejectionSchema.safeParse({ reason });
    if (!parsed.success) return setErrors({ reason: parsed.error.issues[0]!.message });
    setErrors({});
    startTransition(async () => {
      const result = await rejectSubmission({ revisionId, reason });
      if (result) {
        setMessage(result.message);
        setErrors(result.errors ?? {});
      }
    });
  }

  return (
    <div className="space-y-8">
      {message && <Notice tone="error">{message}</Notice>}
      <section aria-labelledby="codification" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="codification" className="text-lg font-semibold">
          Codification et validation
        </h2>
        <p className="text-sm text-slate-700">Au moins un code Formacode est nécessaire pour publier l’action.</p>
        {codes.length > 0 && (
          <ul className="flex flex-wrap gap-2" aria-label="Codes Formacode choisis">
            {codes.map((code) => (
              <li key={code.value} className="flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-sm">
                {code.label}
                <button
                  type="button"
                  aria-label={`Retirer ${code.value}`}
                  className="font-bold text-brand-800"
                  onClick={() => setCodes((all) => all.filter((c) => c.value !== code.value))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <Combobox
          label="Ajouter un code Formacode"
          endpoint="/api/reference/formacodes"
          placeholder="Un mot du domaine ou un code : maçonnerie, 22624…"
          clearOnSelect
          error={errors.formacodes}
          onSelect={(option) => {
            setCodes((all) => (all.some((c) => c.value === option.value) ? all : [...all, option]));
            setErrors((e) => ({ ...e, formacodes: "" }));
          }}
        />
        <Button onClick={approve} disabled={pending}>
          Valider
        </Button>
      </section>

      <section aria-labelledby="refus" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="refus" className="text-lg font-semibold">
          Renvoyer à l’organisme
        </h2>
        <Field label="Motif du refus" hint="L’organisme lira ce message : dites ce qu’il doit corriger." error={errors.reason}>
          {(props) => (
            <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} className={`${inputClass} min-h-24`} />
          )}
        </Field>
        <Button variant="danger" onClick={reject} disabled={pending}>
          Refuser
        </Button>
      </section>
    </div>
  );
}
