"use client";

import { useId, useState, useTransition } from "react";
import { sendQuickUpdate } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { PublishedSessionSummary } from "@/db/queries/actions";
import { formatDateRange } from "@/lib/dates";
import { RECRUITMENT_STATES } from "@/lib/lheo/codes";

/**
 * « Mise à jour rapide » (R6): places left and recruitment state of each published session, sent
 * for validation in one step, without opening the whole form.
 */
export function QuickUpdateForm({ actionId, version, sessions }: { actionId: string; version: number; sessions: PublishedSessionSummary[] }) {
  const id = useId();
  const [values, setValues] = useState(() => sessions.map((s) => ({ id: s.id, placesAvailable: String(s.placesAvailable), recruitment: s.recruitment })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const set = (index: number, patch: Partial<(typeof values)[number]>) => setValues((all) => all.map((v, i) => (i === index ? { ...v, ...patch } : v)));

  return (
    <form
      className="mt-3 space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await sendQuickUpdate({ actionId, expectedVersion: version, sessions: values });
          // On success the server action redirects; anything returned is a problem to show.
          setMessage(result?.message);
          setErrors(result?.errors ?? {});
        });
      }}
    >
      {message && <Notice tone="error">{message}</Notice>}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Places et recrutement des sessions</caption>
        <thead>
          <tr className="text-slate-600">
            <th scope="col" className="py-1 pr-2 font-medium">Session</th>
            <th scope="col" className="py-1 pr-2 font-medium">Places disponibles</th>
            <th scope="col" className="py-1 font-medium">Recrutement</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session, index) => {
            const placesError = errors[`sessions.${index}.placesAvailable`];
            const label = `${session.town}, ${formatDateRange(session.startDate, session.endDate)}`;
            return (
              <tr key={session.id} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-2 pr-2 font-normal">
                  {label}
                  <span className="block text-slate-600">sur {session.placesTotal} places</span>
                </th>
                <td className="py-2 pr-2">
                  <input
                    aria-label={`Places disponibles, ${label}`}
                    aria-invalid={Boolean(placesError)}
                    aria-describedby={placesError ? `${id}-${index}-error` : undefined}
                    inputMode="numeric"
                    value={values[index]!.placesAvailable}
                    onChange={(e) => set(index, { placesAvailable: e.target.value })}
                    className={`${inputClass} w-24`}
                  />
                  {placesError && (
                    <p id={`${id}-${index}-error`} className="mt-1 text-red-700">
                      {placesError}
                    </p>
                  )}
                </td>
                <td className="py-2">
                  <select
                    aria-label={`État du recrutement, ${label}`}
                    value={values[index]!.recruitment}
                    onChange={(e) => set(index, { recruitment: e.target.value as PublishedSessionSummary["recruitment"] })}
                    className={inputClass}
                  >
                    {RECRUITMENT_STATES.map((state) => (
                      <option key={state.code} value={state.code}>
                        {state.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button type="submit" disabled={pending}>
        Envoyer la mise à jour
      </Button>
      <p className="text-sm text-slate-600">La version en ligne reste affichée jusqu’à la validation de la mise à jour par le centre.</p>
    </form>
  );
}
