import type { Metadata } from "next";
import Link from "next/link";
import { QuickUpdateForm } from "@/app/(organisme)/espace-organisme/quick-update-form";
import { StatusBadge } from "@/components/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { listActionsForOrganisation, STALE_DRAFT_DAYS } from "@/db/queries/actions";
import { listSessionHighlights, RECENTLY_WITHDRAWN_DAYS, STARTING_SOON_DAYS } from "@/db/queries/dashboard";
import { getDossierForOrganisation } from "@/db/queries/dossiers";
import { requireProviderPage } from "@/lib/auth/session";
import { addDays, formatDateRange, formatDateTime, formatLongDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { isRenewalDue } from "@/lib/diffusion";
import { formatPlaces } from "@/lib/format";

export const metadata: Metadata = { title: "Votre espace organisme" };


export default async function ProviderHomePage({ searchParams }: PageProps<"/espace-organisme">) {
  const user = await requireProviderPage("/espace-organisme");
  const today = currentDay();
  const [actions, dossier, highlights, { "mise-a-jour": updated }] = await Promise.all([
    listActionsForOrganisation({ organisationId: user.organisationId, today }),
    getDossierForOrganisation({ organisationId: user.organisationId, today }),
    listSessionHighlights({ organisationId: user.organisationId, today }),
    searchParams,
  ]);
  const byStatus = (status: string) => actions.filter((a) => a.status === status);
  const drafts = byStatus("draft");
  const staleDrafts = drafts.filter((a) => a.staleDraft);
  const rejected = byStatus("rejected");
  const online = actions.filter((a) => a.online).length;
  const expiry = dossier?.expiryDate ?? null;
  const remindDossier = dossier?.latest?.status !== "submitted" && isRenewalDue(expiry, today);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Votre espace organisme</h1>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href="/espace-organisme/actions/importer" variant="secondary">
            Importer un fichier LHÉO
          </ButtonLink>
          <ButtonLink href="/espace-organisme/actions/nouvelle">Nouvelle action</ButtonLink>
        </div>
      </div>

      <div className="mt-6 space-y-3">
        {typeof updated === "string" && <Notice tone="success">Votre mise à jour des places est envoyée pour validation.</Notice>}
        {dossier && !dossier.valid && (
          <Notice tone="error">
            Le dossier de votre organisme n’a pas été validé depuis plus de 12 mois, ou ne l’a jamais été : vos actions ne sont pas en ligne. Elles
            le seront de nouveau dès que le centre aura validé votre dossier.{" "}
            <Link href="/espace-organisme/dossier" className="font-medium underline">
              Mettre à jour et envoyer le dossier
            </Link>
          </Notice>
        )}
        {dossier?.valid && remindDossier && (
          <Notice tone="warning">
            <p className="font-medium">
              Le dossier de votre organisme doit être validé de nouveau avant le {formatLongDate(expiry!)} : sans cela, vos actions seront retirées du
              site.
            </p>
            <p className="mt-1">
              <Link href="/espace-organisme/dossier" className="font-medium underline">
                Vérifier et renvoyer le dossier
              </Link>{"\u00a0"}
              : si rien n’a changé, un clic suffit.
            </p>
          </Notice>
        )}
        {staleDrafts.length > 0 && (
          <Notice tone="warning">
            {staleDrafts.length === 1
              ? `Une action est en brouillon depuis plus de ${STALE_DRAFT_DAYS} jours et n’a pas été envoyée : l’équipe du centre ne la voit pas.`
              : `${staleDrafts.length} actions sont en brouillon depuis plus de ${STALE_DRAFT_DAYS} jours et n’ont pas été envoyées : l’équipe du centre ne les voit pas.`}
          </Notice>
        )}
      </div>

      <section aria-labelledby="en-bref" className="mt-6">
        <h2 id="en-bref" className="sr-only">
          En bref
        </h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Figure term="En ligne aujourd’hui" value={online} />
          <Figure term="En attente de validation" value={byStatus("submitted").length} />
          <Figure term="Brouillons" value={drafts.length} />
          <Figure term="Refusées, à corriger" value={rejected.length} />
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          Dossier de l’organisme :{" "}
          {dossier?.approvedAt ? (
            <>
              validé le {formatDateTime(dossier.approvedAt)}, valable jusqu’au {formatLongDate(addDays(expiry!, -1))}
              {dossier.keptByRenewal && " ; votre renouvellement est en cours d’examen, vos actions restent en ligne"}
            </>
          ) : (
            "jamais validé"
          )}
          .{" "}
          <Link href="/espace-organisme/dossier" className="text-brand-700 underline">
            Voir le dossier
          </Link>
        </p>
      </section>

      {(rejected.length > 0 || drafts.length > 0) && (
        <section aria-labelledby="a-faire" className="mt-8">
          <h2 id="a-faire" className="text-lg font-semibold">
            À faire
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            {rejected.map((a) => (
              <li key={a.actionId}>
                <Link href={`/espace-organisme/actions/${a.actionId}`} className="font-medium text-brand-700 underline">
                  {a.title}
                </Link>{"\u00a0"}
                : refusée. {a.rejectionReason && <>Motif : {a.rejectionReason}</>}
              </li>
            ))}
            {drafts.map((a) => (
              <li key={a.actionId}>
                <Link href={`/espace-organisme/actions/${a.actionId}`} className="font-medium text-brand-700 underline">
                  {a.title}
                </Link>{"\u00a0"}
                : brouillon du {formatDateTime(a.updatedAt)}, jamais envoyé
                {a.staleDraft && <strong className="text-amber-900"> (plus de {STALE_DRAFT_DAYS} jours)</strong>}.
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="bientot" className="mt-8">
        <h2 id="bientot" className="text-lg font-semibold">
          Sessions qui commencent dans les {STARTING_SOON_DAYS} jours avec des places libres
        </h2>
        {highlights.startingSoon.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Aucune.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {highlights.startingSoon.map((s) => (
              <li key={`${s.actionId}:${s.id}`}>
                <Link href={`/espace-organisme/actions/${s.actionId}`} className="text-brand-700 underline">
                  {s.title}
                </Link>{" "}
                — {s.town}, {formatDateRange(s.startDate, s.endDate)} : {formatPlaces(s.placesAvailable)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="retirees" className="mt-8">
        <h2 id="retirees" className="text-lg font-semibold">
          Sessions retirées du site ces {RECENTLY_WITHDRAWN_DAYS} derniers jours (8 jours après leur début)
        </h2>
        {highlights.recentlyWithdrawn.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">Aucune.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {highlights.recentlyWithdrawn.map((s) => (
              <li key={`${s.actionId}:${s.id}`}>
                {s.title} — {s.town}, commencée le {formatLongDate(s.startDate)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="vos-actions" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="vos-actions" className="text-lg font-semibold">
            Vos actions de formation
          </h2>
          <Link href="/espace-organisme/actions/archivees" className="text-sm text-brand-700 underline">
            Actions archivées
          </Link>
        </div>
        {actions.length === 0 ? (
          <p className="mt-4 text-slate-700">Vous n’avez encore saisi aucune action. Commencez par « Nouvelle action ».</p>
        ) : (
          <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Intitulé</th>
                  <th scope="col" className="px-4 py-2 font-medium">État</th>
                  <th scope="col" className="px-4 py-2 font-medium">Dernière modification</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((action) => (
                  <tr key={action.actionId} className="border-t border-slate-200 align-top">
                    <td className="px-4 py-3">
                      <Link href={`/espace-organisme/actions/${action.actionId}`} className="font-medium text-brand-700 hover:underline">
                        {action.title}
                      </Link>
                      {action.publishedSlug && action.online && action.status !== "approved" && (
                        <p className="mt-1 text-slate-600">La version publiée reste en ligne jusqu’à la validation de la nouvelle version.</p>
                      )}
                      {action.publishedSlug && !action.online && action.dossierValid && (
                        <p className="mt-1 text-amber-900">Hors ligne : aucune session à venir. Ajoutez une session pour que l’action soit de nouveau publiée.</p>
                      )}
                      {action.status === "approved" && action.sessions.length > 0 && (
                        <details className="mt-2">
                          <summary className="cursor-pointer text-brand-700 underline">Mettre à jour les places</summary>
                          <QuickUpdateForm actionId={action.actionId} version={action.version} sessions={action.sessions} />
                        </details>
                      )}
                    </td>
                    <td className="px-4 py-3">
                      <StatusBadge status={action.status} />
                      {action.quickUpdate && action.status === "submitted" && <p className="mt-1 text-slate-600">Mise à jour des places</p>}
                      {action.status === "rejected" && action.rejectionReason && (
                        <p className="mt-1 text-red-900">Motif du refus : {action.rejectionReason}</p>
                      )}
                    </td>
                    <td className="px-4 py-3 text-slate-700">{formatDateTime(action.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function Figure({ term, value }: { term: string; value: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="mt-1 text-2xl font-semibold">{value.toLocaleString("fr-FR")}</dd>
    </div>
  );
}
