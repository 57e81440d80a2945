"use client";

import { Controller, useFieldArray } from "react-hook-form";
import { AddressFields, type AddressValue } from "@/components/address-fields";
import { Button } from "@/components/ui/button";
import { removeThenFocus } from "@/components/ui/focus-heading";
import { Field, inputClass } from "@/components/ui/field";
import { RECRUITMENT_STATES } from "@/lib/lheo/codes";
import { randomId } from "@/lib/uuid";
import { fieldId, messageAt } from "./field-paths";
import type { ActionFormApi } from "./form-context";

const emptyContact = { name: "", phone: "", email: "" };

/** The sessions (R9): dates, place and registration address, places, recruitment. */
export function SessionsSection({ form }: { form: ActionFormApi }) {
  const { control, register, formState } = form;
  const sessions = useFieldArray({ control, name: "sessions", keyName: "key" });
  const error = (path: string) => messageAt(formState.errors, path);

  // The section carries the id of « sessions »: the summary links to it before any error is shown.
  return (
    <section id={fieldId("sessions")} aria-labelledby="sessions-title" className="space-y-4">
      <h2 id="sessions-title" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Sessions
      </h2>
      <p className="text-sm text-slate-700">
        Une session est une date d’entrée en formation dans un lieu. Elle est retirée du site 8 jours après son début.
      </p>
      {error("sessions") && (
        <p className="text-sm text-red-700" role="alert">
          {error("sessions")}
        </p>
      )}
      {sessions.fields.map((session, index) => {
        const base = `sessions.${index}` as const;
        return (
          <fieldset key={session.key} className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            <legend className="px-1 font-medium">Session {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field id={fieldId(`${base}.startDate`)} label="Date de début" error={error(`${base}.startDate`)}>
                {(props) => <input {...props} type="date" {...register(`${base}.startDate`)} className={inputClass} />}
              </Field>
              <Field id={fieldId(`${base}.endDate`)} label="Date de fin" error={error(`${base}.endDate`)}>
                {(props) => <input {...props} type="date" {...register(`${base}.endDate`)} className={inputClass} />}
              </Field>
            </div>
            <p className="text-sm font-medium text-slate-800">Lieu de la session et adresse d’inscription</p>
            <Controller
              control={control}
              name={`${base}.address`}
              render={({ field }) => (
                <AddressFields
                  idPrefix={fieldId(`${base}.address`)}
                  value={field.value as AddressValue}
                  onChange={field.onChange}
                  errors={{
                    street: error(`${base}.address.street`),
                    street2: error(`${base}.address.street2`),
                    postcode: error(`${base}.address.postcode`),
                    communeInsee: error(`${base}.address.communeInsee`),
                  }}
                />
              )}
            />
            <div className="grid gap-3 sm:grid-cols-3">
              <Field id={fieldId(`${base}.placesTotal`)} label="Nombre total de places" error={error(`${base}.placesTotal`)}>
                {(props) => <input {...props} inputMode="numeric" {...register(`${base}.placesTotal`)} className={inputClass} />}
              </Field>
              <Field
                id={fieldId(`${base}.placesAvailable`)}
                label="Places disponibles"
                hint="0 si la session est complète."
                error={error(`${base}.placesAvailable`)}
              >
                {(props) => <input {...props} inputMode="numeric" {...register(`${base}.placesAvailable`)} className={inputClass} />}
              </Field>
              <Field id={fieldId(`${base}.recruitment`)} label="État du recrutement" error={error(`${base}.recruitment`)}>
                {(props) => (
                  <select {...props} {...register(`${base}.recruitment`)} className={inputClass}>
                    <option value="">Choisir…</option>
                    {RECRUITMENT_STATES.map((state) => (
                      <option key={state.code} value={state.code}>
                        {state.label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <details
              // Opened when one of its fields is refused, so that the error and the focus can reach it.
              ref={(element) => {
                if (element && [`${base}.contact.name`, `${base}.contact.phone`, `${base}.contact.email`].some((path) => error(path))) element.open = true;
              }}
              className="rounded-md border border-slate-200 p-3"
            >
              <summary className="cursor-pointer text-sm font-medium">Contact pour l’inscription, s’il est différent de celui de la formation</summary>
              <div className="mt-3 grid gap-3 sm:grid-cols-3">
                <Field id={fieldId(`${base}.contact.name`)} label="Nom" error={error(`${base}.contact.name`)}>
                  {(props) => <input {...props} {...register(`${base}.contact.name`)} autoComplete="off" className={inputClass} />}
                </Field>
                <Field id={fieldId(`${base}.contact.phone`)} label="Téléphone" error={error(`${base}.contact.phone`)}>
                  {(props) => <input {...props} type="tel" {...register(`${base}.contact.phone`)} className={inputClass} />}
                </Field>
                <Field id={fieldId(`${base}.contact.email`)} label="Courriel" error={error(`${base}.contact.email`)}>
                  {(props) => <input {...props} type="email" {...register(`${base}.contact.email`)} className={inputClass} />}
                </Field>
              </div>
            </details>
            <Button variant="secondary" onClick={() => removeThenFocus(() => sessions.remove(index), "sessions-title")}>
              Supprimer la session {index + 1}
            </Button>
          </fieldset>
        );
      })}
      <Button
        variant="secondary"
        onClick={() =>
          sessions.append({
            id: randomId(),
            startDate: "",
            endDate: "",
            address: { street: "", street2: "", postcode: "", communeInsee: "", communeName: "" },
            placesTotal: "",
            placesAvailable: "",
            recruitment: "1",
            contact: emptyContact,
          })
        }
      >
        Ajouter une session
      </Button>
    </section>
  );
}
