import type { Metadata } from "next";
import Link from "next/link";
import { listJournal, listJournalFilterOptions, resolveJournalQuery } from "@/db/queries/journal";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { currentDay } from "@/lib/clock";
import { JournalEntries } from "@/app/(gestion)/gestion/journal/journal-entries";
import { JournalFilterForm } from "@/app/(gestion)/gestion/journal/journal-filters";
import { journalSearch, parseJournalParams } from "@/app/(gestion)/gestion/journal/search-params";

export const metadata: Metadata = { title: "Journal" };

const pageLinkClass = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100";

export default async function JournalPage({ searchParams }: PageProps<"/gestion/journal">) {
  await requirePageUser(STAFF_ROLES, "/gestion/journal");
  const today = currentDay();
  const query = await resolveJournalQuery(parseJournalParams(await searchParams, today));
  const { filters } = query;
  const [page, options] = await Promise.all([listJournal({ filters, cursor: query.cursor }), listJournalFilterOptions()]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <h1 className="text-2xl font-semibold">Journal</h1>
      <p className="mt-2 text-slate-700">
        Tout ce qui a été fait dans l’outil, les entrées les plus récentes d’abord&nbsp;: saisies, envois pour validation, décisions,
        dossiers et paramètres. Les dates et heures sont celles de Paris.
      </p>
      <JournalFilterForm filters={filters} today={today} organisations={options.organisations} staff={options.staff} action={query.action} user={query.user} />
      <p className="mt-4 text-sm">
        <a href={`/gestion/journal/export.csv${journalSearch(filters)}`} className="font-medium text-brand-700 hover:underline" download>
          Exporter {filtered ? "ces entrées" : "tout le journal"} en CSV (tableur, séparateur point-virgule)
        </a>
      </p>
      {page.entries.length === 0 ? (
        <p className="mt-6 text-slate-700">{filtered ? "Aucune entrée ne correspond à ces filtres." : "Le journal est vide."}</p>
      ) : (
        <div className="mt-4">
          <JournalEntries entries={page.entries} />
        </div>
      )}
      {(page.newer !== null || page.older !== null) && (
        <nav aria-label="Pages du journal" className="mt-4 flex flex-wrap justify-between gap-4">
          {page.newer !== null ? (
            <Link href={`/gestion/journal${journalSearch(filters, { after: page.newer })}`} className={pageLinkClass}>
              ← Entrées plus récentes
            </Link>
          ) : (
            <span />
          )}
          {page.older !== null && (
            <Link href={`/gestion/journal${journalSearch(filters, { before: page.older })}`} className={pageLinkClass}>
              Entrées plus anciennes →
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
