"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { IssuedCodes } from "@/app/(gestion)/gestion/comptes/issued-codes";
import { createOrganisation } from "@/app/(gestion)/gestion/organismes/server-actions";
import { AddressFields, type AddressErrors, type AddressValue } from "@/components/address-fields";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { newOrganisationSchema, type NewOrganisationValues } from "@/lib/validations/accounts";
import { fieldErrors } from "@/lib/validations/errors";

interface FormValues extends NewOrganisationValues {
  name: string;
  siret: string;
  address: AddressValue;
  email: string;
  userName: string;
  userEmail: string;
}

const EMPTY: FormValues = {
  name: "",
  siret: "",
  address: { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" },
  email: "",
  userName: "",
  userEmail: "",
};

type Created = Awaited<ReturnType<typeof createOrganisation>>;

/** « Créer l’organisme »: checked here with the action's own schema, then again on the server. */
export function NewOrganisationForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<Created>();
  const [pending, startTransition] = useTransition();
  const set = (patch: Partial<typeof values>) => setValues((current) => ({ ...current, ...patch }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    setMessage(undefined);
    const parsed = newOrganisationSchema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      setMessage("Certains champs sont à corriger\u00a0: voyez les messages sous chacun d’eux.");
      return;
    }
    setErrors({});
    startTransition(async () => {
      const result = await createOrganisation(values);
      if (result.ok && "codes" in result && result.codes) return setCreated(result);
      setErrors(result.errors ?? {});
      setMessage(result.message);
    });
  }

  if (created && "codes" in created && created.codes) {
    return (
      <div className="max-w-3xl space-y-4">
        <Notice tone="success">L’organisme «&nbsp;{values.name.trim()}&nbsp;» et son premier compte sont créés.</Notice>
        <IssuedCodes codes={created.codes} />
        <div className="flex flex-wrap gap-3">
          {"organisationId" in created && created.organisationId && <ButtonLink href={`/gestion/organismes/${created.organisationId}`}>Ouvrir la fiche de l’organisme</ButtonLink>}
          <Button
            variant="secondary"
            onClick={() => {
              setCreated(undefined);
              setValues(EMPTY);
            }}
          >
            Créer un autre organisme
          </Button>
        </div>
      </div>
    );
  }

  const addressErrors: AddressErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith("address."))
      .map(([path, error]) => [path.slice("address.".length), error]),
  );
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl space-y-8">
      {message && <Notice tone="error">{message}</Notice>}
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">L’organisme</legend>
        <Field label="Raison sociale" error={errors.name}>
          {(props) => <input {...props} value={values.name} onChange={(e) => set({ name: e.target.value })} aria-required="true" className={inputClass} />}
        </Field>
        <Field label="Numéro SIRET" hint="14 chiffres, espaces permis." error={errors.siret}>
          {(props) => (
            <input {...props} value={values.siret} inputMode="numeric" onChange={(e) => set({ siret: e.target.value })} aria-required="true" className={inputClass} />
          )}
        </Field>
        <AddressFields value={values.address} onChange={(address) => set({ address })} errors={addressErrors} streetLabel="Numéro et rue (facultatif)" />
        <Field label="Adresse électronique de l’organisme" error={errors.email}>
          {(props) => (
            <input {...props} type="email" value={values.email} onChange={(e) => set({ email: e.target.value })} aria-required="true" className={inputClass} />
          )}
        </Field>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Son premier compte</legend>
        <p className="text-sm text-slate-700">La personne qui saisira les actions et le dossier de l’organisme.</p>
        <Field label="Prénom et nom" error={errors.userName}>
          {(props) => <input {...props} value={values.userName} onChange={(e) => set({ userName: e.target.value })} aria-required="true" className={inputClass} />}
        </Field>
        <Field label="Adresse électronique de la personne" error={errors.userEmail}>
          {(props) => (
            <input {...props} type="email" value={values.userEmail} onChange={(e) => set({ userEmail: e.target.value })} aria-required="true" className={inputClass} />
          )}
        </Field>
      </fieldset>

      <div className="flex gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:bg-slate-400">
          {pending ? "Création…" : "Créer l’organisme et son compte"}
        </button>
        <Link href="/gestion/organismes" className="px-4 py-2 text-sm font-medium text-slate-700 hover:underline">
          Annuler
        </Link>
      </div>
    </form>
  );
}
