"use client";

import { useId, useMemo } from "react";
import { Combobox, type Option } from "@/components/ui/combobox";

/**
 * Several values chosen from a searchable list (Formacodes, publics, funders…): the chosen ones
 * are listed with a button to remove each, the combobox adds more.
 */
export function ChipsPicker({
  label,
  chosenLabel,
  selected,
  onChange,
  endpoint,
  options,
  max,
  error,
  hint,
  placeholder,
  minLength,
}: {
  /** The combobox's label: « Ajouter un public ». */
  label: string;
  /** The list's accessible name: « Publics choisis ». */
  chosenLabel: string;
  selected: Option[];
  onChange: (selected: Option[]) => void;
  endpoint?: string;
  options?: Option[];
  max?: number;
  error?: string;
  hint?: string;
  placeholder?: string;
  minLength?: number;
}) {
  const full = max !== undefined && selected.length >= max;
  const fullMessage = `${max} au maximum\u00a0: retirez-en un pour en ajouter un autre.`;
  const inputId = useId();
  // Stable between renders: the combobox filters again only when the choice changes.
  const remaining = useMemo(() => options?.filter((o) => !selected.some((s) => s.value === o.value)), [options, selected]);
  return (
    <div className="space-y-2">
      {selected.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label={chosenLabel}>
          {selected.map((option) => (
            <li key={option.value} className="flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-sm text-brand-800">
              {option.label}
              <button
                type="button"
                aria-label={`Retirer « ${option.label} »`}
                className="rounded-full px-1 font-bold text-brand-800 hover:bg-brand-100"
                onClick={() => {
                  onChange(selected.filter((o) => o.value !== option.value));
                  // The button goes with its value: the focus goes to the field that adds one.
                  document.getElementById(inputId)?.focus();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <Combobox
        id={inputId}
        label={label}
        endpoint={endpoint}
        options={remaining}
        placeholder={full ? fullMessage : placeholder}
        // Full: said with the field (its description), not only in its placeholder.
        hint={full ? fullMessage : hint}
        error={error}
        clearOnSelect
        minLength={minLength}
        onSelect={(option) => {
          if (full || selected.some((s) => s.value === option.value)) return;
          onChange([...selected, option]);
        }}
      />
    </div>
  );
}
