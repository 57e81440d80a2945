import Link from "next/link";
import type { JournalEntry } from "@/db/queries/journal";
import { actorLabel, entryDetail, entryLabel, entryRecord, formatEntryTime } from "@/app/(gestion)/gestion/journal/labels";
import { journalSearch } from "@/app/(gestion)/gestion/journal/search-params";

const linkClass = "font-medium text-brand-700 hover:underline";

/** One page of the journal, newest first: when, who, what, on which record. */
export function JournalEntries({ entries }: { entries: JournalEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Entrées du journal, des plus récentes aux plus anciennes</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Date et heure</th>
            <th scope="col" className="px-4 py-2 font-medium">Qui</th>
            <th scope="col" className="px-4 py-2 font-medium">Événement</th>
            <th scope="col" className="px-4 py-2 font-medium">Concerne</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const record = entryRecord(entry);
            const detail = entryDetail(entry);
            return (
              <tr key={entry.id} className="border-t border-slate-200 align-top">
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={entry.at.toISOString()}>{formatEntryTime(entry.at)}</time>
                </td>
                <td className="px-4 py-3">{actorLabel(entry)}</td>
                <td className="px-4 py-3">
                  <p className="font-medium text-slate-900">{entryLabel(entry)}</p>
                  {detail && <p className="mt-1 whitespace-pre-line text-slate-600">{detail}</p>}
                </td>
                <td className="px-4 py-3">
                  {record.href ? (
                    <Link href={record.href} className={linkClass}>
                      {record.label}
                    </Link>
                  ) : (
                    <span>{record.label}</span>
                  )}
                  {entry.action && entry.organisation && <p className="mt-1 text-slate-600">{entry.organisation.name}</p>}
                  {entry.action && (
                    <p className="mt-1">
                      <Link href={`/gestion/journal${journalSearch({ actionId: entry.action.id })}`} className="text-slate-700 underline hover:text-slate-900">
                        Tout l’historique de cette action
                      </Link>
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
