import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/app/(organisme)/espace-organisme/actions/action-form";
import { archive, duplicate, restore, withdrawFromValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { ActionSummary } from "@/components/action-summary";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { StatusBadge } from "@/components/status-badge";
import { getActionForOrganisation } from "@/db/queries/actions";
import { getOrganisationContact } from "@/db/queries/organisations";
import { listPublicCodes } from "@/db/queries/reference";
import { requireProviderPage } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { z } from "@/lib/validations/zod";

export const metadata: Metadata = { title: "Action de formation" };

const CONFIRMATIONS: Record<string, string> = {
  envoyee: "Votre action a été envoyée pour validation.",
  brouillon: "Brouillon enregistré.",
  retiree: "Votre action est retirée de la validation : vous pouvez la modifier.",
  dupliquee: "Voici la copie de l’action, en brouillon : ses sessions sont décalées d’un an. Vérifiez les dates et le financement, puis envoyez-la.",
  archivee: "L’action est archivée : elle n’est plus sur le site. Son historique est conservé.",
  restauree: "L’action est restaurée.",
};

export default async function ProviderActionPage({ params, searchParams }: PageProps<"/espace-organisme/actions/[actionId]">) {
  const { actionId } = await params;
  const user = await requireProviderPage(`/espace-organisme/actions/${actionId}`);
  if (!z.uuid().safeParse(actionId).success) notFound();
  // Scoped to the provider's organisation: another organisation's action is "not found".
  const action = await getActionForOrganisation({ actionId, organisationId: user.organisationId, today: currentDay() });
  if (!action) notFound();
  const [publicCodes, organisationContact, { statut }] = await Promise.all([
    listPublicCodes(),
    getOrganisationContact({ organisationId: user.organisationId }),
    searchParams,
  ]);
  const publicOptions = publicCodes.map((p) => ({ value: p.code, label: p.label }));
  const publicLabels = Object.fromEntries(publicCodes.map((p) => [p.code, p.label]));
  const confirmation = typeof statut === "string" ? CONFIRMATIONS[statut] : undefined;
  const revision = action.latestRevision;
  const content = revision.content;
  const archived = action.archivedAt !== null;

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
        {revision.quickUpdate && <span>Mise à jour rapide des places</span>}
        <span>Saisie le {formatDateTime(action.firstEnteredAt)}</span>
        {action.firstSubmittedAt && <span>· première transmission le {formatDateTime(action.firstSubmittedAt)}</span>}
        {action.published &&
          (action.online ? (
            <Link href={`/formations/${action.published.slug}`} className="text-brand-700 underline">
              Voir la version publiée
            </Link>
          ) : (
            <span className="text-amber-900">Validée, mais hors ligne aujourd’hui (archivée, aucune session à venir, ou dossier de l’organisme à renouveler)</span>
          ))}
        <Link href={`/espace-organisme/actions/${action.id}/historique`} className="text-brand-700 underline">
          Historique
        </Link>
      </div>

      <div className="mt-4 space-y-3">
        {confirmation && <Notice tone="success">{confirmation}</Notice>}
        {archived && <Notice tone="warning">Cette action est archivée le {formatDateTime(action.archivedAt!)} : elle n’est pas sur le site.</Notice>}
        {revision.status === "rejected" && revision.rejectionReason && (
          <Notice tone="warning">
            <p className="font-medium">Motif du refus : {revision.rejectionReason}</p>
            <p className="mt-1">Corrigez l’action ci-dessous puis envoyez-la de nouveau pour validation.</p>
          </Notice>
        )}
        {revision.status === "approved" && revision.providerContent && (
          <Notice tone="info">
            Le centre a corrigé la rédaction de votre action en la validant.{" "}
            <Link href={`/espace-organisme/actions/${action.id}/historique`} className="font-medium underline">
              Voir ce qui a changé
            </Link>
          </Notice>
        )}
        {action.online && revision.status !== "approved" && (
          <Notice tone="info">La version publiée reste en ligne jusqu’à la validation de cette nouvelle version.</Notice>
        )}
      </div>

      <div className="mt-4 flex flex-wrap gap-3">
        <ActionButton action={duplicate} input={{ actionId: action.id }} label="Dupliquer" />
        {archived ? (
          <ActionButton action={restore} input={{ actionId: action.id }} label="Restaurer" />
        ) : (
          revision.status !== "submitted" && (
            <ActionButton
              action={archive}
              input={{ actionId: action.id }}
              label="Archiver"
              confirmation="Archiver cette action ? Elle ne sera plus sur le site ; vous pourrez la restaurer."
            />
          )
        )}
      </div>

      {revision.status === "submitted" || archived ? (
        <section className="mt-6 space-y-4">
          {revision.status === "submitted" && (
            <>
              <p className="text-slate-800">
                En attente de validation depuis le {revision.submittedAt ? formatDateTime(revision.submittedAt) : "—"}. Pour la
                modifier, retirez-la d’abord de la validation.
              </p>
              <ActionButton action={withdrawFromValidation} input={{ actionId: action.id }} label="Retirer de la validation" />
            </>
          )}
          <ActionSummary content={content} publicLabels={publicLabels} />
        </section>
      ) : (
        <div className="mt-8">
          <ActionForm
            actionId={action.id}
            version={action.version}
            defaultValues={content}
            publicOptions={publicOptions}
            organisationContact={organisationContact}
          />
        </div>
      )}
    </>
  );
}
