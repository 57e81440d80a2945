// Open data: the diffused offer flattened, as JSON (one object per action, its sessions inside)
// and CSV (one row per session). Each field is described once here: the files and the page
// /donnees-ouvertes that documents them both read this list. No personal data: the contacts named
// in actions and dossiers are left out; the organisation's own phone and e-mail are public.

import { FUNDERS, LEVELS, PATHWAYS, RECRUITMENT_STATES, TEACHING_MODES, labelOf } from "@/lib/lheo/codes";
import { csvLine } from "@/lib/csv";
import { numeros, type LheoFormation, type LheoSession } from "@/lib/lheo/writer";

export const LICENCE = {
  name: "Licence Ouverte / Open Licence version 2.0",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
} as const;

type Value = string | number | boolean | null;

export interface Field<T> {
  name: string;
  description: string;
  value: (item: T) => Value;
}

export type OpenDataFormation = LheoFormation & { slug: string };

const list = (codes: string[]) => codes.join(", ");

/** The fields of an action (the JSON object; the first columns of each CSV row). */
export const ACTION_FIELDS: Field<{ formation: OpenDataFormation; url: string }>[] = [
  { name: "numero_action", description: "Identifiant stable de l’action, le même que dans le flux transmis à la base nationale (« A- » suivi de l’identifiant).", value: ({ formation }) => numeros.action(formation.actionId) },
  { name: "url", description: "Adresse de la page publique de la formation.", value: ({ url }) => url },
  { name: "intitule", description: "Intitulé de la formation.", value: ({ formation }) => formation.details.title },
  { name: "objectifs", description: "Objectifs de la formation.", value: ({ formation }) => formation.details.objectives },
  { name: "resultats_attendus", description: "Résultats attendus (diplôme, titre, attestation).", value: ({ formation }) => formation.details.results },
  { name: "contenu", description: "Contenu de la formation.", value: ({ formation }) => formation.details.content },
  { name: "organisme", description: "Nom de l’organisme de formation.", value: ({ formation }) => formation.organisation.name },
  { name: "organisme_siret", description: "Numéro SIRET de l’organisme (système d’identification du répertoire des établissements, 14 chiffres).", value: ({ formation }) => formation.organisation.siret },
  { name: "organisme_commune", description: "Commune du siège de l’organisme.", value: ({ formation }) => formation.organisation.address.town },
  { name: "organisme_telephone", description: "Téléphone de l’organisme.", value: ({ formation }) => formation.organisation.phone ?? "" },
  { name: "organisme_courriel", description: "Adresse électronique de l’organisme.", value: ({ formation }) => formation.organisation.email ?? "" },
  { name: "formacodes", description: "Codes Formacode (domaines de formation, 5 chiffres), séparés par des virgules.", value: ({ formation }) => list(formation.formacodes) },
  { name: "codes_rome", description: "Codes ROME (répertoire opérationnel des métiers et des emplois) des métiers visés, une lettre et 4 chiffres, séparés par des virgules.", value: ({ formation }) => list(formation.romeCodes) },
  { name: "code_nsf", description: "Code NSF (nomenclature des spécialités de formation, 3 chiffres).", value: ({ formation }) => formation.nsfCode ?? "" },
  { name: "certifiante", description: "Vrai quand la formation mène à une certification.", value: ({ formation }) => formation.details.certifying },
  {
    name: "certification",
    description: "Fiche de la certification : « RNCP » (répertoire national des certifications professionnelles) ou « RS » (répertoire spécifique) suivi de son numéro.",
    value: ({ formation: { details } }) => (details.certification.register && details.certification.code ? `${details.certification.register.toUpperCase()}${details.certification.code}` : ""),
  },
  { name: "niveau_entree", description: "Niveau d’entrée (cadre national des certifications).", value: ({ formation }) => labelOf(LEVELS, formation.details.entryLevel) ?? "" },
  { name: "niveau_sortie", description: "Niveau de sortie (cadre national des certifications).", value: ({ formation }) => labelOf(LEVELS, formation.exitLevel) ?? "" },
  { name: "parcours", description: "Type de parcours (en groupe, individualisé, modulaire, mixte).", value: ({ formation }) => labelOf(PATHWAYS, formation.details.pathway) ?? "" },
  { name: "modalites_enseignement", description: "Sur place, à distance, ou les deux.", value: ({ formation }) => labelOf(TEACHING_MODES, formation.details.teachingMode) ?? "" },
  { name: "publics", description: "Codes des publics visés (Formacode), séparés par des virgules.", value: ({ formation }) => list(formation.details.publicCodes) },
  { name: "heures_centre", description: "Nombre d’heures en centre de formation.", value: ({ formation }) => formation.details.hoursCentre },
  { name: "heures_entreprise", description: "Nombre d’heures en entreprise.", value: ({ formation }) => formation.details.hoursCompany },
  {
    name: "modules",
    description: "Pour un parcours modulaire : chaque module et sa durée en heures, séparés par « | ».",
    value: ({ formation }) => formation.details.modules.map((m) => `${m.title} (${m.hours ?? "?"} heures)`).join(" | "),
  },
  { name: "entrees_permanentes", description: "Vrai quand on peut entrer en formation tout au long de l’année.", value: ({ formation }) => formation.details.permanentEntry },
  { name: "gratuite", description: "Vrai quand la formation ne coûte rien à la personne formée.", value: ({ formation }) => formation.details.free },
  { name: "prix_euros", description: "Prix total en euros, quand il est indiqué.", value: ({ formation }) => formation.details.price },
  {
    name: "financeurs",
    description: "Financeurs de la formation, séparés par des virgules.",
    value: ({ formation }) => list(formation.details.funders.map((f) => FUNDERS.find((known) => known.code === f.code)?.label ?? f.code)),
  },
  { name: "financement", description: "Phrase publiée sur le financement, avec la date du vote ou de la décision du financeur public.", value: ({ formation }) => formation.fundingSentence ?? "" },
  { name: "date_premiere_saisie", description: "Date de la première saisie de l’action par l’organisme (AAAA-MM-JJ).", value: ({ formation }) => formation.firstEnteredOn },
  { name: "date_mise_a_jour", description: "Date de la validation de la version en ligne (AAAA-MM-JJ).", value: ({ formation }) => formation.publishedOn },
];

/** The fields of a session (the objects of `sessions` in JSON; the last columns of each CSV row). */
export const SESSION_FIELDS: Field<{ formation: OpenDataFormation; session: LheoSession | null }>[] = [
  { name: "numero_session", description: "Identifiant stable de la session, le même que dans le flux transmis à la base nationale.", value: ({ formation, session }) => (session ? numeros.session(formation.actionId, session.id) : "") },
  { name: "debut", description: "Date de début (AAAA-MM-JJ).", value: ({ session }) => session?.startDate ?? "" },
  { name: "fin", description: "Date de fin (AAAA-MM-JJ).", value: ({ session }) => session?.endDate ?? "" },
  { name: "adresse", description: "Adresse du lieu de formation (numéro et rue).", value: ({ session }) => session?.address?.lines.filter(Boolean).join(", ") ?? "" },
  { name: "code_postal", description: "Code postal du lieu de formation.", value: ({ session }) => session?.address?.postcode ?? "" },
  { name: "commune", description: "Commune du lieu de formation.", value: ({ session }) => session?.address?.town ?? "" },
  { name: "code_insee", description: "Code de la commune du lieu de formation attribué par l’Institut national de la statistique et des études économiques (INSEE).", value: ({ session }) => session?.address?.inseeCode ?? "" },
  { name: "places_disponibles", description: "Places encore disponibles, tenues à jour par l’organisme.", value: ({ session }) => session?.placesAvailable ?? null },
  { name: "places_totales", description: "Nombre total de places de la session.", value: ({ session }) => session?.placesTotal ?? null },
  { name: "recrutement", description: "État du recrutement : ouvert, fermé ou suspendu.", value: ({ session }) => (session ? (labelOf(RECRUITMENT_STATES, session.recruitment) ?? "") : "") },
];

/** One action as an open-data object. */
export function openDataAction(formation: OpenDataFormation, url: string): Record<string, Value | Record<string, Value>[]> {
  const entry: Record<string, Value | Record<string, Value>[]> = {};
  for (const field of ACTION_FIELDS) entry[field.name] = field.value({ formation, url });
  entry.sessions = formation.sessions.map((session) => Object.fromEntries(SESSION_FIELDS.map((field) => [field.name, field.value({ formation, session })])));
  return entry;
}

/** « oui »/« non » for yes/no, nothing for null: what a spreadsheet user reads. */
function cellOf(value: Value): string {
  return value === null ? "" : typeof value === "boolean" ? (value ? "oui" : "non") : String(value);
}

export function csvHeader(): string {
  return csvLine([...ACTION_FIELDS, ...SESSION_FIELDS].map((f) => f.name));
}

/** One row per session; an action with permanent entry and no dated session has one row without session. */
export function csvRows(formation: OpenDataFormation, url: string): string {
  const action = ACTION_FIELDS.map((field) => cellOf(field.value({ formation, url })));
  const sessions = formation.sessions.length > 0 ? formation.sessions : [null];
  return sessions.map((session) => csvLine([...action, ...SESSION_FIELDS.map((field) => cellOf(field.value({ formation, session })))])).join("");
}
