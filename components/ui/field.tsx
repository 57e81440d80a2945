import { useId } from "react";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 aria-invalid:border-red-600";

export const inputClass = control;

/**
 * A labelled control with its hint, notes (warnings, suggestions) and error. The hint, the notes
 * and the error are tied to the control with aria-describedby, so screen readers announce them;
 * the error and the notes are also announced as they appear (aria-live).
 */
export function Field({
  label,
  error,
  hint,
  notes,
  children,
  id: givenId,
}: {
  label: string;
  error?: string;
  hint?: string;
  notes?: React.ReactNode;
  id?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const notesId = notes ? `${id}-notes` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, notesId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      <div id={notesId} aria-live="polite">
        {notes}
      </div>
      <p id={errorId} aria-live="polite" className="min-h-0 text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
