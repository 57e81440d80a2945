import { EVENT_LABELS, type AuditEvent } from "@/lib/audit-events";
import type { listOrganisationHistory } from "@/db/queries/organisations-admin";
import { formatDateTime } from "@/lib/dates";



const ROLE_NAMES = { provider: "organisme", staff: "centre", admin: "centre" } as const;

type Entry = Awaited<ReturnType<typeof listOrganisationHistory>>[number];

/** The record an entry is about: an account (its identifier), an action (its title), or the organisation. */
function subject(entry: Entry, actionTitles: Map<string, string>, identifiers: Map<string, string>): string | null {
  const details = entry.details ?? {};
  if (entry.entityType === "user") return `compte ${identifiers.get(entry.entityId) ?? String(details.identifier ?? "")}`;
  if (entry.entityType === "action") {
    const title = actionTitles.get(entry.entityId) ?? (typeof details.title === "string" ? details.title : "");
    return title ? `«\u00a0${title}\u00a0»` : "action";
  }
  return null;
}

/** The organisation's history, newest first: who did what, to which of its records. */
export function OrganisationHistory({
  entries,
  actionTitles,
  identifiers,
}: {
  entries: Entry[];
  actionTitles: Map<string, string>;
  identifiers: Map<string, string>;
}) {
  if (entries.length === 0) return <p className="text-slate-700">Rien n’est encore inscrit au journal pour cet organisme.</p>;
  return (
    <ol className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm">
      {entries.map((entry) => {
        const about = subject(entry, actionTitles, identifiers);
        const reason = entry.details?.reason;
        return (
          <li key={entry.id} className="px-4 py-2">
            <span className="text-slate-600">{formatDateTime(entry.at)}</span> —{" "}
            <span className="font-medium">{EVENT_LABELS[entry.event as AuditEvent] ?? entry.event}</span>
            {about && <span> · {about}</span>}
            <span className="text-slate-600">
              {" "}
              · {entry.actorName ?? "système"}
              {entry.actorRole ? ` (${ROLE_NAMES[entry.actorRole]})` : ""}
            </span>
            {typeof reason === "string" && <p className="mt-1 text-slate-700">Motif&nbsp;: {reason}</p>}
          </li>
        );
      })}
    </ol>
  );
}
