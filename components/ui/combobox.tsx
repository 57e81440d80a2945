"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { inputClass } from "@/components/ui/field";

export interface Option {
  value: string;
  label: string;
  /** Communes: the postcodes that serve them. */
  postcodes?: string[];
  /** Formacodes: the NSF code the thesaurus associates with them. */
  nsf?: string;
}

const NO_RESULT = "Aucun résultat : vérifiez l’orthographe.";

/** Lower case, without accents: « Épinal » and « epinal » match. */
export function normaliseForSearch(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * A search-as-you-type list (WAI-ARIA combobox pattern), over a JSON endpoint answering
 * `[{ value, label }]` for `?q=`, or over a short list given as `options` (filtered here, accents
 * ignored). Arrow keys move, Enter picks, Escape closes.
 */
export function Combobox({
  label,
  endpoint,
  options: localOptions,
  initialText = "",
  onSelect,
  onTextChange,
  error,
  hint,
  placeholder,
  clearOnSelect = false,
  minLength = 2,
  id: givenId,
}: {
  label: string;
  endpoint?: string;
  options?: Option[];
  initialText?: string;
  onSelect: (option: Option) => void;
  onTextChange?: (text: string) => void;
  error?: string;
  hint?: string;
  placeholder?: string;
  clearOnSelect?: boolean;
  /** Characters to type before the list opens (0: on focus, for short local lists). */
  minLength?: number;
  /**
   * The input's id (the list, its options, the hint and the error take ids derived from it): a
   * form gives the id its error summary links to. Generated when not given.
   */
  id?: string;
}) {
  const generated = useId();
  const id = givenId ?? generated;
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const [text, setText] = useState(initialText);
  const [remoteOptions, setRemoteOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [remoteStatus, setRemoteStatus] = useState("");
  const lastQuery = useRef("");

  // A short list given as `options` is filtered here, as the provider types.
  const localMatches = useMemo(() => {
    if (!localOptions) return null;
    const words = normaliseForSearch(text.trim()).split(/\s+/).filter(Boolean);
    return localOptions.filter((o) => words.every((w) => normaliseForSearch(o.label).includes(w)));
  }, [localOptions, text]);
  const options = localMatches ?? remoteOptions;
  const status = localMatches
    ? localMatches.length === 0
      ? NO_RESULT
      : `${localMatches.length} résultats`
    : remoteStatus;

  useEffect(() => {
    const q = text.trim();
    if (!open || q.length < minLength || localOptions || !endpoint) return;
    lastQuery.current = q;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`${endpoint}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const found = (await response.json()) as Option[];
        if (lastQuery.current !== q) return;
        setRemoteOptions(found);
        setActive(found.length > 0 ? 0 : -1);
        setRemoteStatus(found.length === 0 ? NO_RESULT : `${found.length} résultats`);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setRemoteStatus("La recherche n’a pas abouti. Réessayez dans un instant.");
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, open, endpoint, localOptions, minLength]);

  function choose(option: Option) {
    onSelect(option);
    setText(clearOnSelect ? "" : option.label);
    setOpen(false);
    setRemoteOptions([]);
    setActive(-1);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      // Enter picks the highlighted option; it never submits the surrounding form.
      event.preventDefault();
      if (open && options[active]) choose(options[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const expanded = open && text.trim().length >= minLength && options.length > 0;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="relative space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={Boolean(error)}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        className={inputClass}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (localOptions) setActive(0);
          onTextChange?.(event.target.value);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={option.value}
            id={`${id}-opt-${index}`}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-brand-100" : ""}`}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <p className="sr-only" aria-live="polite">
        {open ? status : ""}
      </p>
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {error}
      </p>
    </div>
  );
}
