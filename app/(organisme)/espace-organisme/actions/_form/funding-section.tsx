"use client";

import { useMemo } from "react";
import { Controller, useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { removeThenFocus } from "@/components/ui/focus-heading";
import { Combobox, type Option } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { fundingSentence, hasPublicFunder } from "@/lib/funding";
import { FUNDERS, FUNDING_KINDS, funderOf } from "@/lib/lheo/codes";
import { randomId } from "@/lib/uuid";
import { LIMITS } from "@/lib/validations/action";
import { fieldId, messageAt } from "./field-paths";
import type { ActionFormApi } from "./form-context";

const funderOptions: Option[] = FUNDERS.map((f) => ({ value: f.code, label: f.label }));

/**
 * Price and funding (R1, R5): who funds the action and how many places, and the date of the vote
 * or decision that retained it — required for a public funder, and written into the sentence the
 * public reads, shown here as it will be published.
 */
export function FundingSection({ form }: { form: ActionFormApi }) {
  const { control, register, formState } = form;
  const funders = useFieldArray({ control, name: "funders", keyName: "key" });
  const [funderValues, voteDate, comment, free] = useWatch({ control, name: ["funders", "funding.voteDate", "funding.comment", "free"] });
  const error = (path: string) => messageAt(formState.errors, path);
  const chosen = useMemo(() => (funderValues ?? []).flatMap((f) => (f?.code ? [{ code: String(f.code) }] : [])), [funderValues]);
  const sentence = fundingSentence({ funders: chosen, funding: { voteDate: voteDate ?? "", comment: comment ?? "" } });
  const publicFunder = hasPublicFunder(chosen);

  return (
    <section aria-labelledby="financement-title" className="space-y-4">
      <h2 id="financement-title" className="text-lg font-semibold">
        Prix et financement
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex items-start gap-2">
          <input id={fieldId("free")} type="checkbox" {...register("free")} className="mt-1 h-4 w-4" />
          <label htmlFor={fieldId("free")} className="text-sm text-slate-800">
            Gratuit pour la personne formée
          </label>
        </div>
        {!free && (
          <Field id={fieldId("price")} label="Prix total en euros, toutes taxes comprises" error={error("price")}>
            {(props) => <input {...props} inputMode="numeric" {...register("price")} className={inputClass} />}
          </Field>
        )}
        <div className="flex items-start gap-2">
          <input id={fieldId("costCoverage")} type="checkbox" {...register("costCoverage")} className="mt-1 h-4 w-4" />
          <label htmlFor={fieldId("costCoverage")} className="text-sm text-slate-800">
            Prise en charge des frais possible
            <span className="block text-slate-600">Transport, repas ou hébergement peuvent être pris en charge.</span>
          </label>
        </div>
      </div>

      {/* The heading carries the id of « funders »: the summary links to it before any error is shown. */}
      <h3 id={fieldId("funders")} tabIndex={-1} className="font-medium focus:outline-none">
        Financeurs
      </h3>
      {error("funders") && (
        <p className="text-sm text-red-700" role="alert">
          {error("funders")}
        </p>
      )}
      {funders.fields.map((funder, index) => {
        const base = `funders.${index}` as const;
        return (
          <fieldset key={funder.key} className="grid gap-3 rounded-md border border-slate-300 bg-white p-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
            <legend className="px-1 font-medium">Financeur {index + 1}</legend>
            <Controller
              control={control}
              name={`${base}.code`}
              render={({ field }) => (
                <Combobox
                  id={fieldId(`${base}.code`)}
                  label="Financeur"
                  options={funderOptions}
                  minLength={0}
                  initialText={funderOf(String(field.value ?? ""))?.label ?? ""}
                  placeholder="Région, France Travail, État…"
                  error={error(`${base}.code`)}
                  onTextChange={() => field.onChange("")}
                  onSelect={(option) => field.onChange(option.value)}
                />
              )}
            />
            <Field id={fieldId(`${base}.places`)} label="Places financées" error={error(`${base}.places`)}>
              {(props) => <input {...props} inputMode="numeric" {...register(`${base}.places`)} className={inputClass} />}
            </Field>
            <Button variant="secondary" onClick={() => removeThenFocus(() => funders.remove(index), fieldId("funders"))}>
              Retirer le financeur {index + 1}
            </Button>
          </fieldset>
        );
      })}
      {funders.fields.length < LIMITS.funders && (
        <Button variant="secondary" onClick={() => funders.append({ id: randomId(), code: "", places: "" } as never)}>
          Ajouter un financeur
        </Button>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={fieldId("funding.voteDate")}
          label="Date du vote ou de la décision"
          hint={
            publicFunder
              ? "Obligatoire pour un financeur public : la date de la commission ou de la décision qui a retenu l’action."
              : "La date de la décision du financeur qui a retenu l’action."
          }
          error={error("funding.voteDate")}
        >
          {(props) => <input {...props} type="date" {...register("funding.voteDate")} className={inputClass} />}
        </Field>
        <Field
          id={fieldId("funding.notifiedOn")}
          label="Date de notification du conventionnement (facultatif)"
          hint="Le jour où le financeur vous a notifié sa décision."
          error={error("funding.notifiedOn")}
        >
          {(props) => <input {...props} type="date" {...register("funding.notifiedOn")} className={inputClass} />}
        </Field>
        <Field id={fieldId("funding.kind")} label="Type de financement" error={error("funding.kind")}>
          {(props) => (
            <select {...props} {...register("funding.kind")} className={inputClass}>
              <option value="">Non précisé</option>
              {FUNDING_KINDS.map((kind) => (
                <option key={kind.code} value={kind.code}>
                  {kind.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId("funding.comment")}
          label="Commentaire sur le financement (facultatif)"
          hint={`Ajouté après la phrase publiée : ${LIMITS.fundingComment} caractères au maximum.`}
          error={error("funding.comment")}
        >
          {(props) => <textarea {...props} {...register("funding.comment")} className={`${inputClass} min-h-20`} />}
        </Field>
      </div>
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-live="polite">
        <p className="font-medium">Phrase publiée sur le site</p>
        <p className="mt-1 text-slate-800">{sentence ?? "Ajoutez un financeur : la phrase de financement sera écrite pour vous."}</p>
      </div>
    </section>
  );
}
