import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { ActionForm } from "@/app/(organisme)/espace-organisme/actions/action-form";
import { ActionSummary } from "@/components/action-summary";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/status-badge";
import { WithdrawButton } from "@/app/(organisme)/espace-organisme/actions/[actionId]/withdraw-button";
import { getActionForOrganisation } from "@/db/queries/actions";
import { requireProviderPage } from "@/lib/auth/session";
import { formatDateTime, parisDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Action de formation" };

const CONFIRMATIONS: Record<string, string> = {
  envoyee: "Votre action a été envoyée pour validation.",
  brouillon: "Brouillon enregistré.",
  retiree: "Votre action est retirée de la validation : vous pouvez la modifier.",
};

export default async function ProviderActionPage({ params, searchParams }: PageProps<"/espace-organisme/actions/[actionId]">) {
  const { actionId } = await params;
  const user = await requireProviderPage(`/espace-organisme/actions/${actionId}`);
  if (!z.uuid().safeParse(actionId).success) notFound();
  // Scoped to the provider's organisation: another organisation's action is "not found".
  const action = await getActionForOrganisation({ actionId, organisationId: user.organisationId, today: parisDate() });
  if (!action) notFound();
  const { statut } = await searchParams;
  const confirmation = typeof statut === "string" ? CONFIRMATIONS[statut] : undefined;
  const revision = action.latestRevision;
  const content = revision.content;

  return (
    <>
      <p className="text-sm">
        <Link href="/espace-organisme" className="text-brand-700 hover:underline">
          ← Vos actions de formation
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{content.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <StatusBadge status={revision.status} />
        <span>Saisie le {formatDateTime(action.firstEnteredAt)}</span>
        {action.firstSubmittedAt && <span>· première transmission le {formatDateTime(action.firstSubmittedAt)}</span>}
        {action.published &&
          (action.online ? (
            <Link href={`/formations/${action.published.slug}`} className="text-brand-700 underline">
              Voir la version publiée
            </Link>
          ) : (
            <span className="text-amber-900">Validée, mais hors ligne aujourd’hui (aucune session à venir, ou dossier de l’organisme à renouveler)</span>
          ))}
      </div>

      <div className="mt-4 space-y-3">
        {confirmation && <Notice tone="success">{confirmation}</Notice>}
        {revision.status === "rejected" && revision.rejectionReason && (
          <Notice tone="warning">
            <p className="font-medium">Motif du refus : {revision.rejectionReason}</p>
            <p className="mt-1">Corrigez l’action ci-dessous puis envoyez-la de nouveau pour validation.</p>
          </Notice>
        )}
        {action.online && revision.status !== "approved" && (
          <Notice tone="info">La version publiée reste en ligne jusqu’à la validation de cette nouvelle version.</Notice>
        )}
      </div>

      {revision.status === "submitted" ? (
        <section className="mt-6 space-y-4">
          <p className="text-slate-800">
            En attente de validation depuis le {revision.submittedAt ? formatDateTime(revision.submittedAt) : "—"}. Pour la
            modifier, retirez-la d’abord de la validation.
          </p>
          <ActionSummary content={content} />
          <WithdrawButton actionId={action.id} />
        </section>
      ) : (
        <div className="mt-6">
          <ActionForm actionId={action.id} defaultValues={content} />
        </div>
      )}
    </>
  );
}
