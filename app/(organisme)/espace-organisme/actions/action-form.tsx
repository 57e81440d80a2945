"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { saveDraft, submitForValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { Button } from "@/components/ui/button";
import { ChipsPicker } from "@/components/ui/chips-picker";
import type { Option } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { parisDate } from "@/lib/dates";
import { CERTIFICATION_REGISTERS, LEVELS, MODULAR_PATHWAY, PATHWAYS, TEACHING_MODES } from "@/lib/lheo/codes";
import {
  DRAFT_REFUSED,
  LIMITS,
  type ActionContent,
  type ActionFormValues,
  validateDraft,
  validateSubmission,
} from "@/lib/validations/action";
import type { Contact } from "@/lib/validations/fields";
import { resolverOf } from "@/lib/validations/resolver";
import { CheckedTextField } from "./_form/checked-text-field";
import { fieldId, messageAt } from "./_form/field-paths";
import { hoursTyped, type ActionFormApi, type ActionPath } from "./_form/form-context";
import { FundingSection } from "./_form/funding-section";
import { MissingSummary } from "./_form/missing-summary";
import { ModulesSection } from "./_form/modules-section";
import { SessionsSection } from "./_form/sessions-section";

type Intent = "draft" | "submit";

/** The controls react-hook-form's errors are shown on. */
const INVALID = '[aria-invalid="true"]';

/**
 * The provider's form for an action, in sections. It runs the validate functions of
 * lib/validations/action.ts that the server actions run again: a draft only needs a title, a
 * submission needs everything the public will read and LHÉO transmits.
 */
export function ActionForm({
  actionId,
  version,
  defaultValues,
  publicOptions,
  organisationContact,
}: {
  actionId?: string;
  /** The version of the action the page was loaded with: a save from a stale page is refused. */
  version?: number;
  defaultValues: ActionFormValues;
  /** The Formacode « public » codes, for the public visé. */
  publicOptions: Option[];
  /** Shown as the default contact of the training. */
  organisationContact: Contact;
}) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  const form = useForm<ActionFormValues, unknown, ActionContent>({
    resolver: resolverOf(validateDraft),
    defaultValues,
    mode: "onSubmit",
    // The focus moves to the first field to fix in the effect below, Controller fields included.
    shouldFocusError: false,
  });
  const { register, handleSubmit, formState, setError, setFocus, clearErrors } = form;
  const [pathway, certifying, modules] = useWatch({ control: form.control, name: ["pathway", "certifying", "modules"] });

  // One save at a time: a double press must not create the action twice.
  const busy = useRef(false);

  // Set when errors are shown (with the first path to fix, if known): once react-hook-form has put
  // them on screen, in a render of its own, the focus moves to that field.
  const focusPending = useRef<{ path?: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const pending = focusPending.current;
    const formElement = formRef.current;
    if (!pending || !formElement) return;
    // A refused draft: wait for the render that shows the resolver's errors.
    if (!pending.path && !formElement.querySelector(INVALID)) return;
    focusPending.current = null;
    const before = document.activeElement;
    if (pending.path) {
      try {
        setFocus(pending.path as FieldPath<ActionFormValues>);
      } catch {
        // Not a registered control: found by its id below.
      }
    }
    // setFocus focuses in a timeout of its own, and does nothing, silently, for a field inside a
    // Controller (the address, the financeur): then focus the field by its id, or the first in error.
    setTimeout(() => {
      if (document.activeElement !== before || !formElement.isConnected) return;
      // Within this form: Next may keep the previous page's form, hidden, with the same ids.
      const target = pending.path ? formElement.querySelector<HTMLElement>(`#${CSS.escape(fieldId(pending.path))}`) : null;
      const first =
        (target?.matches("input, select, textarea") ? target : target?.querySelector<HTMLElement>(INVALID)) ??
        formElement.querySelector<HTMLElement>(INVALID);
      if (first) {
        first.focus({ preventScroll: true });
        first.scrollIntoView({ block: "center" });
      } else {
        // A list without any item in error (« Ajoutez au moins une session »): show its section.
        target?.scrollIntoView({ block: "center" });
      }
    });
  });

  const showErrors = (errorsByPath: Record<string, string>, text: string) => {
    setMessage(text);
    const paths = Object.keys(errorsByPath) as FieldPath<ActionFormValues>[];
    for (const path of paths) setError(path, { type: "validate", message: errorsByPath[path] });
    // Focus the first field to fix (a message without fields, « rechargez la page », moves nothing).
    if (paths[0]) focusPending.current = { path: paths[0] };
  };

  // Every save checks the draft rules (the resolver); sending also checks the complete ones.
  const save = (intent: Intent) =>
    handleSubmit(
      (values, event) => {
        event?.preventDefault();
        if (busy.current) return;
        setMessage(undefined);
        clearErrors();
        if (intent === "submit") {
          const checked = validateSubmission(values, parisDate());
          if (!checked.success) return showErrors(checked.errors, checked.message);
        }
        busy.current = true;
        startTransition(async () => {
          const send = intent === "submit" ? submitForValidation : saveDraft;
          const result = await send({ actionId, expectedVersion: version, values });
          // On success the action redirects; anything returned is a problem to show.
          busy.current = false;
          if (result) showErrors(result.errors ?? {}, result.message ?? "");
        });
      },
      () => {
        showErrors({}, DRAFT_REFUSED);
        // The resolver's errors name no path here: focus the first field in error.
        focusPending.current = {};
      },
    );

  const error = (path: string) => messageAt(formState.errors, path);
  const showModules = pathway === MODULAR_PATHWAY || (modules?.length ?? 0) > 0;

  return (
    <form ref={formRef} onSubmit={(event) => save("draft")(event)} noValidate className="space-y-10">
      {message && <Notice tone="error">{message}</Notice>}

      <section aria-labelledby="formation-title" className="space-y-4">
        <h2 id="formation-title" className="text-lg font-semibold">
          La formation
        </h2>
        <CheckedTextField
          form={form}
          name="title"
          label="Intitulé de la formation"
          hint="Un titre clair pour le grand public, sans abréviation ni sigle : « Agent de propreté et d’hygiène »."
          check="title"
          maxLength={LIMITS.title}
        />
        <CheckedTextField
          form={form}
          name="objectives"
          label="Objectifs"
          hint="Ce que la personne saura faire à la fin de la formation."
          check="objectives"
          multiline
          maxLength={LIMITS.longText}
        />
        <CheckedTextField
          form={form}
          name="results"
          label="Résultats attendus"
          hint="Ce que la personne obtient : un diplôme, un titre, une attestation, un emploi visé."
          check="results"
          multiline
          maxLength={LIMITS.longText}
        />
        <CheckedTextField
          form={form}
          name="content"
          label="Contenu"
          hint="Le programme, dans l’ordre où il est suivi."
          check="content"
          multiline
          maxLength={LIMITS.longText}
        />
        <Checkbox form={form} name="certifying" label="Formation certifiante" description="Elle prépare à une certification inscrite à un répertoire national." />
        {certifying && (
          <div className="grid gap-3 rounded-md border border-slate-200 bg-white p-4 sm:grid-cols-3">
            <Select form={form} name="certification.register" label="Répertoire" options={CERTIFICATION_REGISTERS} />
            <Field id={fieldId("certification.code")} label="Numéro de la fiche" hint="34828 pour la fiche RNCP34828." error={error("certification.code")}>
              {(props) => <input {...props} {...register("certification.code")} className={inputClass} />}
            </Field>
            <Field id={fieldId("certification.label")} label="Intitulé de la certification" error={error("certification.label")}>
              {(props) => <input {...props} {...register("certification.label")} className={inputClass} />}
            </Field>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-3">
          <Select form={form} name="pathway" label="Type de parcours" options={PATHWAYS} />
          <Select form={form} name="entryLevel" label="Niveau d’entrée" options={LEVELS} />
          <Select form={form} name="exitLevel" label="Niveau de sortie" options={LEVELS} />
        </div>
      </section>

      <section aria-labelledby="public-title" className="space-y-4">
        <h2 id="public-title" className="text-lg font-semibold">
          Public et conditions d’accès
        </h2>
        <Controller
          control={form.control}
          name="publicCodes"
          render={({ field }) => (
            <div id={fieldId("publicCodes")}>
              <ChipsPicker
                label="Public visé"
                chosenLabel="Publics choisis"
                hint="Choisissez un ou plusieurs publics dans la liste (10 au maximum)."
                options={publicOptions}
                minLength={0}
                max={LIMITS.publicCodes}
                placeholder="Demandeur d’emploi, salarié, tout public…"
                selected={((field.value ?? []) as string[]).map((code) => publicOptions.find((o) => o.value === code) ?? { value: code, label: code })}
                onChange={(selected) => field.onChange(selected.map((o) => o.value))}
                error={error("publicCodes")}
              />
            </div>
          )}
        />
        <TextArea form={form} name="prerequisites" label="Prérequis (facultatif)" hint="Ce qu’il faut savoir ou avoir avant d’entrer en formation." />
        <Checkbox form={form} name="entryLevelMandatory" label="Le niveau d’entrée est obligatoire" />
        <TextArea form={form} name="specificConditions" label="Conditions spécifiques (facultatif)" hint="Permis de conduire, visite médicale, casier judiciaire…" />
        <TextArea form={form} name="accessibility" label="Accessibilité aux personnes handicapées (facultatif)" hint="Les aménagements possibles et la personne à contacter." />
      </section>

      <section aria-labelledby="organisation-title" className="space-y-4">
        <h2 id="organisation-title" className="text-lg font-semibold">
          Organisation de la formation
        </h2>
        <Field id={fieldId("rhythm")} label="Rythme" hint="« Temps plein, 35 heures par semaine », « Deux jours par semaine »." error={error("rhythm")}>
          {(props) => <input {...props} {...register("rhythm")} className={inputClass} />}
        </Field>
        <Select form={form} name="teachingMode" label="Modalités d’enseignement" options={TEACHING_MODES} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id={fieldId("hoursCentre")} label="Heures en centre" error={error("hoursCentre")}>
            {(props) => <input {...props} inputMode="numeric" {...register("hoursCentre")} className={inputClass} />}
          </Field>
          <Field id={fieldId("hoursCompany")} label="Heures en entreprise" hint="0 s’il n’y a pas de stage." error={error("hoursCompany")}>
            {(props) => <input {...props} inputMode="numeric" {...register("hoursCompany")} className={inputClass} />}
          </Field>
          <TotalHours form={form} />
        </div>
        <TextArea form={form} name="alternance" label="Modalités d’alternance" hint="À remplir quand la formation compte des heures en entreprise : comment elles alternent avec le centre." />
        <Checkbox
          form={form}
          name="permanentEntry"
          label="Entrées et sorties permanentes"
          description="Les stagiaires peuvent commencer à tout moment de l’année."
        />
      </section>

      {showModules && <ModulesSection form={form} />}

      <FundingSection form={form} />

      <section aria-labelledby="contact-title" className="space-y-4">
        <h2 id="contact-title" className="text-lg font-semibold">
          Contact pour cette formation
        </h2>
        <p className="text-sm text-slate-700">
          Laissez ces champs vides pour indiquer le contact de votre organisme
          {organisationContact.phone || organisationContact.email ? ` (${[organisationContact.phone, organisationContact.email].filter(Boolean).join(", ")})` : ""}.
        </p>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id={fieldId("contact.name")} label="Nom" error={error("contact.name")}>
            {(props) => <input {...props} {...register("contact.name")} placeholder={organisationContact.name} className={inputClass} />}
          </Field>
          <Field id={fieldId("contact.phone")} label="Téléphone" error={error("contact.phone")}>
            {(props) => <input {...props} type="tel" {...register("contact.phone")} placeholder={organisationContact.phone} className={inputClass} />}
          </Field>
          <Field id={fieldId("contact.email")} label="Courriel" error={error("contact.email")}>
            {(props) => <input {...props} type="email" {...register("contact.email")} placeholder={organisationContact.email} className={inputClass} />}
          </Field>
        </div>
      </section>

      <SessionsSection form={form} />

      <MissingSummary form={form} />

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

function Checkbox({ form, name, label, description }: { form: ActionFormApi; name: ActionPath; label: string; description?: string }) {
  const id = fieldId(name);
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" {...form.register(name)} className="mt-1 h-4 w-4" />
      <label htmlFor={id} className="text-sm text-slate-800">
        {label}
        {description && <span className="block text-slate-600">{description}</span>}
      </label>
    </div>
  );
}

function Select({ form, name, label, options }: { form: ActionFormApi; name: ActionPath; label: string; options: readonly { code: string; label: string }[] }) {
  return (
    <Field id={fieldId(name)} label={label} error={messageAt(form.formState.errors, name)}>
      {(props) => (
        <select {...props} {...form.register(name)} className={inputClass}>
          <option value="">Choisir…</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function TextArea({ form, name, label, hint }: { form: ActionFormApi; name: ActionPath; label: string; hint?: string }) {
  return (
    <Field id={fieldId(name)} label={label} hint={hint} error={messageAt(form.formState.errors, name)}>
      {(props) => <textarea {...props} {...form.register(name)} className={`${inputClass} min-h-20`} />}
    </Field>
  );
}

/** Centre + entreprise, as the total LHÉO transmits and the modules must add up to. */
function TotalHours({ form }: { form: ActionFormApi }) {
  const [centre, company] = useWatch({ control: form.control, name: ["hoursCentre", "hoursCompany"] });
  return (
    <div className="space-y-1">
      <p className="text-sm font-medium text-slate-800">Durée totale</p>
      <p className="py-2 text-base" aria-live="polite">
        {(hoursTyped(centre) + hoursTyped(company)).toLocaleString("fr-FR")} heures
      </p>
    </div>
  );
}
