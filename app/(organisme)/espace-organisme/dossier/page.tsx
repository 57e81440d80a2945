import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmUpToDateForm } from "@/app/(organisme)/espace-organisme/dossier/confirm-up-to-date-form";
import { DossierForm } from "@/app/(organisme)/espace-organisme/dossier/dossier-form";
import { withdrawDossierFromValidation } from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { isRenewalDue } from "@/lib/diffusion";
import { DossierStatusBadge, DossierSummary } from "@/components/dossier-summary";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { getDossierForOrganisation } from "@/db/queries/dossiers";
import { getFormacodeLabels } from "@/db/queries/reference";
import { requireProviderPage } from "@/lib/auth/session";
import { addDays, formatDateTime, formatLongDate, parisDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";

export const metadata: Metadata = { title: "Dossier de l’organisme" };

const CONFIRMATIONS: Record<string, string> = {
  brouillon: "Brouillon enregistré. Il n’est pas encore envoyé\u00a0: l’équipe du centre ne le voit pas.",
  envoye: "Votre dossier a été envoyé pour validation.",
  retire: "Votre dossier est retiré de la validation\u00a0: vous pouvez le modifier.",
  confirme: "Votre dossier a été renvoyé pour validation, sans modification.",
};

export default async function OrganisationDossierPage({ searchParams }: PageProps<"/espace-organisme/dossier">) {
  const user = await requireProviderPage("/espace-organisme/dossier");
  const today = currentDay();
  const dossier = await getDossierForOrganisation({ organisationId: user.organisationId, today });
  if (!dossier) notFound();
  const { statut } = await searchParams;
  const confirmation = typeof statut === "string" ? CONFIRMATIONS[statut] : undefined;

  const { latest, approvedAt, expiryDate, valid, keptByRenewal, version } = dossier;
  // What the provider starts from: the open version, else the last one sent, else the approved one.
  const content = latest?.content ?? dossier.approved;
  const status = latest?.status ?? (approvedAt ? "approved" : null);
  const waiting = latest?.status === "submitted";
  const open = waiting || latest?.status === "draft";
  const lastValidDay = expiryDate ? addDays(expiryDate, -1) : null;
  const renewalDue = isRenewalDue(expiryDate, today);
  // The one-click renewal resends the approved dossier: there must be one, and nothing open.
  const canConfirm = renewalDue && !open && dossier.organisation.dossier !== null;
  const formacodes = await getFormacodeLabels({ codes: content.trainingFields });

  return (
    <>
      <p className="text-sm">
        <Link href="/espace-organisme" className="text-brand-700 hover:underline">
          ← Vos actions de formation
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">Dossier de l’organisme</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Qui vous êtes, vos domaines de formation, vos moyens et vos contacts. Le centre valide ce dossier au moins une fois
        par an&nbsp;: sans dossier valide, vos actions ne sont plus en ligne.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <DossierStatusBadge status={status} />
        {approvedAt && lastValidDay && expiryDate && (
          <span>
            Dernière validation le {formatLongDate(parisDate(approvedAt))},{" "}
            {valid && !keptByRenewal ? `valable jusqu’au ${formatLongDate(lastValidDay)}` : `arrivé à échéance le ${formatLongDate(expiryDate)}`}
          </span>
        )}
      </div>

      <div className="mt-4 space-y-3">
        {confirmation && <Notice tone="success">{confirmation}</Notice>}

        {!approvedAt && (
          <Notice tone="warning">
            Le dossier de votre organisme n’a encore jamais été validé&nbsp;: vos actions ne peuvent pas être mises en ligne.{" "}
            {waiting ? "Elles le seront dès que le centre aura validé votre dossier." : "Complétez-le puis envoyez-le pour validation."}
          </Notice>
        )}
        {approvedAt && !valid && expiryDate && (
          <Notice tone="error">
            <p className="font-medium">
              Votre dossier n’est plus valide depuis le {formatLongDate(expiryDate)}&nbsp;: vos actions ne sont plus en ligne, ni sur le
              site ni dans l’offre de formation transmise à France Travail.
            </p>
            <p className="mt-1">
              {waiting
                ? "Elles le seront de nouveau dès que le centre aura validé le dossier que vous avez envoyé."
                : "Elles le seront de nouveau dès que le centre aura validé votre dossier\u00a0: vérifiez-le puis renvoyez-le pour validation."}
            </p>
          </Notice>
        )}
        {keptByRenewal && expiryDate && (
          <Notice tone="info">
            Votre dossier est arrivé à échéance le {formatLongDate(expiryDate)}, mais vous l’avez renvoyé à temps&nbsp;: vos actions
            restent en ligne jusqu’à la décision du centre.
          </Notice>
        )}

        {canConfirm && lastValidDay && (
          <section
            aria-labelledby="renewal-title"
            className={`rounded-lg border-2 p-4 ${valid ? "border-amber-400 bg-amber-50 text-amber-950" : "border-red-300 bg-white text-slate-900"}`}
          >
            <h2 id="renewal-title" className="text-lg font-semibold">
              {valid ? `Votre dossier est à renouveler au plus tard le ${formatLongDate(lastValidDay)}` : "Renvoyez votre dossier pour validation"}
            </h2>
            <p className="mt-1 text-sm">
              {valid ? "Pour que vos actions restent en ligne, renvoyez-le pour validation d’ici là. " : ""}
              Si rien n’a changé, confirmez simplement que les informations validées sont à jour&nbsp;; sinon, modifiez le dossier
              ci-dessous puis envoyez-le.
            </p>
            <ConfirmUpToDateForm version={version} />
          </section>
        )}
        {renewalDue && valid && !waiting && !canConfirm && lastValidDay && (
          <Notice tone="warning">
            Votre dossier est à renouveler au plus tard le {formatLongDate(lastValidDay)}&nbsp;:{" "}
            {latest?.status === "draft"
              ? "votre brouillon n’est pas encore envoyé. Terminez-le puis choisissez «\u00a0Envoyer pour validation\u00a0»."
              : "vérifiez-le ci-dessous puis envoyez-le pour validation."}
          </Notice>
        )}

        {latest?.status === "rejected" && latest.rejectionReason && (
          <Notice tone="warning">
            <p className="font-medium">Motif du refus&nbsp;: {latest.rejectionReason}</p>
            <p className="mt-1">Corrigez le dossier ci-dessous puis envoyez-le de nouveau pour validation.</p>
          </Notice>
        )}
      </div>

      {waiting ? (
        <section className="mt-6 space-y-4">
          <p className="text-slate-800">
            En attente de validation depuis le {latest?.submittedAt ? formatDateTime(latest.submittedAt) : "—"}. Pour le modifier,
            retirez-le d’abord de la validation.
          </p>
          <DossierSummary content={content} formacodes={formacodes} />
          <ActionButton action={withdrawDossierFromValidation} input={{}} label="Retirer de la validation" />
        </section>
      ) : (
        <div className="mt-6">
          <DossierForm
            key={version}
            defaultValues={content}
            version={version}
            trainingFieldOptions={formacodes.map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` }))}
          />
        </div>
      )}
    </>
  );
}
