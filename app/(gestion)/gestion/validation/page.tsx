import type { Metadata } from "next";
import Link from "next/link";
import { ApproveMinorButton } from "@/app/(gestion)/gestion/validation/approve-minor-button";
import { Notice } from "@/components/ui/notice";
import { getDossierForReview } from "@/db/queries/dossiers";
import { LATE_AFTER_WORKING_DAYS, listReviewQueue, type QueueFilters } from "@/db/queries/queue";
import { getRevisionTitle } from "@/db/queries/review";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { addDays, formatDateTime, formatLongDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { z } from "@/lib/validations/zod";

export const metadata: Metadata = { title: "À valider" };

const uuid = z.uuid();
type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

async function decisionMessage(params: Params) {
  const dossierId = one(params["dossier-valide"]) ?? one(params["dossier-refuse"]);
  if (dossierId) {
    if (!uuid.safeParse(dossierId).success) return null;
    const review = await getDossierForReview({ dossierId });
    if (!review) return null;
    const name = `«\u00a0${review.organisation.name}\u00a0»`;
    return params["dossier-valide"] ? `Le dossier de ${name} est validé pour 12 mois.` : `Le dossier de ${name} a été renvoyé à l’organisme.`;
  }
  const id = one(params.publiee) ?? one(params.refusee);
  if (!id || !uuid.safeParse(id).success) return null;
  const title = await getRevisionTitle({ revisionId: id });
  if (!title) return null;
  return params.publiee ? `L’action «\u00a0${title}\u00a0» est publiée.` : `L’action «\u00a0${title}\u00a0» a été renvoyée à l’organisme.`;
}

/** The filters of the URL; anything else is ignored. */
function filtersOf(params: Params): QueueFilters {
  const kind = one(params.type);
  const minor = one(params.mineur);
  const organisation = one(params.organisme);
  return {
    kind: kind === "action" || kind === "dossier" ? kind : undefined,
    minor: minor === "oui" ? true : minor === "non" ? false : undefined,
    organisationId: organisation && uuid.safeParse(organisation).success ? organisation : undefined,
    late: one(params.retard) === "oui",
  };
}

function dossierDetail(expiry: string | null, today: string) {
  if (!expiry) return "Premier dossier de l’organisme";
  return expiry <= today
    ? `Renouvellement\u00a0: dossier arrivé à échéance le ${formatLongDate(expiry)}`
    : `Renouvellement\u00a0: dossier valable jusqu’au ${formatLongDate(addDays(expiry, -1))}`;
}

const selectClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export default async function ValidationQueuePage({ searchParams }: PageProps<"/gestion/validation">) {
  await requirePageUser(STAFF_ROLES, "/gestion/validation");
  const params = await searchParams;
  const today = currentDay();
  const filters = filtersOf(params);
  const [{ items, total, organisations }, message] = await Promise.all([listReviewQueue({ filters, today }), decisionMessage(params)]);
  const filtered = items.length !== total;

  return (
    <>
      <h1 className="text-2xl font-semibold">Actions à valider</h1>
      <p className="mt-2 text-slate-700">
        Les actions de formation et les dossiers d’organisme envoyés, les plus anciens d’abord ; les renouvellements de dossiers proches de leur
        échéance passent en tête. Au-delà de {LATE_AFTER_WORKING_DAYS} jours ouvrés d’attente, une demande est signalée.
      </p>
      {message && (
        <Notice tone="success" className="mt-4">
          {message}
        </Notice>
      )}

      <form method="get" className="mt-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label="Filtrer les demandes">
        <label className="text-sm">
          <span className="block font-medium">Type</span>
          <select name="type" defaultValue={filters.kind ?? ""} className={selectClass}>
            <option value="">Tout</option>
            <option value="action">Actions de formation</option>
            <option value="dossier">Dossiers d’organisme</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Organisme</span>
          <select name="organisme" defaultValue={filters.organisationId ?? ""} className={selectClass}>
            <option value="">Tous</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Changement mineur</span>
          <select name="mineur" defaultValue={filters.minor === undefined ? "" : filters.minor ? "oui" : "non"} className={selectClass}>
            <option value="">Indifférent</option>
            <option value="oui">Oui : places ou recrutement</option>
            <option value="non">Non</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="retard" value="oui" defaultChecked={filters.late} className="h-4 w-4" />
          En attente depuis plus de {LATE_AFTER_WORKING_DAYS} jours ouvrés
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
          Filtrer
        </button>
        {filtered && (
          <Link href="/gestion/validation" className="text-sm text-brand-700 underline">
            Tout afficher
          </Link>
        )}
      </form>

      <p className="mt-4 text-sm text-slate-700" role="status">
        {filtered ? `${items.length} demande${items.length > 1 ? "s" : ""} sur ${total}` : `${total} demande${total > 1 ? "s" : ""} en attente`}
      </p>
      {items.length === 0 ? (
        <p className="mt-4 text-slate-700">{total === 0 ? "Rien n’attend de validation." : "Aucune demande ne correspond à ces filtres."}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                <th scope="col" className="px-4 py-2 font-medium">Type</th>
                <th scope="col" className="px-4 py-2 font-medium">Organisme</th>
                <th scope="col" className="px-4 py-2 font-medium">Transmis le</th>
                <th scope="col" className="px-4 py-2 font-medium">Attente</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.kind}-${item.id}`} className={`border-t border-slate-200 align-top ${item.late ? "bg-amber-50" : ""}`}>
                  <td className="px-4 py-3">
                    <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                      {item.title}
                    </Link>
                    {item.kind === "action" && item.isUpdate && <p className="mt-1 text-slate-600">Modification d’une action publiée</p>}
                    {item.kind === "dossier" && (
                      <p className={`mt-1 ${item.urgent ? "font-medium text-amber-900" : "text-slate-600"}`}>{dossierDetail(item.expiry, today)}</p>
                    )}
                    {item.confirmedUnchanged && <p className="mt-1 text-slate-600">Renvoyé sans modification</p>}
                    {item.minorChange && (
                      <div className="mt-2 flex flex-wrap items-center gap-2">
                        <span className="rounded bg-sky-100 px-2 py-0.5 text-sky-900">
                          Changement mineur{item.quickUpdate ? " (mise à jour rapide)" : ""} : places ou recrutement
                        </span>
                        <ApproveMinorButton revisionId={item.id} submittedAt={item.submittedAt!.toISOString()} title={item.title} />
                      </div>
                    )}
                  </td>
                  <td className="px-4 py-3">{item.kind === "action" ? "Action de formation" : "Dossier d’organisme"}</td>
                  <td className="px-4 py-3">{item.organisationName}</td>
                  <td className="px-4 py-3">{item.submittedAt ? formatDateTime(item.submittedAt) : "—"}</td>
                  <td className="px-4 py-3">
                    <span className={item.late ? "font-semibold text-amber-900" : undefined}>
                      {item.waitingDays} jour{item.waitingDays > 1 ? "s" : ""} ouvré{item.waitingDays > 1 ? "s" : ""}
                    </span>
                    {item.late && <span className="block text-amber-900">En retard</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
