"use client";

import { useState, useTransition } from "react";
import { saveAccessContact } from "@/app/(gestion)/gestion/parametres/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/auth/safe-action";
import { fieldErrors } from "@/lib/validations/errors";
import { accessContactSchema, type AccessContact } from "@/lib/validations/settings";

const FIELDS = [
  { name: "name", label: "Nom du service ou de la personne", type: "text" },
  { name: "phone", label: "Téléphone", type: "tel" },
  { name: "email", label: "Adresse électronique", type: "email" },
] as const;

/** « Enregistrer le contact »: shown on the login page (R10). */
export function AccessContactForm({ initial }: { initial: AccessContact }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionState>();
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(undefined);
    const parsed = accessContactSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    startTransition(async () => {
      const state = await saveAccessContact(values);
      setResult(state);
      setErrors(state.errors ?? {});
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      {result?.message && <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice>}
      {FIELDS.map((field) => (
        <Field key={field.name} label={field.label} error={errors[field.name]}>
          {(props) => (
            <input
              {...props}
              type={field.type}
              value={values[field.name]}
              onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              className={inputClass}
            />
          )}
        </Field>
      ))}
      <Field label="Précisions" hint="Horaires, ou toute autre indication utile." error={errors.details}>
        {(props) => (
          <textarea {...props} value={values.details} onChange={(e) => setValues({ ...values, details: e.target.value })} className={`${inputClass} min-h-20`} />
        )}
      </Field>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-slate-400">
        {pending ? "Enregistrement…" : "Enregistrer le contact"}
      </button>
    </form>
  );
}
