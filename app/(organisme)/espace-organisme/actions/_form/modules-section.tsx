"use client";

import { useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { removeThenFocus } from "@/components/ui/focus-heading";
import { Field, inputClass } from "@/components/ui/field";
import { randomId } from "@/lib/uuid";
import { fieldId, messageAt } from "./field-paths";
import { hoursTyped, type ActionFormApi } from "./form-context";
import { CheckedTextField } from "./checked-text-field";

/**
 * R4: the modules of a modular course, each with its duration; their sum is shown against the
 * total duration, and sending is refused while they differ.
 */
export function ModulesSection({ form }: { form: ActionFormApi }) {
  const { control, register, formState } = form;
  const modules = useFieldArray({ control, name: "modules", keyName: "key" });
  const [moduleValues, hoursCentre, hoursCompany] = useWatch({ control, name: ["modules", "hoursCentre", "hoursCompany"] });
  const error = (path: string) => messageAt(formState.errors, path);
  const sum = (moduleValues ?? []).reduce((total, module) => total + hoursTyped(module?.hours), 0);
  const total = hoursTyped(hoursCentre) + hoursTyped(hoursCompany);

  // The section carries the id of « modules »: the summary links to it before any error is shown.
  return (
    <section id={fieldId("modules")} aria-labelledby="modules-title" className="space-y-4">
      <h2 id="modules-title" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Programme par modules
      </h2>
      <p className="text-sm text-slate-700">
        Un parcours modulaire donne la durée de chaque module. La somme des modules doit être égale à la durée totale.
      </p>
      {error("modules") && (
        <p className="text-sm text-red-700" role="alert">
          {error("modules")}
        </p>
      )}
      {modules.fields.map((module, index) => {
        const base = `modules.${index}` as const;
        return (
          <fieldset key={module.key} className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
            <legend className="px-1 font-medium">Module {index + 1}</legend>
            <CheckedTextField form={form} name={`${base}.title`} label="Titre du module" check="moduleTitle" maxLength={255} />
            <Field id={fieldId(`${base}.content`)} label="Contenu du module (facultatif)" error={error(`${base}.content`)}>
              {(props) => <textarea {...props} {...register(`${base}.content`)} className={`${inputClass} min-h-20`} />}
            </Field>
            <Field id={fieldId(`${base}.hours`)} label="Durée du module en heures" error={error(`${base}.hours`)}>
              {(props) => <input {...props} inputMode="numeric" {...register(`${base}.hours`)} className={`${inputClass} sm:w-40`} />}
            </Field>
            <Button variant="secondary" onClick={() => removeThenFocus(() => modules.remove(index), "modules-title")}>
              Supprimer le module {index + 1}
            </Button>
          </fieldset>
        );
      })}
      <p className={`text-sm ${modules.fields.length > 0 && sum !== total ? "font-medium text-amber-900" : "text-slate-700"}`} aria-live="polite">
        Total des modules : {sum.toLocaleString("fr-FR")} heures, pour une durée totale de {total.toLocaleString("fr-FR")} heures
        {modules.fields.length > 0 && sum !== total ? " : les deux doivent être égaux." : "."}
      </p>
      <Button variant="secondary" onClick={() => modules.append({ id: randomId(), title: "", content: "", hours: "" })}>
        Ajouter un module
      </Button>
    </section>
  );
}
