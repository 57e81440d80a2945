import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "@/lib/validations/zod";
import { ActionSummary } from "@/components/action-summary";
import { ReviewForm } from "@/app/(gestion)/gestion/validation/[revisionId]/review-form";
import { StatusBadge } from "@/components/status-badge";
import { getFormacodeLabels } from "@/db/queries/reference";
import { getRevisionForReview } from "@/db/queries/review";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Examen d’une action" };

export default async function ReviewPage({ params }: PageProps<"/gestion/validation/[revisionId]">) {
  const { revisionId } = await params;
  await requirePageUser(STAFF_ROLES, `/gestion/validation/${revisionId}`);
  if (!z.uuid().safeParse(revisionId).success) notFound();
  const revision = await getRevisionForReview({ revisionId });
  if (!revision) notFound();
  const { content, action } = revision;
  const publicLabels = Object.fromEntries((await getFormacodeLabels({ codes: content.publicCodes })).map((l) => [l.code, l.label]));

  return (
    <>
      <p className="text-sm">
        <Link href="/gestion/validation" className="text-brand-700 hover:underline">
          ← Actions à valider
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{content.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <StatusBadge status={revision.status} />
        <span>{action.organisation.name}</span>
        <span>· saisie le {formatDateTime(action.firstEnteredAt)}</span>
        {revision.submittedAt && <span>· transmise le {formatDateTime(revision.submittedAt)}</span>}
        <span>· version {revision.number}</span>
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <ActionSummary content={content} publicLabels={publicLabels} />
        {revision.status === "submitted" ? (
          <ReviewForm revisionId={revision.id} initialFormacodes={revision.suggestedFormacodes.map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` }))} />
        ) : (
          <p className="text-slate-700">
            Cette version a déjà été traitée{revision.decidedAt ? ` le ${formatDateTime(revision.decidedAt)}` : ""}.
            {revision.rejectionReason && <> Motif du refus : {revision.rejectionReason}</>}
          </p>
        )}
      </div>
    </>
  );
}
