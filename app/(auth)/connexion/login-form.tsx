"use client";

import { useActionState } from "react";
import { login, type LoginState } from "@/app/(auth)/connexion/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

export function LoginForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState<LoginState, FormData>(login, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.message && <Notice tone="error">{state.message}</Notice>}
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
      <Field label="Identifiant" error={state.errors?.identifier}>
        {(props) => <input
            {...props}
            key={state.identifier ?? ""}
            name="identifier"
            defaultValue={state.identifier}
            autoComplete="username"
            required
            className={inputClass}
          />}
      </Field>
      <Field label="Mot de passe" error={state.errors?.password}>
        {(props) => (
          <input {...props} name="password" type="password" autoComplete="current-password" required className={inputClass} />
        )}
      </Field>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:bg-slate-400"
      >
        {pending ? "Connexion…" : "Se connecter"}
      </button>
    </form>
  );
}
