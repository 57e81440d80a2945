import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ReviewForm } from "@/components/review-form";
import { StatusBadge } from "@/components/status-badge";
import { getRevisionForReview } from "@/db/queries/review";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { formatDateRange, formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Examen d’une action" };

export default async function ReviewPage({ params }: PageProps<"/gestion/validation/[revisionId]">) {
  const { revisionId } = await params;
  await requirePageUser(STAFF_ROLES, `/gestion/validation/${revisionId}`);
  if (!z.uuid().safeParse(revisionId).success) notFound();
  const revision = await getRevisionForReview({ revisionId });
  if (!revision) notFound();
  const { content, action } = revision;

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
        <div className="space-y-6">
          <section>
            <h2 className="text-lg font-semibold">Objectifs</h2>
            <p className="mt-1 whitespace-pre-line text-slate-800">{content.objectives}</p>
          </section>
          <section>
            <h2 className="text-lg font-semibold">Contenu</h2>
            <p className="mt-1 whitespace-pre-line text-slate-800">{content.content}</p>
          </section>
          <section>
            <h2 className="text-lg font-semibold">Sessions</h2>
            {content.permanentEntry && <p className="mt-1">Entrées et sorties permanentes</p>}
            <ul className="mt-2 space-y-2">
              {content.sessions.map((s) => (
                <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <span className="font-medium">{s.communeName}</span> : {formatDateRange(s.startDate, s.endDate)},{" "}
                  {s.placesAvailable} places disponibles
                </li>
              ))}
            </ul>
          </section>
        </div>
        {revision.status === "submitted" ? (
          <ReviewForm revisionId={revision.id} initialFormacodes={revision.suggestedFormacodes.map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` }))} />
        ) : (
          <p className="text-slate-700">
            Cette version a déjà été traitée{revision.decidedAt ? ` le ${formatDateTime(revision.decidedAt)}` : ""}.
            {revision.rejectionReason && <> Motif du refus : {revision.rejectionReason}</>}
          </p>
        )}
      </div>
    </>
  );
}
