"use client";

import { useDeferredValue, useMemo } from "react";
import { useWatch } from "react-hook-form";
import { parisDate } from "@/lib/dates";
import { validateSubmission } from "@/lib/validations/action";
import { describePath, fieldId } from "./field-paths";
import type { ActionFormApi } from "./form-context";

/**
 * « Avant d’envoyer »: what « Envoyer pour validation » would refuse, kept up to date as the
 * provider types, each item a link to its field. The same function checks again on sending.
 */
export function MissingSummary({ form }: { form: ActionFormApi }) {
  const values = useDeferredValue(useWatch({ control: form.control }));
  const problems = useMemo(() => {
    const result = validateSubmission(values, parisDate());
    return result.success ? [] : Object.entries(result.errors);
  }, [values]);

  return (
    <section aria-labelledby="avant-envoi" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="avant-envoi" className="text-lg font-semibold">
        Avant d’envoyer pour validation
      </h2>
      {problems.length === 0 ? (
        <p className="mt-2 text-sm text-green-800">Tout ce qui est nécessaire est rempli : vous pouvez envoyer l’action.</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">
            {problems.length === 1 ? "Un point reste à compléter :" : `${problems.length} points restent à compléter :`}
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {problems.slice(0, 30).map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`} className="text-brand-700 underline">
                  {describePath(path)}
                </a>{" "}
                — {message}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
