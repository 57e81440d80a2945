"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Controller, useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { saveDossierDraft, submitDossier } from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { AddressFields, type AddressValue } from "@/components/address-fields";
import { Button } from "@/components/ui/button";
import { removeThenFocus } from "@/components/ui/focus-heading";
import { ChipsPicker } from "@/components/ui/chips-picker";
import type { Option } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { parisDate } from "@/lib/dates";
import { CONTACT_ROLES } from "@/lib/lheo/codes";
import { randomId } from "@/lib/uuid";
import {
  DOSSIER_DRAFT_REFUSED,
  DOSSIER_LIMITS,
  DOSSIER_SUBMISSION_REFUSED,
  type DossierContent,
  type DossierFormValues,
  validateDossierDraft,
  validateDossierSubmission,
} from "@/lib/validations/organisation";
import { resolverOf } from "@/lib/validations/resolver";

type Intent = "draft" | "submit";

const textareaClass = `${inputClass} min-h-28`;

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        {title}
      </h2>
      {intro && <p className="text-sm text-slate-700">{intro}</p>}
      {children}
    </section>
  );
}

function addressValue(address: DossierFormValues["address"]): AddressValue {
  return {
    street: address.street ?? "",
    street2: address.street2 ?? "",
    postcode: address.postcode ?? "",
    communeInsee: address.communeInsee ?? "",
    communeName: address.communeName ?? "",
  };
}

const isYes = (value: DossierFormValues["qualiopi"]) => value === true || value === "true" || value === "on";

/**
 * The provider's organisation dossier (R8). It runs the validate functions of
 * lib/validations/organisation.ts that the server actions run again, and sends the version it was
 * loaded with, so that a save from a stale tab is refused instead of overwriting newer work.
 */
export function DossierForm({
  defaultValues,
  version,
  trainingFieldOptions,
}: {
  defaultValues: DossierFormValues;
  version: number;
  /** The chosen Formacodes with their labels, as the combobox shows them. */
  trainingFieldOptions: Option[];
}) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const [formacodeLabels, setFormacodeLabels] = useState(() => new Map(trainingFieldOptions.map((o) => [o.value, o.label])));
  // Set when errors are found: the focus moves to the first field in error once it is on screen.
  const focusFirstError = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const form = useForm<DossierFormValues, unknown, DossierContent>({
    resolver: resolverOf(validateDossierDraft),
    defaultValues,
    mode: "onSubmit",
    shouldFocusError: false,
  });
  const { register, handleSubmit, control, formState, setError, setValue } = form;
  const contacts = useFieldArray({ control, name: "contacts", keyName: "key" });
  const qualiopi = useWatch({ control, name: "qualiopi" });
  const errors = formState.errors;

  // After every render: react-hook-form puts its errors on screen in a render of its own.
  useEffect(() => {
    if (!focusFirstError.current) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-list-error]');
    if (!first) return;
    focusFirstError.current = false;
    first.focus();
  });

  // One save at a time: a double press must not send twice.
  const busy = useRef(false);

  const showErrors = (intent: Intent, errorsByPath: Record<string, string>) => {
    setMessage(intent === "submit" ? DOSSIER_SUBMISSION_REFUSED : DOSSIER_DRAFT_REFUSED);
    for (const [path, text] of Object.entries(errorsByPath)) setError(path as FieldPath<DossierFormValues>, { type: "validate", message: text });
    focusFirstError.current = true;
  };

  // Every save checks the draft rules (the resolver); sending also checks the complete ones.
  const save = (intent: Intent) =>
    handleSubmit(
      (values) => {
        if (busy.current) return;
        setMessage(undefined);
        if (intent === "submit") {
          const checked = validateDossierSubmission(values, parisDate());
          if (!checked.success) return showErrors(intent, checked.errors);
        }
        busy.current = true;
        startTransition(async () => {
          const send = intent === "submit" ? submitDossier : saveDossierDraft;
          const result = await send({ expectedVersion: version, values });
          // On success the action redirects; anything returned is a problem to show.
          busy.current = false;
          if (result?.errors) showErrors(intent, result.errors);
          if (result?.message) setMessage(result.message);
        });
      },
      () => showErrors(intent, {}),
    );

  const listError = (error: { message?: string; root?: { message?: string } } | undefined) => error?.message ?? error?.root?.message;
  const trainingFieldsError = listError(errors.trainingFields) ?? errors.trainingFields?.find?.((e) => e?.message)?.message;

  return (
    <form ref={formRef} onSubmit={(event) => save("draft")(event)} noValidate className="space-y-6">
      {message && <Notice tone="error">{message}</Notice>}

      <Section id="dossier-identite" title="Identité">
        <Field
          label="Raison sociale"
          hint="Le nom officiel de l’organisme, tel qu’il est inscrit au répertoire des entreprises (Insee)."
          error={errors.legalName?.message}
        >
          {(props) => <input {...props} {...register("legalName")} autoComplete="organization" className={inputClass} />}
        </Field>
        <Field
          label="Nom d’usage (facultatif)"
          hint="Le nom sous lequel le public vous connaît, s’il diffère de la raison sociale. C’est lui qui est affiché sur le site."
          error={errors.usualName?.message}
        >
          {(props) => <input {...props} {...register("usualName")} className={inputClass} />}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field
            label="Numéro SIRET"
            hint="14 chiffres&nbsp;: le numéro SIREN de l’organisme (9 chiffres) suivi de celui de l’établissement (5 chiffres)."
            error={errors.siret?.message}
          >
            {(props) => <input {...props} {...register("siret")} inputMode="numeric" autoComplete="off" className={inputClass} />}
          </Field>
          <Field
            label="Numéro de déclaration d’activité"
            hint="Les 11 caractères du numéro que la préfecture de région vous a donné pour votre activité de formation&nbsp;: 41540123454."
            error={errors.activityNumber?.message}
          >
            {(props) => <input {...props} {...register("activityNumber")} autoComplete="off" className={inputClass} />}
          </Field>
        </div>
      </Section>

      <Section id="dossier-coordonnees" title="Adresse et coordonnées">
        <Controller
          control={control}
          name="address"
          render={({ field }) => (
            <AddressFields
              value={addressValue(field.value)}
              onChange={field.onChange}
              errors={{
                street: errors.address?.street?.message,
                street2: errors.address?.street2?.message,
                postcode: errors.address?.postcode?.message,
                communeInsee: errors.address?.communeInsee?.message,
              }}
            />
          )}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Téléphone" hint="Le numéro que le public peut appeler&nbsp;: 03&nbsp;83&nbsp;00&nbsp;00&nbsp;00." error={errors.phone?.message}>
            {(props) => <input {...props} {...register("phone")} type="tel" autoComplete="tel" className={inputClass} />}
          </Field>
          <Field label="Courriel" hint="L’adresse à laquelle le public et le centre peuvent vous écrire." error={errors.email?.message}>
            {(props) => <input {...props} {...register("email")} type="email" autoComplete="email" className={inputClass} />}
          </Field>
        </div>
        <Field label="Site internet (facultatif)" hint="L’adresse complète, commençant par https://" error={errors.website?.message}>
          {(props) => <input {...props} {...register("website")} type="url" autoComplete="url" className={inputClass} />}
        </Field>
      </Section>

      <Section
        id="dossier-contacts"
        title="Contacts"
        intro={`Les personnes que le centre et le public peuvent joindre\u00a0: au moins une, ${DOSSIER_LIMITS.contacts} au plus. Indiquez pour chacune un téléphone ou un courriel.`}
      >
        {listError(errors.contacts) && (
          <p className="text-sm text-red-700" role="alert" tabIndex={-1} data-list-error>
            {listError(errors.contacts)}
          </p>
        )}
        {contacts.fields.map((contact, index) => (
          <fieldset key={contact.key} className="space-y-3 rounded-md border border-slate-300 p-4">
            <legend className="px-1 font-medium">Contact {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Nom et prénom" error={errors.contacts?.[index]?.name?.message}>
                {(props) => <input {...props} {...register(`contacts.${index}.name`)} autoComplete="off" className={inputClass} />}
              </Field>
              <Field label="Rôle" error={errors.contacts?.[index]?.role?.message}>
                {(props) => (
                  <select {...props} {...register(`contacts.${index}.role`)} className={inputClass}>
                    <option value="">Choisissez un rôle</option>
                    {CONTACT_ROLES.map((role) => (
                      <option key={role.code} value={role.code}>
                        {role.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Téléphone" error={errors.contacts?.[index]?.phone?.message}>
                {(props) => <input {...props} {...register(`contacts.${index}.phone`)} type="tel" autoComplete="off" className={inputClass} />}
              </Field>
              <Field label="Courriel" error={errors.contacts?.[index]?.email?.message}>
                {(props) => <input {...props} {...register(`contacts.${index}.email`)} type="email" autoComplete="off" className={inputClass} />}
              </Field>
            </div>
            <Button variant="secondary" onClick={() => removeThenFocus(() => contacts.remove(index), "dossier-contacts")}>
              Supprimer le contact {index + 1}
            </Button>
          </fieldset>
        ))}
        <Button
          variant="secondary"
          disabled={contacts.fields.length >= DOSSIER_LIMITS.contacts}
          onClick={() => contacts.append({ id: randomId(), name: "", role: "", phone: "", email: "" })}
        >
          Ajouter un contact
        </Button>
      </Section>

      <Section
        id="dossier-domaines"
        title="Domaines de formation"
        intro={`Les domaines dans lesquels vous formez, choisis dans la liste des Formacodes (le répertoire national des domaines de formation)\u00a0: ${DOSSIER_LIMITS.trainingFields} au plus.`}
      >
        <Controller
          control={control}
          name="trainingFields"
          render={({ field }) => (
            <ChipsPicker
              label="Ajouter un domaine de formation"
              chosenLabel="Domaines de formation choisis"
              endpoint="/api/reference/formacodes"
              placeholder="Un mot du domaine ou un code&nbsp;: maçonnerie, 22624…"
              max={DOSSIER_LIMITS.trainingFields}
              error={trainingFieldsError}
              selected={(field.value ?? []).map((code) => ({ value: code, label: formacodeLabels.get(code) ?? code }))}
              onChange={(options) => {
                setFormacodeLabels((labels) => new Map([...labels, ...options.map((o) => [o.value, o.label] as const)]));
                field.onChange(options.map((o) => o.value));
              }}
            />
          )}
        />
      </Section>

      <Section id="dossier-moyens" title="Moyens">
        <Field label="Locaux" hint="Où se déroulent vos formations&nbsp;: nombre et type de salles, ateliers, plateaux techniques." error={errors.premises?.message}>
          {(props) => <textarea {...props} {...register("premises")} className={textareaClass} />}
        </Field>
        <Field
          label="Équipements (facultatif)"
          hint="Le matériel mis à la disposition des stagiaires&nbsp;: ordinateurs, machines, véhicules…"
          error={errors.equipment?.message}
        >
          {(props) => <textarea {...props} {...register("equipment")} className={textareaClass} />}
        </Field>
        <Field
          label="Formateurs"
          hint="Votre équipe pédagogique&nbsp;: nombre de formateurs, salariés ou non, et leur expérience du métier enseigné."
          error={errors.trainers?.message}
        >
          {(props) => <textarea {...props} {...register("trainers")} className={textareaClass} />}
        </Field>
      </Section>

      <Section id="dossier-certifications" title="Certifications">
        <Controller
          control={control}
          name="qualiopi"
          render={({ field }) => (
            <fieldset aria-describedby="dossier-qualiopi-hint" className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">Votre organisme est-il certifié Qualiopi&nbsp;?</legend>
              <p id="dossier-qualiopi-hint" className="text-sm text-slate-600">
                Qualiopi est la certification qualité des organismes de formation, exigée pour recevoir des fonds publics.
              </p>
              <div className="flex gap-6">
                <label className="flex items-center gap-2 text-sm">
                  <input type="radio" name={field.name} checked={isYes(field.value)} onChange={() => field.onChange(true)} className="h-4 w-4" />
                  Oui
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={field.name}
                    checked={!isYes(field.value)}
                    onChange={() => {
                      field.onChange(false);
                      setValue("qualiopiDate", "");
                    }}
                    className="h-4 w-4"
                  />
                  Non
                </label>
              </div>
            </fieldset>
          )}
        />
        {isYes(qualiopi) && (
          <Field label="Date de la certification Qualiopi" hint="La date indiquée sur votre certificat." error={errors.qualiopiDate?.message}>
            {(props) => <input {...props} {...register("qualiopiDate")} type="date" className={`${inputClass} sm:max-w-xs`} />}
          </Field>
        )}
        <Field
          label="Autres certifications ou labels (facultatif)"
          hint="Par exemple une habilitation à faire passer un examen, ou un label régional."
          error={errors.otherCertifications?.message}
        >
          {(props) => <textarea {...props} {...register("otherCertifications")} className={textareaClass} />}
        </Field>
      </Section>

      <Section id="dossier-accessibilite" title="Accessibilité">
        <Field
          label="Accueil des personnes handicapées"
          hint="Comment vos locaux et vos formations sont rendus accessibles, et comment joindre votre référent handicap."
          error={errors.accessibility?.message}
        >
          {(props) => <textarea {...props} {...register("accessibility")} className={textareaClass} />}
        </Field>
      </Section>

      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <Button variant="secondary" disabled={pending} onClick={() => save("draft")()}>
          Enregistrer le brouillon
        </Button>
        <Button disabled={pending} onClick={() => save("submit")()}>
          Envoyer pour validation
        </Button>
        {pending && (
          <span className="self-center text-sm text-slate-600" role="status">
            Enregistrement…
          </span>
        )}
      </div>
    </form>
  );
}
