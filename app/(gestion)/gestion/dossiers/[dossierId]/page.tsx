import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { DossierReviewForm } from "@/app/(gestion)/gestion/dossiers/[dossierId]/dossier-review-form";
import { DossierStatusBadge, DossierSummary } from "@/components/dossier-summary";
import { ContentDiff } from "@/components/content-diff";
import { Notice } from "@/components/ui/notice";
import { getDossierForOrganisation, getDossierForReview } from "@/db/queries/dossiers";
import { getFormacodeLabels } from "@/db/queries/reference";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { addDays, formatDateTime, formatLongDate, parisDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { diffDossierContent } from "@/lib/diff/content";
import { displayName } from "@/lib/validations/organisation";

export const metadata: Metadata = { title: "Examen d’un dossier d’organisme" };

/** Where the organisation's 12 months stand today (R8), for the reviewer. */
function Validity({ dossier }: { dossier: NonNullable<Awaited<ReturnType<typeof getDossierForOrganisation>>> }) {
  const { approvedAt, expiryDate, valid, keptByRenewal } = dossier;
  if (!approvedAt || !expiryDate) {
    return <p>Aucun dossier validé jusqu’ici&nbsp;: les actions de l’organisme ne sont pas en ligne.</p>;
  }
  const approved = `Dernière validation le ${formatLongDate(parisDate(approvedAt))}`;
  if (keptByRenewal) {
    return (
      <p>
        {approved}, arrivé à échéance le {formatLongDate(expiryDate)}. Le renouvellement a été envoyé à temps&nbsp;: les actions de
        l’organisme restent en ligne jusqu’à votre décision.
      </p>
    );
  }
  if (!valid) {
    return (
      <p>
        {approved}, plus valide depuis le {formatLongDate(expiryDate)}&nbsp;: les actions de l’organisme ne sont plus en ligne.
      </p>
    );
  }
  return (
    <p>
      {approved}, valable jusqu’au {formatLongDate(addDays(expiryDate, -1))}.
    </p>
  );
}

export default async function DossierReviewPage({ params }: PageProps<"/gestion/dossiers/[dossierId]">) {
  const { dossierId } = await params;
  await requirePageUser(STAFF_ROLES, `/gestion/dossiers/${dossierId}`);
  if (!z.uuid().safeParse(dossierId).success) notFound();
  // Drafts are the provider's own: getDossierForReview never returns one.
  const review = await getDossierForReview({ dossierId });
  if (!review) notFound();
  const { dossier, organisation, submittedByName } = review;
  // Compared with the dossier approved last time (none for a first dossier).
  const previous = organisation.dossier && dossier.status === "submitted" ? organisation.dossier : null;
  const [current, formacodes] = await Promise.all([
    getDossierForOrganisation({ organisationId: organisation.id, today: currentDay() }),
    getFormacodeLabels({ codes: [...dossier.content.trainingFields, ...(previous?.trainingFields ?? [])] }),
  ]);
  const labels = Object.fromEntries(formacodes.map((f) => [f.code, f.label]));
  const diff = diffDossierContent(previous, dossier.content, labels);

  return (
    <>
      <p className="text-sm">
        <Link href="/gestion/validation" className="text-brand-700 hover:underline">
          ← À valider
        </Link>
      </p>
      <p className="mt-2 text-sm font-medium text-slate-600">Dossier d’organisme</p>
      <h1 className="text-2xl font-semibold">{displayName(dossier.content)}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <DossierStatusBadge status={dossier.status} />
        {organisation.name !== displayName(dossier.content) && <span>Organisme enregistré sous le nom «&nbsp;{organisation.name}&nbsp;»</span>}
        {dossier.submittedAt && (
          <span>
            · envoyé le {formatDateTime(dossier.submittedAt)}
            {submittedByName ? ` par ${submittedByName}` : ""}
          </span>
        )}
        <span>· version {dossier.number}</span>
      </div>

      <div className="mt-4 space-y-3">
        {dossier.confirmedUnchanged && (
          <Notice tone="info">
            Renvoyé sans modification&nbsp;: l’organisme a confirmé que les informations validées la dernière fois sont à jour.
          </Notice>
        )}
        <div className="rounded-md border border-slate-200 bg-white px-4 py-3 text-sm text-slate-800">
          {current && <Validity dossier={current} />}
        </div>
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          {dossier.status === "submitted" && (
            <section aria-labelledby="changements">
              <h2 id="changements" className="text-lg font-semibold">
                {diff.isNew ? "Premier dossier de l’organisme" : "Ce qui change par rapport au dossier validé"}
              </h2>
              <div className="mt-3">
                <ContentDiff diff={diff} headingLevel={3} subject="dossier" />
              </div>
            </section>
          )}
          <details className="rounded-lg border border-slate-200 bg-white p-4" open={dossier.status !== "submitted"}>
            <summary className="cursor-pointer font-medium">Voir tout le dossier</summary>
            <div className="mt-4">
              <DossierSummary content={dossier.content} formacodes={formacodes.filter((f) => dossier.content.trainingFields.includes(f.code))} />
            </div>
          </details>
        </div>
        {dossier.status === "submitted" ? (
          <DossierReviewForm dossierId={dossier.id} submittedAt={dossier.submittedAt!.toISOString()} />
        ) : (
          <p className="text-slate-700">
            Ce dossier a déjà été traité{dossier.decidedAt ? ` le ${formatDateTime(dossier.decidedAt)}` : ""}.
            {dossier.rejectionReason && <> Motif du refus&nbsp;: {dossier.rejectionReason}</>}
          </p>
        )}
      </div>
    </>
  );
}
