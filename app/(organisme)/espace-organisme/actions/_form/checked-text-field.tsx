"use client";

import { useState } from "react";
import { useWatch } from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";
import { applySuggestion, checkPlainLanguage, type PlainLanguageField, type PlainLanguageIssue } from "@/lib/plain-language/check";
import { fieldId, messageAt } from "./field-paths";
import type { ActionFormApi, ActionPath } from "./form-context";
import { PlainLanguageNotes } from "./plain-language-notes";

/**
 * A text field checked for plain language (R3) when the provider leaves it: what the checker finds
 * is listed under the field, in its accessible description, with the suggested wording to accept
 * in one click. Warnings can be dismissed; blocking problems are refused again on « Envoyer ».
 */
export function CheckedTextField({
  form,
  name,
  label,
  hint,
  check,
  multiline = false,
  maxLength,
}: {
  form: ActionFormApi;
  name: ActionPath;
  label: string;
  hint?: string;
  check: PlainLanguageField;
  multiline?: boolean;
  maxLength: number;
}) {
  const [issues, setIssues] = useState<PlainLanguageIssue[]>([]);
  const [dismissed, setDismissed] = useState<Set<string>>(new Set());
  const current = () => String(form.getValues(name) ?? "");
  const recheck = (text: string) => setIssues(checkPlainLanguage(text, check));
  const registered = form.register(name, { onBlur: (event) => recheck(String(event.target.value ?? "")) });
  const shown = issues.filter((issue) => issue.severity === "blocking" || !dismissed.has(issue.key));

  // The note's buttons go with it: the focus goes back to the field the note was about.
  const backToField = () => document.getElementById(fieldId(name))?.focus();
  const apply = (issue: PlainLanguageIssue) => {
    const text = applySuggestion(current(), issue);
    form.setValue(name, text, { shouldDirty: true });
    recheck(text);
    backToField();
  };

  return (
    <Field
      id={fieldId(name)}
      label={label}
      hint={hint}
      error={messageAt(form.formState.errors, name)}
      notes={
        <PlainLanguageNotes
          issues={shown}
          onApply={apply}
          onDismiss={(issue) => {
            setDismissed((keys) => new Set(keys).add(issue.key));
            backToField();
          }}
        />
      }
    >
      {(props) => (
        <>
          {multiline ? (
            <textarea {...props} {...registered} className={`${inputClass} min-h-28`} />
          ) : (
            <input {...props} {...registered} className={inputClass} />
          )}
          <CharacterCount form={form} name={name} max={maxLength} />
        </>
      )}
    </Field>
  );
}

/** « 120 / 3 000 caractères »: nothing typed is cut off; a text too long is refused with a message. */
function CharacterCount({ form, name, max }: { form: ActionFormApi; name: ActionPath; max: number }) {
  const length = String(useWatch({ control: form.control, name }) ?? "").trim().length;
  const over = length > max;
  return (
    <p className={`text-right text-xs ${over ? "font-medium text-red-700" : "text-slate-500"}`}>
      {length.toLocaleString("fr-FR")} / {max.toLocaleString("fr-FR")} caractères
    </p>
  );
}
