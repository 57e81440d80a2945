"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { IssuedCodes } from "@/app/(gestion)/gestion/comptes/issued-codes";
import { createTeamAccount, type CodesState } from "@/app/(gestion)/gestion/comptes/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { newStaffAccountSchema, ROLE_LABELS, STAFF_ACCOUNT_ROLES, type StaffAccountRole } from "@/lib/validations/accounts";
import { fieldErrors } from "@/lib/validations/errors";

const EMPTY = { displayName: "", email: "", role: "staff" as StaffAccountRole };

/** « Créer le compte »: a team member; the identifier and temporary password are shown once. */
export function NewStaffAccountForm() {
  const router = useRouter();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<CodesState>();
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setResult(undefined);
    const parsed = newStaffAccountSchema.safeParse(values);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    startTransition(async () => {
      const state = await createTeamAccount(values);
      setResult(state);
      setErrors(state.errors ?? {});
      if (state.ok) {
        setValues(EMPTY);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      {result?.codes && <IssuedCodes codes={result.codes} />}
      {result && !result.ok && result.message && <Notice tone="error">{result.message}</Notice>}
      <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <Field label="Prénom et nom" error={errors.displayName}>
          {(props) => (
            <input {...props} value={values.displayName} onChange={(e) => setValues({ ...values, displayName: e.target.value })} aria-required="true" className={inputClass} />
          )}
        </Field>
        <Field label="Adresse électronique" error={errors.email}>
          {(props) => (
            <input {...props} type="email" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} aria-required="true" className={inputClass} />
          )}
        </Field>
        <Field label="Rôle" error={errors.role}>
          {(props) => (
            <select {...props} value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as StaffAccountRole })} className={inputClass}>
              {STAFF_ACCOUNT_ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-slate-400">
          {pending ? "Création…" : "Créer le compte"}
        </button>
      </form>
    </div>
  );
}
