import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewForm, type RewordableText } from "@/app/(gestion)/gestion/validation/[revisionId]/review-form";
import { ActionSummary } from "@/components/action-summary";
import { ContentDiff } from "@/components/content-diff";
import { StatusBadge } from "@/components/status-badge";
import { getCodeLabels, getFormacodeLabels, suggestFormacodes } from "@/db/queries/reference";
import { getRevisionForReview } from "@/db/queries/review";
import { getSetting } from "@/db/queries/settings";
import { requirePageUser, STAFF_ROLES } from "@/lib/auth/session";
import { formatDateTime, parisDate } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { diffActionContent } from "@/lib/diff/content";
import { labelOf, LEVELS } from "@/lib/lheo/codes";
import type { ActionContent } from "@/lib/validations/action";
import { z } from "@/lib/validations/zod";
import { workingDaysBetween } from "@/lib/working-days";

export const metadata: Metadata = { title: "Examen d’une action" };

const REWORDABLE: { key: RewordableText["key"]; label: string; of: (c: ActionContent) => string }[] = [
  { key: "title", label: "Intitulé de la formation", of: (c) => c.title },
  { key: "objectives", label: "Objectifs", of: (c) => c.objectives },
  { key: "results", label: "Résultats attendus", of: (c) => c.results },
  { key: "content", label: "Contenu", of: (c) => c.content },
  { key: "prerequisites", label: "Prérequis", of: (c) => c.prerequisites },
  { key: "specificConditions", label: "Conditions spécifiques", of: (c) => c.specificConditions },
  { key: "accessibility", label: "Accessibilité", of: (c) => c.accessibility },
  { key: "rhythm", label: "Rythme", of: (c) => c.rhythm },
  { key: "alternance", label: "Modalités d’alternance", of: (c) => c.alternance },
  { key: "certificationLabel", label: "Intitulé de la certification", of: (c) => c.certification.label },
  { key: "fundingComment", label: "Commentaire sur le financement", of: (c) => c.funding.comment },
];

export default async function ReviewPage({ params }: PageProps<"/gestion/validation/[revisionId]">) {
  const { revisionId } = await params;
  await requirePageUser(STAFF_ROLES, `/gestion/validation/${revisionId}`);
  if (!z.uuid().safeParse(revisionId).success) notFound();
  const revision = await getRevisionForReview({ revisionId });
  if (!revision) notFound();
  const { content, action, codification } = revision;
  // The labels of every public visé the page shows: in the content and on both sides of the diff.
  const shownPublicCodes = [...new Set([content.publicCodes, revision.previousContent?.publicCodes ?? [], revision.providerContent?.publicCodes ?? []].flat())];
  const [publicCodes, formacodeLabels, codeLabels, suggestions, reasons] = await Promise.all([
    getFormacodeLabels({ codes: shownPublicCodes }),
    getFormacodeLabels({ codes: codification?.formacodes ?? [] }),
    getCodeLabels({ rome: codification?.romeCodes ?? [], nsf: codification?.nsfCode ? [codification.nsfCode] : [] }),
    suggestFormacodes({ text: [content.title, content.certification.label].filter(Boolean).join(" ") }),
    getSetting("rejectionReasons"),
  ]);
  const publicLabels = Object.fromEntries(publicCodes.map((l) => [l.code, l.label]));
  // Staff's corrections, once approved, are shown against what the provider sent.
  const diff = diffActionContent(revision.previousContent, revision.providerContent ?? content, publicLabels);
  const waiting = revision.submittedAt ? workingDaysBetween(parisDate(revision.submittedAt), currentDay()) : 0;
  const level = codification?.level || content.exitLevel;

  return (
    <>
      <p className="text-sm">
        <Link href="/gestion/validation" className="text-brand-700 hover:underline">
          ← À valider
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold">{content.title}</h1>
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <StatusBadge status={revision.status} />
        <Link href={`/gestion/organismes/${action.organisationId}`} className="text-brand-700 underline">
          {action.organisation.name}
        </Link>
        <span>· saisie le {formatDateTime(action.firstEnteredAt)}</span>
        {revision.submittedAt && (
          <span>
            · transmise le {formatDateTime(revision.submittedAt)}
            {revision.status === "submitted" && `, en attente depuis ${waiting} jour${waiting > 1 ? "s" : ""} ouvré${waiting > 1 ? "s" : ""}`}
          </span>
        )}
        <span>· version {revision.number}</span>
        {revision.minorChange && <span className="rounded bg-sky-100 px-2 py-0.5 font-medium text-sky-900">Changement mineur : places ou recrutement</span>}
      </div>

      <div className="mt-6 grid gap-8 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-8">
          <section aria-labelledby="changements">
            <h2 id="changements" className="text-lg font-semibold">
              {diff.isNew ? "Nouvelle action" : "Ce qui change par rapport à la version en ligne"}
            </h2>
            <div className="mt-3">
              <ContentDiff diff={diff} headingLevel={3} />
            </div>
          </section>
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">Voir toute l’action telle qu’elle sera publiée</summary>
            <div className="mt-4">
              <ActionSummary content={content} publicLabels={publicLabels} />
            </div>
          </details>
        </div>
        {revision.status === "submitted" ? (
          <div className="space-y-4">
            <section aria-labelledby="mots" className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm">
              <h2 id="mots" className="font-semibold">
                Les mots de l’organisme
              </h2>
              <p className="mt-1">{content.title}</p>
              {content.certifying && content.certification.label && <p className="mt-1">Certification : {content.certification.label}</p>}
              {content.exitLevel && <p className="mt-1">Niveau de sortie indiqué : {labelOf(LEVELS, content.exitLevel)}</p>}
            </section>
            <ReviewForm
              revisionId={revision.id}
              submittedAt={revision.submittedAt!.toISOString()}
              initial={{
                formacodes: formacodeLabels.map((f) => ({ value: f.code, label: `${f.code} · ${f.label}` })),
                romeCodes: (codification?.romeCodes ?? []).map((code) => ({ value: code, label: `${code} · ${codeLabels.rome[code] ?? ""}` })),
                nsf: codification?.nsfCode ? { value: codification.nsfCode, label: `${codification.nsfCode} · ${codeLabels.nsf[codification.nsfCode] ?? ""}` } : null,
                level,
              }}
              suggestions={suggestions.map((s) => ({ value: s.code, label: `${s.code} · ${s.label}`, nsf: s.nsf ?? undefined }))}
              texts={REWORDABLE.map(({ key, label, of }) => ({ key, label, text: of(content) })).filter((t) => t.key === "title" || t.text !== "")}
              modules={content.modules.map((m) => ({ id: m.id, title: m.title, content: m.content }))}
              reasons={reasons}
            />
          </div>
        ) : (
          <p className="text-slate-700">
            Cette version a déjà été traitée{revision.decidedAt ? ` le ${formatDateTime(revision.decidedAt)}` : ""}.
            {revision.rejectionReason && <> Motif du refus : {revision.rejectionReason}</>}
          </p>
        )}
      </div>
    </>
  );
}
