import Link from "next/link";
import { SelectionButton } from "@/components/catalogue/selection-button";
import type { CatalogueEntry } from "@/db/queries/catalogue";
import { formatLongDate } from "@/lib/dates";

/** « Prochaine session le lundi 7 décembre 2026 », « Entrées et sorties permanentes »… */
export function nextSessionText(startDate: string | null, today: string) {
  if (!startDate) return "Entrées et sorties permanentes";
  return startDate < today
    ? `Session commencée le ${formatLongDate(startDate)}`
    : `Prochaine session le ${formatLongDate(startDate)}`;
}

/**
 * `note` adds a line about this result, such as its distance from the town searched; `selectable`
 * adds « Ajouter à ma sélection » (search results: the page is rendered per request anyway, so its
 * small client component costs nothing the cached pages would pay).
 */
export function ActionCard({ action, today, note, selectable = false }: { action: CatalogueEntry; today: string; note?: string; selectable?: boolean }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 className="text-lg font-semibold">
        <Link href={`/formations/${action.slug}`} className="text-brand-800 hover:underline">
          {action.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-slate-700">{action.organisationName}</p>
      <p className="mt-2 line-clamp-2 text-sm text-slate-600">{action.objectives}</p>
      <p className="mt-3 text-sm text-slate-800">
        {nextSessionText(action.nextStartDate, today)}
        {action.towns.length > 0 && <> · {action.towns.join(", ")}</>}
      </p>
      {note && <p className="mt-1 text-sm text-slate-700">{note}</p>}
      {selectable && (
        <p className="mt-3">
          <SelectionButton actionId={action.actionId} title={action.title} />
        </p>
      )}
    </li>
  );
}

export function ActionCardList({ actions, today, empty }: { actions: CatalogueEntry[]; today: string; empty: string }) {
  if (actions.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label="Formations">
      {actions.map((action) => (
        <ActionCard key={action.actionId} action={action} today={today} />
      ))}
    </ul>
  );
}

export function CatalogueSkeleton() {
  return <p className="text-slate-500">Chargement des formations…</p>;
}

/** One line an action (an organisation's page may list many): title, next session and towns. */
export function CompactActionList({ actions, today, empty }: { actions: CatalogueEntry[]; today: string; empty: string }) {
  if (actions.length === 0) return <p className="text-slate-700">{empty}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Formations">
      {actions.map((action) => (
        <li key={action.actionId} className="px-4 py-3">
          <Link href={`/formations/${action.slug}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
            {action.title}
          </Link>
          <span className="block text-sm text-slate-700">
            {nextSessionText(action.nextStartDate, today)}
            {action.towns.length > 0 && <> · {action.towns.join(", ")}</>}
          </span>
        </li>
      ))}
    </ul>
  );
}
