"use client";

import { useSyncExternalStore } from "react";

// A counsellor's selection, kept in this browser only (no account): the ids of the chosen
// actions in localStorage. /selection?ids=… shows them, rendered on the server from the link.

const KEY = "offre-formation:selection";
const CHANGED = "offre-formation:selection-changed";
const MAX = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

const snapshot = () => window.localStorage.getItem(KEY) ?? "[]";

function parse(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(value) ? value.filter((id): id is string => typeof id === "string" && UUID.test(id)).slice(0, MAX) : [];
  } catch {
    return [];
  }
}

function save(ids: string[]) {
  window.localStorage.setItem(KEY, JSON.stringify(ids.slice(0, MAX)));
  window.dispatchEvent(new Event(CHANGED));
}

/** The selection as it stands in this browser (null while rendering on the server). */
function useSelection(): string[] | null {
  const text = useSyncExternalStore(subscribe, snapshot, () => null);
  return text === null ? null : parse(text);
}

/** « Ajouter à ma sélection » / « Retirer de ma sélection », for an action page or a result card. */
export function SelectionButton({ actionId, title }: { actionId: string; title: string }) {
  const ids = useSelection();
  const selected = ids?.includes(actionId) ?? false;
  const full = !selected && (ids?.length ?? 0) >= MAX;
  return (
    <button
      type="button"
      data-selected={selected}
      aria-label={`${selected ? "Retirer de ma sélection" : "Ajouter à ma sélection"} : ${title}`}
      disabled={ids === null || full}
      title={full ? `Votre sélection compte déjà ${MAX} formations.` : undefined}
      onClick={() => save(selected ? ids!.filter((id) => id !== actionId) : [...ids!, actionId])}
      className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60 data-[selected=true]:bg-brand-50 print:hidden"
    >
      {selected ? "Retirer de ma sélection" : "Ajouter à ma sélection"}
    </button>
  );
}

/** On /selection without ids: opens the page of this browser's selection, as a link to share. */
export function OpenStoredSelection() {
  const ids = useSelection();
  if (ids === null) {
    return (
      <>
        <p className="text-slate-600">Lecture de votre sélection…</p>
        <noscript>
          <p>Votre sélection est gardée par votre navigateur : pour la voir ici, autorisez JavaScript sur ce site.</p>
        </noscript>
      </>
    );
  }
  if (ids.length === 0) return <p>Votre sélection est vide : ajoutez des formations depuis leur page avec « Ajouter à ma sélection ».</p>;
  return (
    <p>
      <a className="font-medium text-brand-700 underline" href={`/selection?ids=${ids.join(",")}`}>
        {ids.length === 1 ? "Afficher la formation de votre sélection" : `Afficher les ${ids.length} formations de votre sélection`}
      </a>
    </p>
  );
}
