"use client";

import { useActionState } from "react";
import { requestReset, type ResetRequestState } from "@/app/(auth)/mot-de-passe-oublie/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function RequestForm({ contact }: { contact: React.ReactNode }) {
  const [state, formAction, pending] = useActionState<ResetRequestState, FormData>(requestReset, {});
  if (state.sent) {
    // The form and its button are gone: the focus goes to the message that replaced them, which
    // a screen reader then reads.
    return (
      <div ref={(element) => element?.focus()} tabIndex={-1} className="focus:outline-none">
        <Notice tone="success">
          <p>
            Si un compte correspond et qu’une adresse électronique y est enregistrée, un courriel vient de vous être envoyé avec un lien valable une
            heure.
          </p>
          <p className="mt-2">Sans courriel dans quelques minutes, ou sans adresse électronique enregistrée :</p>
          <div className="mt-1">{contact}</div>
        </Notice>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <Field label="Identifiant ou adresse électronique" error={state.errors?.login}>
        {(props) => <input {...props} name="login" autoComplete="username" required className={inputClass} />}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:bg-slate-400"
      >
        {pending ? "Envoi…" : "Recevoir un lien"}
      </button>
    </form>
  );
}
