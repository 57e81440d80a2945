import type { Metadata } from "next";
import Link from "next/link";
import { z } from "@/lib/validations/zod";
import { isRenewalDue } from "@/lib/diffusion";
import { Notice } from "@/components/ui/notice";
import { getDossierForReview, listDossierQueue } from "@/db/queries/dossiers";
import { getRevisionTitle, listValidationQueue } from "@/db/queries/review";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { dossierExpiryDate } from "@/lib/diffusion";
import { addDays, formatDateTime, formatLongDate, parisDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Actions à valider" };

const uuid = z.uuid();

async function decisionMessage(params: Record<string, string | string[] | undefined>) {
  const { publiee, refusee, "dossier-valide": dossierApproved, "dossier-refuse": dossierRejected } = params;
  const dossierId = typeof dossierApproved === "string" ? dossierApproved : typeof dossierRejected === "string" ? dossierRejected : undefined;
  if (dossierId) {
    if (!uuid.safeParse(dossierId).success) return null;
    const review = await getDossierForReview({ dossierId });
    if (!review) return null;
    const name = `«\u00a0${review.organisation.name}\u00a0»`;
    return dossierApproved
      ? `Le dossier de ${name} est validé pour 12 mois.`
      : `Le dossier de ${name} a été renvoyé à l’organisme.`;
  }
  const id = typeof publiee === "string" ? publiee : typeof refusee === "string" ? refusee : undefined;
  if (!id || !uuid.safeParse(id).success) return null;
  const title = await getRevisionTitle({ revisionId: id });
  if (!title) return null;
  return publiee ? `L’action «\u00a0${title}\u00a0» est publiée.` : `L’action «\u00a0${title}\u00a0» a été renvoyée à l’organisme.`;
}

interface QueueItem {
  key: string;
  kind: "Action de formation" | "Dossier d’organisme";
  href: string;
  title: string;
  details: string[];
  organisationName: string;
  submittedAt: Date | null;
  firstEnteredAt: Date | null;
  /** A renewal of a dossier close to (or past) its expiry: listed first, soonest expiry first. */
  urgentUntil: string | null;
}

/**
 * Action revisions and organisation dossiers in one list, oldest submission first, except the
 * renewals of dossiers close to their expiry (R8), which come first.
 */
async function listQueue(today: string): Promise<QueueItem[]> {
  const [revisions, dossiers] = await Promise.all([listValidationQueue(), listDossierQueue()]);
  const items: QueueItem[] = [
    ...revisions.map((r) => ({
      key: `action-${r.revisionId}`,
      kind: "Action de formation" as const,
      href: `/gestion/validation/${r.revisionId}`,
      title: r.title,
      details: r.isUpdate ? ["Modification d’une action publiée"] : [],
      organisationName: r.organisationName,
      submittedAt: r.submittedAt,
      firstEnteredAt: r.firstEnteredAt,
      urgentUntil: null,
    })),
    ...dossiers.map((d) => {
      const expiry = d.dossierApprovedAt ? dossierExpiryDate(d.dossierApprovedAt) : null;
      const details = [
        !expiry
          ? "Premier dossier de l’organisme"
          : expiry <= today
            ? `Renouvellement\u00a0: dossier arrivé à échéance le ${formatLongDate(expiry)}`
            : `Renouvellement\u00a0: dossier valable jusqu’au ${formatLongDate(addDays(expiry, -1))}`,
      ];
      if (d.confirmedUnchanged) details.push("Renvoyé sans modification");
      return {
        key: `dossier-${d.dossierId}`,
        kind: "Dossier d’organisme" as const,
        href: `/gestion/dossiers/${d.dossierId}`,
        title: `Dossier de ${d.organisationName}`,
        details,
        organisationName: d.organisationName,
        submittedAt: d.submittedAt,
        firstEnteredAt: null,
        urgentUntil: isRenewalDue(expiry, today) ? expiry : null,
      };
    }),
  ];
  const time = (at: Date | null) => at?.getTime() ?? 0;
  return items.sort((a, b) => {
    if (a.urgentUntil && b.urgentUntil && a.urgentUntil !== b.urgentUntil) return a.urgentUntil < b.urgentUntil ? -1 : 1;
    if (Boolean(a.urgentUntil) !== Boolean(b.urgentUntil)) return a.urgentUntil ? -1 : 1;
    return time(a.submittedAt) - time(b.submittedAt) || a.key.localeCompare(b.key);
  });
}

export default async function ValidationQueuePage({ searchParams }: PageProps<"/gestion/validation">) {
  await requirePageUser(STAFF_ROLES, "/gestion/validation");
  const [queue, message] = await Promise.all([listQueue(parisDate()), searchParams.then(decisionMessage)]);
  return (
    <>
      <h1 className="text-2xl font-semibold">Actions à valider</h1>
      <p className="mt-2 text-slate-700">
        Les actions de formation et les dossiers d’organisme envoyés, les plus anciens d’abord&nbsp;; les renouvellements de dossiers
        proches de leur échéance passent en tête.
      </p>
      {message && <Notice tone="success" className="mt-4">{message}</Notice>}
      {queue.length === 0 ? (
        <p className="mt-6 text-slate-700">Rien n’attend de validation.</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                <th scope="col" className="px-4 py-2 font-medium">Type</th>
                <th scope="col" className="px-4 py-2 font-medium">Organisme</th>
                <th scope="col" className="px-4 py-2 font-medium">Transmis le</th>
                <th scope="col" className="px-4 py-2 font-medium">Première saisie</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((item) => (
                <tr key={item.key} className="border-t border-slate-200 align-top">
                  <td className="px-4 py-3">
                    <Link href={item.href} className="font-medium text-brand-700 hover:underline">
                      {item.title}
                    </Link>
                    {item.details.map((detail) => (
                      <p key={detail} className={`mt-1 ${item.urgentUntil ? "font-medium text-amber-900" : "text-slate-600"}`}>
                        {detail}
                      </p>
                    ))}
                  </td>
                  <td className="px-4 py-3">{item.kind}</td>
                  <td className="px-4 py-3">{item.organisationName}</td>
                  <td className="px-4 py-3">{item.submittedAt ? formatDateTime(item.submittedAt) : "—"}</td>
                  <td className="px-4 py-3">{item.firstEnteredAt ? formatDateTime(item.firstEnteredAt) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
