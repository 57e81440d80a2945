import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContentDiff } from "@/components/content-diff";
import { StatusBadge } from "@/components/status-badge";
import { EVENT_LABELS, type AuditEvent } from "@/lib/audit-events";
import { listActionHistory } from "@/db/queries/actions";
import { requireProviderPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { describeDiffusionChange } from "@/lib/diffusion-changes";
import { wordingChanges, type ContentDiff as Diff } from "@/lib/diff/content";
import type { ActionContent } from "@/lib/validations/action";
import { z } from "@/lib/validations/zod";

export const metadata: Metadata = { title: "Historique de l’action" };

/** What staff changed in the wording of a version before approving it. */
function wordingDiff(sent: ActionContent, approved: ActionContent): Diff {
  const fields = wordingChanges(sent, approved);
  return { fields, lists: [], isNew: false, hasChanges: fields.length > 0 };
}

/** Each version of the action with its dates and the centre's decision (R1: dates kept for good). */
export default async function ActionHistoryPage({ params }: PageProps<"/espace-organisme/actions/[actionId]/historique">) {
  const { actionId } = await params;
  const user = await requireProviderPage(`/espace-organisme/actions/${actionId}/historique`);
  if (!z.uuid().safeParse(actionId).success) notFound();
  const history = await listActionHistory({ actionId, organisationId: user.organisationId });
  if (!history) notFound();

  return (
    <>
      <p className="text-sm">
        <Link href={`/espace-organisme/actions/${actionId}`} className="text-brand-700 hover:underline">
          ← Retour à l’action
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Historique de l’action</h1>

      <section aria-labelledby="versions" className="mt-6">
        <h2 id="versions" className="text-lg font-semibold">
          Versions
        </h2>
        <ol className="mt-3 space-y-3">
          {history.revisions.map((revision) => (
            <li key={revision.id} className="rounded-md border border-slate-200 bg-white p-4 text-sm">
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-medium">Version {revision.number}</span>
                <StatusBadge status={revision.status} />
                {revision.quickUpdate && <span className="text-slate-600">mise à jour rapide des places</span>}
              </div>
              <ul className="mt-2 space-y-1 text-slate-700">
                <li>Commencée le {formatDateTime(revision.createdAt)}</li>
                {revision.submittedAt && <li>Envoyée pour validation le {formatDateTime(revision.submittedAt)}</li>}
                {revision.decidedAt && (
                  <li>
                    {revision.status === "approved" ? "Validée" : "Refusée"} le {formatDateTime(revision.decidedAt)}
                    {revision.decidedByName && <> par {revision.decidedByName}</>}
                  </li>
                )}
                {revision.rejectionReason && <li>Motif du refus : {revision.rejectionReason}</li>}
              </ul>
              {revision.providerContent && (
                <div className="mt-3">
                  <p className="font-medium">Le centre a corrigé la rédaction avant de valider :</p>
                  <div className="mt-2">
                    <ContentDiff diff={wordingDiff(revision.providerContent, revision.content)} headingLevel={3} />
                  </div>
                </div>
              )}
            </li>
          ))}
        </ol>
      </section>

      {history.diffusion.length > 0 && (
        <section aria-labelledby="sur-le-site" className="mt-8">
          <h2 id="sur-le-site" className="text-lg font-semibold">
            Sur le site
          </h2>
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {history.diffusion.map((change, index) => (
              <li key={index}>{describeDiffusionChange(change)}</li>
            ))}
          </ul>
        </section>
      )}

      {history.events.length > 0 && (
        <section aria-labelledby="evenements" className="mt-8">
          <h2 id="evenements" className="text-lg font-semibold">
            Événements
          </h2>
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {history.events.map((event, index) => (
              <li key={index}>
                {formatDateTime(event.at)} : {EVENT_LABELS[event.event as AuditEvent] ?? event.event}
                {event.actorName && <> ({event.actorName})</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
