import { formatDateRange } from "@/lib/dates";
import { formatPlaces } from "@/lib/format";
import type { ActionContent } from "@/lib/validations/action";

/** A revision's content as entered, read-only: for staff under review and for a provider waiting. */
export function ActionSummary({ content }: { content: ActionContent }) {
  return (
    <div className="space-y-6">
      <section>
        <h2 className="text-lg font-semibold">Objectifs</h2>
        <p className="mt-1 whitespace-pre-line text-slate-800">{content.objectives || "—"}</p>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Contenu</h2>
        <p className="mt-1 whitespace-pre-line text-slate-800">{content.content || "—"}</p>
      </section>
      <section>
        <h2 className="text-lg font-semibold">Sessions</h2>
        {content.permanentEntry && <p className="mt-1">Entrées et sorties permanentes</p>}
        <ul className="mt-2 space-y-2">
          {content.sessions.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <span className="font-medium">{s.communeName}</span> : {formatDateRange(s.startDate, s.endDate)},{" "}
              {formatPlaces(s.placesAvailable)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
