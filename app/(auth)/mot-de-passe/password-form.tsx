"use client";

import { useEffect, useState, useTransition } from "react";
import { changePassword } from "@/app/(auth)/mot-de-passe/server-actions";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { fieldErrors } from "@/lib/validations/errors";
import { PASSWORD_ERRORS, passwordIdentifierError } from "@/lib/validations/accounts";

/** The whole rule, dictionaries included (about a megabyte): loaded once the page is shown. */
const loadRule = () => import("@/lib/validations/password");

/** The new password twice, and the current one for a change made of one's own accord. */
export function PasswordForm({ identifier, askCurrent }: { identifier: string; askCurrent: boolean }) {
  const [values, setValues] = useState({ currentPassword: "", password: "", confirmation: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    void loadRule();
  }, []);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const { strongPasswordChangeSchema } = await loadRule();
    const parsed = strongPasswordChangeSchema.safeParse(values);
    const found = parsed.success ? {} : fieldErrors(parsed.error);
    const identifierError = passwordIdentifierError(values.password, identifier);
    if (identifierError) found.password ??= identifierError;
    if (askCurrent && !values.currentPassword) found.currentPassword = PASSWORD_ERRORS.currentMissing;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    startTransition(async () => {
      // On success the action signs in again with the new password and goes to the home page.
      const result = await changePassword(values);
      if (result) {
        setErrors(result.errors ?? {});
        setMessage(result.message);
      }
    });
  }

  const input = (name: keyof typeof values, autoComplete: string) =>
    function PasswordInput(props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) {
      return (
        <input
          {...props}
          type="password"
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          aria-required="true"
          className={inputClass}
        />
      );
    };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {message && <Notice tone="error">{message}</Notice>}
      {/* For password managers: the account the new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={identifier} readOnly hidden />
      {askCurrent && (
        <Field label="Mot de passe actuel" error={errors.currentPassword}>
          {input("currentPassword", "current-password")}
        </Field>
      )}
      <Field label="Nouveau mot de passe" error={errors.password}>
        {input("password", "new-password")}
      </Field>
      <Field label="Confirmez le nouveau mot de passe" error={errors.confirmation}>
        {input("confirmation", "new-password")}
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
