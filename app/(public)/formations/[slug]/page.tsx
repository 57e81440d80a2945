import type { Metadata } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { PUBLIC_CACHE_LIFE } from "@/components/catalogue/cached-catalogue";
import { getDiffusedAction } from "@/db/queries/catalogue";
import { getFormacodeLabels } from "@/db/queries/reference";
import { LEVELS, RECRUITMENT_OPEN, RECRUITMENT_STATES, TEACHING_MODES, labelOf } from "@/lib/lheo/codes";
import { totalHours } from "@/lib/validations/action";
import { CATALOGUE_TAG, actionTag } from "@/lib/cache-tags";
import { formatDateRange } from "@/lib/dates";
import { currentDay } from "@/lib/clock";
import { asSentence, formatPlaces } from "@/lib/format";

async function loadAction(slug: string, today: string) {
  "use cache";
  cacheTag(CATALOGUE_TAG);
  cacheLife(PUBLIC_CACHE_LIFE);
  const found = await getDiffusedAction({ slug, today });
  if (found?.kind !== "found") return found;
  cacheTag(actionTag(found.action.actionId));
  const labels = await getFormacodeLabels({ codes: found.action.details.publicCodes });
  return { ...found, publicLabels: Object.fromEntries(labels.map((l) => [l.code, l.label])) };
}

export async function generateMetadata({ params }: PageProps<"/formations/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  await connection();
  const found = await loadAction(slug, currentDay());
  if (found?.kind !== "found") return { title: "Formation introuvable" };
  return { title: found.action.title, description: found.action.objectives.slice(0, 160) };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="mt-8" aria-labelledby={id}>
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-slate-800">{children}</div>
    </section>
  );
}

function Paragraphs({ text }: { text: string }) {
  return <p className="whitespace-pre-line">{text}</p>;
}

const contactLine = (contact: { name: string; phone: string; email: string }) => [contact.name, contact.phone, contact.email].filter(Boolean).join(" · ");

async function ActionDetails({ params }: { params: PageProps<"/formations/[slug]">["params"] }) {
  const { slug } = await params;
  await connection();
  const found = await loadAction(slug, currentDay());
  if (!found) notFound();
  if (found.kind === "redirect") permanentRedirect(`/formations/${found.slug}`);
  const { action, sessions, publicLabels } = found;
  const org = action.organisation;
  const details = action.details;
  const contact = contactLine(details.contact) || contactLine({ name: org.name, phone: org.phone ?? "", email: org.email ?? "" });
  return (
    <article>
      <p className="text-sm font-medium text-brand-700">{action.organisationName}</p>
      <h1 className="mt-1 text-3xl font-semibold">{action.title}</h1>

      <Section id="objectifs" title="Objectifs">
        <Paragraphs text={action.objectives} />
      </Section>
      {details.results && (
        <Section id="resultats" title="Ce que vous obtenez">
          <Paragraphs text={details.results} />
          {details.certifying && details.certification.label && <p>Formation certifiante : {details.certification.label}.</p>}
        </Section>
      )}
      <Section id="contenu" title="Contenu">
        <Paragraphs text={action.content} />
      </Section>
      {details.modules.length > 0 && (
        <Section id="modules" title="Modules">
          <ol className="list-decimal space-y-2 pl-5">
            {details.modules.map((module) => (
              <li key={module.id}>
                <span className="font-medium">{module.title}</span> : {module.hours} heures
                {module.content && <span className="block text-slate-700">{module.content}</span>}
              </li>
            ))}
          </ol>
        </Section>
      )}

      <Section id="public" title="Pour qui ?">
        {details.publicCodes.length > 0 && <p>{details.publicCodes.map((code) => publicLabels[code] ?? code).join(", ")}.</p>}
        {details.entryLevel && (
          <p>
            Niveau d’entrée : {labelOf(LEVELS, details.entryLevel)}
            {details.entryLevelMandatory ? " (obligatoire)" : ""}.
          </p>
        )}
        {details.prerequisites && <p className="whitespace-pre-line">Prérequis : {details.prerequisites}</p>}
        {details.specificConditions && <p className="whitespace-pre-line">Conditions : {details.specificConditions}</p>}
        {details.accessibility && <p className="whitespace-pre-line">Accessibilité aux personnes handicapées : {details.accessibility}</p>}
      </Section>

      <Section id="organisation" title="Durée et rythme">
        {(details.hoursCentre !== null || details.hoursCompany !== null) && (
          <p>
            {totalHours(details).toLocaleString("fr-FR")} heures, dont {(details.hoursCentre ?? 0).toLocaleString("fr-FR")} en centre de formation et{" "}
            {(details.hoursCompany ?? 0).toLocaleString("fr-FR")} en entreprise.
          </p>
        )}
        {details.rhythm && <p>{asSentence(details.rhythm)}</p>}
        {details.teachingMode && <p>{labelOf(TEACHING_MODES, details.teachingMode)}.</p>}
        {details.alternance && <Paragraphs text={details.alternance} />}
      </Section>

      <Section id="financement" title="Prix et financement">
        <p>{details.free ? "Gratuit pour la personne formée." : details.price !== null ? `Prix : ${details.price.toLocaleString("fr-FR")} euros.` : ""}</p>
        {action.fundingSentence && <p>{action.fundingSentence}</p>}
        {details.costCoverage && <p>Vos frais (transport, repas, hébergement) peuvent être pris en charge : renseignez-vous auprès de l’organisme.</p>}
      </Section>

      <Section id="sessions" title="Sessions">
        {action.permanentEntry && <p>Entrées et sorties permanentes : vous pouvez commencer cette formation tout au long de l’année.</p>}
        {sessions.length > 0 && (
          <ul className="space-y-3">
            {sessions.map((s) => {
              const registration = details.sessions.find((d) => d.id === s.id)?.contact;
              return (
                <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3">
                  <p className="font-medium">{s.town}</p>
                  <p className="text-slate-700">{formatDateRange(s.startDate, s.endDate)}</p>
                  <p className="text-slate-700">{[s.street, s.street2, `${s.postcode} ${s.town}`.trim()].filter(Boolean).join(", ")}</p>
                  <p className="text-slate-700 first-letter:uppercase">
                    {formatPlaces(s.placesAvailable)}
                    {s.recruitment !== RECRUITMENT_OPEN && <> · recrutement {labelOf(RECRUITMENT_STATES, s.recruitment)?.toLowerCase()}</>}
                  </p>
                  {registration && contactLine(registration) && <p className="text-slate-700">Inscription : {contactLine(registration)}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <section className="mt-8 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="organisme">
        <h2 id="organisme" className="text-lg font-semibold">
          Organisme de formation
        </h2>
        <p className="mt-2 font-medium">{org.name}</p>
        <p className="text-slate-700">
          {org.street}, {org.postalCode} {org.town}
        </p>
        <p className="text-slate-700">Pour vous renseigner ou vous inscrire : {contact}</p>
        {org.email && (
          <p className="text-slate-700">
            Courriel de l’organisme :{" "}
            <a className="text-brand-700 underline" href={`mailto:${org.email}`}>
              {org.email}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}

export default function ActionPage({ params }: PageProps<"/formations/[slug]">) {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <Suspense fallback={<p className="text-slate-500">Chargement de la formation…</p>}>
        <ActionDetails params={params} />
      </Suspense>
    </main>
  );
}
