"use client";

import { useRef, useState, useTransition } from "react";
import { useFieldArray, useForm, type FieldPath } from "react-hook-form";
import { saveDraft, submitForValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import {
  type ActionContent,
  type ActionFormValues,
  DRAFT_REFUSED,
  SUBMISSION_REFUSED,
  validateDraft,
  validateSubmission,
} from "@/lib/validations/action";
import { resolverOf } from "@/lib/validations/resolver";
import { parisDate } from "@/lib/dates";
import { randomId } from "@/lib/uuid";

type Intent = "draft" | "submit";

const textareaClass = `${inputClass} min-h-32`;

/**
 * The provider's form for an action. It runs the validate functions of lib/validations/action.ts
 * that the server actions run again: a draft only needs a title, a submission needs everything
 * the public will read.
 */
export function ActionForm({ actionId, defaultValues }: { actionId?: string; defaultValues: ActionFormValues }) {
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();

  const form = useForm<ActionFormValues, unknown, ActionContent>({
    resolver: resolverOf(validateDraft),
    defaultValues,
    mode: "onSubmit",
  });
  const { register, handleSubmit, control, formState, setError, setFocus, setValue } = form;
  const sessions = useFieldArray({ control, name: "sessions", keyName: "key" });
  const errors = formState.errors;

  // One save at a time: a double press must not create the action twice.
  const busy = useRef(false);

  const showErrors = (intent: Intent, errorsByPath: Record<string, string>) => {
    setMessage(intent === "submit" ? SUBMISSION_REFUSED : DRAFT_REFUSED);
    const paths = Object.keys(errorsByPath) as FieldPath<ActionFormValues>[];
    for (const path of paths) setError(path, { type: "validate", message: errorsByPath[path] });
    if (paths[0]) setFocus(paths[0]);
  };

  // Every save checks the draft rules (the resolver); sending also checks the complete ones.
  const save = (intent: Intent) =>
    handleSubmit(
      (values) => {
        if (busy.current) return;
        setMessage(undefined);
        if (intent === "submit") {
          const checked = validateSubmission(values, parisDate());
          if (!checked.success) return showErrors(intent, checked.errors);
        }
        busy.current = true;
        startTransition(async () => {
          const send = intent === "submit" ? submitForValidation : saveDraft;
          const result = await send({ actionId, values });
          // On success the action redirects; anything returned is a problem to show.
          busy.current = false;
          if (result) showErrors(intent, result.errors ?? {});
          if (result?.message) setMessage(result.message);
        });
      },
      () => showErrors(intent, {}),
    );

  const sessionError = (index: number, field: "startDate" | "endDate" | "communeInsee" | "placesAvailable") =>
    errors.sessions?.[index]?.[field]?.message;

  return (
    <form onSubmit={(event) => save("draft")(event)} noValidate className="space-y-6">
      {message && <Notice tone="error">{message}</Notice>}

      <Field
        label="Intitulé de la formation"
        hint="Un titre clair pour le grand public, sans abréviation ni sigle : « Agent de propreté et d’hygiène »."
        error={errors.title?.message}
      >
        {(props) => <input {...props} {...register("title")} className={inputClass} />}
      </Field>

      <Field label="Objectifs" hint="Ce que la personne saura faire à la fin de la formation." error={errors.objectives?.message}>
        {(props) => <textarea {...props} {...register("objectives")} className={textareaClass} />}
      </Field>

      <Field label="Contenu" hint="Le programme, dans l’ordre où il est suivi." error={errors.content?.message}>
        {(props) => <textarea {...props} {...register("content")} className={textareaClass} />}
      </Field>

      <div className="flex items-start gap-2">
        <input id="permanentEntry" type="checkbox" {...register("permanentEntry")} className="mt-1 h-4 w-4" />
        <label htmlFor="permanentEntry" className="text-sm text-slate-800">
          Entrées et sorties permanentes
          <span className="block text-slate-600">Les stagiaires peuvent commencer à tout moment de l’année.</span>
        </label>
      </div>

      <section aria-labelledby="sessions-title" className="space-y-4">
        <h2 id="sessions-title" className="text-lg font-semibold">
          Sessions
        </h2>
        {errors.sessions?.message && (
          <p className="text-sm text-red-700" role="alert">
            {errors.sessions.message}
          </p>
        )}
        {errors.sessions?.root?.message && (
          <p className="text-sm text-red-700" role="alert">
            {errors.sessions.root.message}
          </p>
        )}
        {sessions.fields.map((session, index) => (
          <fieldset key={session.key} className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            <legend className="px-1 font-medium">Session {index + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Date de début" error={sessionError(index, "startDate")}>
                {(props) => <input {...props} type="date" {...register(`sessions.${index}.startDate`)} className={inputClass} />}
              </Field>
              <Field label="Date de fin" error={sessionError(index, "endDate")}>
                {(props) => <input {...props} type="date" {...register(`sessions.${index}.endDate`)} className={inputClass} />}
              </Field>
              <Combobox
                label="Commune"
                endpoint="/api/reference/communes"
                placeholder="Nancy, Metz, Épinal…"
                initialText={session.communeName ?? ""}
                error={sessionError(index, "communeInsee")}
                onTextChange={() => setValue(`sessions.${index}.communeInsee`, "")}
                onSelect={(option) => {
                  setValue(`sessions.${index}.communeInsee`, option.value, { shouldValidate: formState.isSubmitted });
                  setValue(`sessions.${index}.communeName`, option.label.replace(/ \(\w+\)$/, ""));
                }}
              />
              <Field label="Places disponibles" error={sessionError(index, "placesAvailable")}>
                {(props) => (
                  <input
                    {...props}
                    type="number"
                    min={0}
                    inputMode="numeric"
                    {...register(`sessions.${index}.placesAvailable`)}
                    className={inputClass}
                  />
                )}
              </Field>
            </div>
            <Button variant="secondary" onClick={() => sessions.remove(index)}>
              Supprimer la session {index + 1}
            </Button>
          </fieldset>
        ))}
        <Button
          variant="secondary"
          onClick={() =>
            sessions.append({
              id: randomId(),
              startDate: "",
              endDate: "",
              communeInsee: "",
              communeName: "",
              placesAvailable: "",
            })
          }
        >
          Ajouter une session
        </Button>
      </section>

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
