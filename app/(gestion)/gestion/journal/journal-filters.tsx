import Link from "next/link";
import type { JournalFilters } from "@/db/queries/journal";
import type { UserRole } from "@/db/schema";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EVENT_LABELS, ROLE_LABELS } from "@/app/(gestion)/gestion/journal/labels";
import { EARLIEST_DAY, journalSearch, PARAM } from "@/app/(gestion)/gestion/journal/search-params";

interface Person {
  id: string;
  name: string;
  role: UserRole;
}

const labelClass = "block text-sm font-medium text-slate-800";

/** The filters, as a plain GET form: it works without JavaScript and its address can be shared. */
export function JournalFilterForm({
  filters,
  today,
  organisations,
  staff,
  action,
  user,
}: {
  filters: JournalFilters;
  today: string;
  organisations: { id: string; name: string }[];
  staff: Person[];
  /** The action filtered on (reached from an entry), shown with a way to remove it. */
  action: { id: string; title: string } | null;
  user: Person | null;
}) {
  // A provider chosen from an entry is not among the staff: offer them too, so the form keeps them.
  const people = user && !staff.some((p) => p.id === user.id) ? [user, ...staff] : staff;
  return (
    <form method="get" action="/gestion/journal" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="journal-organisation" className={labelClass}>Organisme</label>
          <select id="journal-organisation" name={PARAM.organisation} defaultValue={filters.organisationId ?? ""} className={inputClass}>
            <option value="">Tous les organismes</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="journal-person" className={labelClass}>Personne</label>
          <select id="journal-person" name={PARAM.user} defaultValue={filters.userId ?? ""} className={inputClass}>
            <option value="">Toutes les personnes</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{`${p.name} (${ROLE_LABELS[p.role].toLowerCase()})`}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="journal-event" className={labelClass}>Événement</label>
          <select id="journal-event" name={PARAM.event} defaultValue={filters.event ?? ""} className={inputClass}>
            <option value="">Tous les événements</option>
            {Object.entries(EVENT_LABELS).map(([event, label]) => (
              <option key={event} value={event}>{label}</option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="journal-from" className={labelClass}>Du</label>
          <input id="journal-from" type="date" name={PARAM.from} defaultValue={filters.from ?? ""} min={EARLIEST_DAY} max={today} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="journal-to" className={labelClass}>Au (inclus)</label>
          <input id="journal-to" type="date" name={PARAM.to} defaultValue={filters.to ?? ""} min={EARLIEST_DAY} max={today} className={inputClass} />
        </div>
      </div>
      {action && (
        <p className="mt-4 text-sm text-slate-800">
          <input type="hidden" name={PARAM.action} value={action.id} />
          Historique de l’action «&nbsp;{action.title}&nbsp;».{" "}
          <Link href={`/gestion/journal${journalSearch({ ...filters, actionId: undefined })}`} className="font-medium text-brand-700 hover:underline">
            Retirer ce filtre
          </Link>
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClass("primary")}>Filtrer</button>
        <Link href="/gestion/journal" className="text-sm font-medium text-slate-800 hover:underline">
          Effacer les filtres
        </Link>
      </div>
    </form>
  );
}
