import Link from "next/link";
import type { loadAction } from "@/components/catalogue/cached-reads";
import { SelectionButton } from "@/components/catalogue/selection-button";
import { ShareLink } from "@/components/catalogue/share-link";
import { formatDateRange } from "@/lib/dates";
import { asSentence, formatPlaces } from "@/lib/format";
import { LEVELS, PATHWAYS, RECRUITMENT_OPEN, RECRUITMENT_STATES, TEACHING_MODES, labelOf } from "@/lib/lheo/codes";
import { totalHours } from "@/lib/validations/action";

export type FoundAction = Extract<NonNullable<Awaited<ReturnType<typeof loadAction>>>, { kind: "found" }>;

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="mt-8 break-inside-avoid-page" aria-labelledby={id}>
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

type ContactLike = { name: string; phone: string; email: string };
const contactLine = (contact: ContactLike) => [contact.name, contact.phone, contact.email].filter(Boolean).join(" · ");

function ContactDetails({ contact }: { contact: ContactLike }) {
  return (
    <>
      {contact.name}
      {contact.phone && <> · téléphone : <a className="text-brand-700 underline" href={`tel:${contact.phone.replace(/\s/g, "")}`}>{contact.phone}</a></>}
      {contact.email && <> · courriel : <a className="text-brand-700 underline" href={`mailto:${contact.email}`}>{contact.email}</a></>}
    </>
  );
}

const number = (value: number) => value.toLocaleString("fr-FR");

function priceSentence(details: FoundAction["action"]["details"]) {
  if (details.free) return "Gratuit pour la personne formée.";
  if (details.price !== null) return `Prix : ${number(details.price)} euros.`;
  return "Prix : renseignez-vous auprès de l’organisme.";
}

export function ActionDetails({ found, url }: { found: FoundAction; url: string }) {
  const { action, sessions, publicLabels } = found;
  const org = action.organisation;
  const details = action.details;
  const contact: ContactLike = contactLine(details.contact) ? details.contact : { name: org.name, phone: org.phone ?? "", email: org.email ?? "" };
  const hasHours = details.hoursCentre !== null || details.hoursCompany !== null;
  return (
    <article>
      <p className="text-sm font-medium text-brand-700">
        <Link href={`/organismes/${action.organisationSlug}`} className="hover:underline">
          {action.organisationName}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-semibold">{action.title}</h1>
      <p className="hidden text-sm print:block">Adresse de cette page : {url}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3 print:hidden">
        <SelectionButton actionId={action.actionId} title={action.title} />
        <ShareLink title={action.title} url={url} />
      </div>

      <Section id="objectifs" title="Objectifs">
        <Paragraphs text={action.objectives} />
      </Section>
      {(details.results || (details.certifying && details.certification.label)) && (
        <Section id="resultats" title="Ce que vous obtenez">
          {details.results && <Paragraphs text={details.results} />}
          {details.certifying && details.certification.label && <p>Formation certifiante : {asSentence(details.certification.label)}</p>}
          {details.exitLevel && <p>Niveau de sortie : {labelOf(LEVELS, details.exitLevel)}.</p>}
        </Section>
      )}
      <Section id="contenu-formation" title="Contenu">
        <Paragraphs text={action.content} />
        {details.pathway && <p>Parcours : {labelOf(PATHWAYS, details.pathway)?.toLowerCase()}.</p>}
      </Section>
      {details.modules.length > 0 && (
        <Section id="modules" title="Modules">
          <ol className="list-decimal space-y-2 pl-5">
            {details.modules.map((module) => (
              <li key={module.id}>
                <span className="font-medium">{module.title}</span>
                {module.hours !== null && <> : {number(module.hours)} heures</>}
                {module.content && <span className="block text-slate-700">{module.content}</span>}
              </li>
            ))}
          </ol>
        </Section>
      )}

      <Section id="public" title="Pour qui ?">
        {details.publicCodes.length > 0 && <p>{details.publicCodes.map((code) => publicLabels[code] ?? code).join(", ")}.</p>}
        {details.entryLevel && (
          <p>
            Niveau d’entrée : {labelOf(LEVELS, details.entryLevel)}
            {details.entryLevelMandatory ? " (obligatoire)" : ""}.
          </p>
        )}
        <p className="whitespace-pre-line">Prérequis : {details.prerequisites || "aucun."}</p>
        {details.specificConditions && <p className="whitespace-pre-line">Conditions : {details.specificConditions}</p>}
        <p className="whitespace-pre-line">
          Accessibilité aux personnes handicapées : {details.accessibility || "renseignez-vous auprès de l’organisme."}
        </p>
      </Section>

      <Section id="duree" title="Durée et rythme">
        {hasHours && (
          <p>
            {number(totalHours(details))} heures, dont {number(details.hoursCentre ?? 0)} en centre de formation et {number(details.hoursCompany ?? 0)} en
            entreprise.
          </p>
        )}
        {details.rhythm && <p>{asSentence(details.rhythm)}</p>}
        {details.teachingMode && <p>{labelOf(TEACHING_MODES, details.teachingMode)}.</p>}
        {details.alternance && <Paragraphs text={details.alternance} />}
      </Section>

      <Section id="financement" title="Prix et financement">
        <p>{priceSentence(details)}</p>
        {action.fundingSentence && <p>{action.fundingSentence}</p>}
        {details.costCoverage && <p>Vos frais (transport, repas, hébergement) peuvent être pris en charge : renseignez-vous auprès de l’organisme.</p>}
      </Section>

      <Section id="sessions" title="Sessions">
        {action.permanentEntry && <p>Entrées et sorties permanentes : vous pouvez commencer cette formation tout au long de l’année.</p>}
        {sessions.length > 0 && (
          <ul className="space-y-3">
            {sessions.map((s) => {
              const registration = details.sessions.find((d) => d.id === s.id)?.contact;
              return (
                <li key={s.id} className="break-inside-avoid rounded-md border border-slate-200 bg-white p-3">
                  <h3 className="font-medium">
                    {s.town}, {formatDateRange(s.startDate, s.endDate)}
                  </h3>
                  <p className="text-slate-700">Adresse : {[s.street, s.street2, `${s.postcode} ${s.town}`.trim()].filter(Boolean).join(", ")}</p>
                  <p className="text-slate-700 first-letter:uppercase">
                    {formatPlaces(s.placesAvailable)} sur {number(s.placesTotal)} ·{" "}
                    {s.recruitment === RECRUITMENT_OPEN ? "inscriptions ouvertes" : `recrutement ${labelOf(RECRUITMENT_STATES, s.recruitment)?.toLowerCase()}`}
                  </p>
                  {registration && contactLine(registration) && (
                    <p className="text-slate-700">
                      Inscription : <ContactDetails contact={registration} />
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section id="inscription" title="S’inscrire">
        <p>
          Contactez l’organisme pour vous renseigner ou vous inscrire : <ContactDetails contact={contact} />.
        </p>
        <p>
          Si vous êtes demandeur d’emploi, parlez-en aussi à votre conseiller (France Travail, Mission locale, Cap emploi) : il vous aide à
          monter votre dossier de financement.
        </p>
      </Section>

      <section className="mt-8 break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="organisme">
        <h2 id="organisme" className="text-lg font-semibold">
          Organisme de formation
        </h2>
        <p className="mt-2 font-medium">
          <Link href={`/organismes/${action.organisationSlug}`} className="text-brand-700 underline">
            {org.name}
          </Link>
        </p>
        <p className="text-slate-700">
          {org.street}, {org.postalCode} {org.town}
        </p>
        {org.email && (
          <p className="text-slate-700">
            Courriel de l’organisme :{" "}
            <a className="text-brand-700 underline" href={`mailto:${org.email}`}>
              {org.email}
            </a>
          </p>
        )}
      </section>
    </article>
  );
}
