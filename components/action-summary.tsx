import { formatDateRange, formatDayMonthYear } from "@/lib/dates";
import { formatPlaces } from "@/lib/format";
import { fundingSentence } from "@/lib/funding";
import { CERTIFICATION_REGISTERS, FUNDING_KINDS, LEVELS, PATHWAYS, RECRUITMENT_STATES, TEACHING_MODES, funderOf, labelOf } from "@/lib/lheo/codes";
import { moduleHours, totalHours, type ActionContent } from "@/lib/validations/action";

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-t border-slate-100 py-2 sm:grid-cols-[14rem_1fr]">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="whitespace-pre-line text-slate-900">{children || "—"}</dd>
    </div>
  );
}

function contactLine(contact: { name: string; phone: string; email: string }) {
  return [contact.name, contact.phone, contact.email].filter(Boolean).join(" · ");
}

/**
 * A revision's content as entered, read-only and complete: for staff under review and for a
 * provider whose action waits for validation. `publicLabels` names the public codes.
 */
export function ActionSummary({ content, publicLabels = {} }: { content: ActionContent; publicLabels?: Record<string, string> }) {
  const sentence = fundingSentence(content);
  return (
    <div className="space-y-8">
      <section>
        <h2 className="text-lg font-semibold">La formation</h2>
        <dl className="mt-2">
          <Item term="Objectifs">{content.objectives}</Item>
          <Item term="Résultats attendus">{content.results}</Item>
          <Item term="Contenu">{content.content}</Item>
          <Item term="Certifiante">
            {content.certifying
              ? `Oui : ${content.certification.label} (${labelOf(CERTIFICATION_REGISTERS, content.certification.register) ?? "répertoire non précisé"}, fiche ${content.certification.code || "—"})`
              : "Non"}
          </Item>
          <Item term="Type de parcours">{labelOf(PATHWAYS, content.pathway)}</Item>
          <Item term="Niveau d’entrée">
            {labelOf(LEVELS, content.entryLevel)}
            {content.entryLevelMandatory ? " (obligatoire)" : ""}
          </Item>
          <Item term="Niveau de sortie">{labelOf(LEVELS, content.exitLevel)}</Item>
          <Item term="Contact">{contactLine(content.contact) || "Celui de l’organisme"}</Item>
        </dl>
      </section>

      <section>
        <h2 className="text-lg font-semibold">Public et conditions d’accès</h2>
        <dl className="mt-2">
          <Item term="Public visé">{content.publicCodes.map((code) => publicLabels[code] ?? code).join(", ")}</Item>
          <Item term="Prérequis">{content.prerequisites}</Item>
          <Item term="Conditions spécifiques">{content.specificConditions}</Item>
          <Item term="Accessibilité">{content.accessibility}</Item>
        </dl>
      </section>

      <section>
        <h2 className="text-lg font-semibold">Organisation</h2>
        <dl className="mt-2">
          <Item term="Rythme">{content.rhythm}</Item>
          <Item term="Modalités d’enseignement">{labelOf(TEACHING_MODES, content.teachingMode)}</Item>
          <Item term="Durée">
            {content.hoursCentre === null && content.hoursCompany === null
              ? ""
              : `${totalHours(content)} heures, dont ${content.hoursCentre ?? 0} en centre et ${content.hoursCompany ?? 0} en entreprise`}
          </Item>
          <Item term="Alternance">{content.alternance}</Item>
          <Item term="Entrées et sorties">{content.permanentEntry ? "Permanentes" : "À dates fixes"}</Item>
        </dl>
      </section>

      {content.modules.length > 0 && (
        <section>
          <h2 className="text-lg font-semibold">Modules</h2>
          <ol className="mt-2 space-y-2">
            {content.modules.map((module) => (
              <li key={module.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p className="font-medium">
                  {module.title || "Module sans titre"} — {module.hours === null ? "durée non indiquée" : `${module.hours} heures`}
                </p>
                {module.content && <p className="mt-1 whitespace-pre-line text-slate-700">{module.content}</p>}
              </li>
            ))}
          </ol>
          <p className="mt-2 text-sm text-slate-700">
            Total des modules : {moduleHours(content.modules)} heures sur {totalHours(content)} heures.
          </p>
        </section>
      )}

      <section>
        <h2 className="text-lg font-semibold">Prix et financement</h2>
        <dl className="mt-2">
          <Item term="Prix">{content.free ? "Gratuit pour la personne formée" : content.price === null ? "" : `${content.price.toLocaleString("fr-FR")} euros`}</Item>
          <Item term="Prise en charge des frais">{content.costCoverage ? "Possible" : "Non"}</Item>
          <Item term="Financeurs">
            {content.funders
              .map((f) => `${funderOf(f.code)?.label ?? f.code}${f.places === null ? "" : ` (${f.places} places)`}`)
              .join("\n")}
          </Item>
          <Item term="Date du vote ou de la décision">{content.funding.voteDate && formatDayMonthYear(content.funding.voteDate)}</Item>
          <Item term="Date de notification">{content.funding.notifiedOn && formatDayMonthYear(content.funding.notifiedOn)}</Item>
          <Item term="Type de financement">{labelOf(FUNDING_KINDS, content.funding.kind)}</Item>
          <Item term="Phrase publiée">{sentence}</Item>
        </dl>
      </section>

      <section>
        <h2 className="text-lg font-semibold">Sessions</h2>
        {content.sessions.length === 0 && <p className="mt-1 text-slate-700">Aucune session.</p>}
        <ul className="mt-2 space-y-2">
          {content.sessions.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
              <p className="font-medium">
                {s.address.communeName || "Commune non indiquée"} : {s.startDate && s.endDate ? formatDateRange(s.startDate, s.endDate) : "dates à compléter"}
              </p>
              <p className="text-slate-700">{[s.address.street, s.address.street2, [s.address.postcode, s.address.communeName].filter(Boolean).join(" ")].filter(Boolean).join(", ")}</p>
              <p className="text-slate-700">
                {s.placesAvailable === null ? "Places non indiquées" : formatPlaces(s.placesAvailable)}
                {s.placesTotal !== null && ` sur ${s.placesTotal}`} · recrutement {labelOf(RECRUITMENT_STATES, s.recruitment)?.toLowerCase() ?? "non indiqué"}
              </p>
              {contactLine(s.contact) && <p className="text-slate-700">Inscription : {contactLine(s.contact)}</p>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
