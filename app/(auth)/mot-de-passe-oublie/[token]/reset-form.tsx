"use client";

import { useActionState } from "react";
import { completeReset } from "@/app/(auth)/mot-de-passe-oublie/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/auth/safe-action";

export function ResetForm({ token, identifier }: { token: string; identifier: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(completeReset, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="token" value={token} />
      {/* Lets a password manager store the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={identifier} readOnly hidden />
      <Field label="Nouveau mot de passe" error={state.errors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <Field label="Le même, une seconde fois" error={state.errors?.confirmation}>
        {(props) => <input {...props} name="confirmation" type="password" autoComplete="new-password" required className={inputClass} />}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:bg-slate-400"
      >
        {pending ? "Enregistrement…" : "Enregistrer mon mot de passe"}
      </button>
    </form>
  );
}
