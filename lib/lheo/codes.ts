// The LHÉO 2.3 code tables the product uses (db/reference/lheo/lheo-2.3-dicts.json), with the
// words shown to people: providers choose from these lists, the public reads the plain labels,
// and the transmission writes the codes. Pure data: the browser uses it too.

import { REGION_NAME } from "@/lib/region";

export interface Code<C extends string = string> {
  code: C;
  /** What the provider sees in the form. */
  label: string;
}

const codes = <const C extends string>(entries: readonly Code<C>[]) => entries;
const valuesOf = <C extends string>(entries: readonly Code<C>[]) => entries.map((e) => e.code) as [C, ...C[]];

/** dict-type-parcours: how the course is followed. « modularisé » is written « modulaire » here. */
export const PATHWAYS = codes([
  { code: "1", label: "En groupe (le même parcours pour tous)" },
  { code: "2", label: "Individualisé (adapté à chaque personne)" },
  { code: "3", label: "Modulaire (des modules que l’on peut suivre séparément)" },
  { code: "4", label: "Mixte (en groupe avec des parties individualisées)" },
]);
export type PathwayCode = (typeof PATHWAYS)[number]["code"];
export const PATHWAY_CODES = valuesOf(PATHWAYS);
export const MODULAR_PATHWAY: PathwayCode = "3";

/**
 * dict-niveaux: the levels of the national qualification framework (codes 11 to 18 since 2019),
 * and « sans niveau spécifique ». The older codes 2 to 8 are not offered for new content.
 */
export const LEVELS = codes([
  { code: "1", label: "Sans niveau particulier" },
  { code: "11", label: "Niveau 1 : savoirs de base" },
  { code: "12", label: "Niveau 2 : activités simples" },
  { code: "13", label: "Niveau 3 : certificat d’aptitude professionnelle (CAP) ou équivalent" },
  { code: "14", label: "Niveau 4 : baccalauréat ou équivalent" },
  { code: "15", label: "Niveau 5 : bac + 2 (brevet de technicien supérieur, BTS) ou équivalent" },
  { code: "16", label: "Niveau 6 : licence, bac + 3 ou équivalent" },
  { code: "17", label: "Niveau 7 : master, bac + 5 ou équivalent" },
  { code: "18", label: "Niveau 8 : doctorat" },
]);
export type LevelCode = (typeof LEVELS)[number]["code"];
export const LEVEL_CODES = valuesOf(LEVELS);

/** dict-modalites-enseignement. */
export const TEACHING_MODES = codes([
  { code: "0", label: "En présentiel (sur place)" },
  { code: "1", label: "Mixte (sur place et à distance)" },
  { code: "2", label: "Entièrement à distance" },
]);
export type TeachingModeCode = (typeof TEACHING_MODES)[number]["code"];
export const TEACHING_MODE_CODES = valuesOf(TEACHING_MODES);

/** dict-etat-recrutement. */
export const RECRUITMENT_STATES = codes([
  { code: "1", label: "Ouvert" },
  { code: "2", label: "Fermé" },
  { code: "3", label: "Suspendu" },
]);
export type RecruitmentCode = (typeof RECRUITMENT_STATES)[number]["code"];
export const RECRUITMENT_CODES = valuesOf(RECRUITMENT_STATES);
export const RECRUITMENT_OPEN: RecruitmentCode = "1";

/** dict-type-contact: the roles a named contact of an organisation can have. */
export const CONTACT_ROLES = codes([
  { code: "4", label: "Accueil" },
  { code: "5", label: "Direction" },
  { code: "3", label: "Référent pédagogique" },
  { code: "1", label: "Référent handicap" },
  { code: "6", label: "Référent qualité" },
  { code: "7", label: "Référent entreprise" },
  { code: "13", label: "Référent validation des acquis de l’expérience" },
  { code: "14", label: "Référent apprentissage" },
  { code: "9", label: "Gestionnaire financier" },
  { code: "0", label: "Autre" },
]);
export type ContactRoleCode = (typeof CONTACT_ROLES)[number]["code"];
export const CONTACT_ROLE_CODES = valuesOf(CONTACT_ROLES);

export interface Funder extends Code {
  /** How the public funding sentence names it: « la Région Grand Est », « France Travail ». */
  publicName: string;
  /**
   * A public funder decides by a vote or an official decision (R5): its date is required and
   * written in the funding sentence.
   */
  isPublic: boolean;
}

/** dict-financeurs, without the obsolete code 1; « Pôle emploi » (code 4) is France Travail since 2024. */
export const FUNDERS: readonly Funder[] = [
  { code: "2", label: "Région (conseil régional)", publicName: `la Région ${REGION_NAME}`, isPublic: true },
  { code: "4", label: "France Travail (anciennement Pôle emploi)", publicName: "France Travail", isPublic: true },
  { code: "11", label: "État : ministère chargé de l’emploi", publicName: "l’État (ministère chargé de l’emploi)", isPublic: true },
  { code: "12", label: "État : ministère de l’éducation nationale", publicName: "l’État (ministère de l’éducation nationale)", isPublic: true },
  { code: "19", label: "État : ministère de l’intérieur", publicName: "l’État (ministère de l’intérieur)", isPublic: true },
  { code: "13", label: "État : autre ministère", publicName: "l’État", isPublic: true },
  { code: "8", label: "Département (conseil départemental)", publicName: "le Département", isPublic: true },
  { code: "9", label: "Commune ou intercommunalité", publicName: "la commune", isPublic: true },
  { code: "15", label: "Autre collectivité territoriale", publicName: "une collectivité territoriale", isPublic: true },
  { code: "3", label: "Fonds social européen (FSE)", publicName: "le Fonds social européen", isPublic: true },
  { code: "14", label: "Autre fonds européen", publicName: "l’Union européenne", isPublic: true },
  { code: "20", label: "Office français de l’immigration et de l’intégration (OFII)", publicName: "l’Office français de l’immigration et de l’intégration", isPublic: true },
  { code: "6", label: "Agence nationale pour la cohésion sociale (ACSÉ)", publicName: "l’Agence nationale pour la cohésion sociale", isPublic: true },
  { code: "18", label: "Agence de l’outre-mer pour la mobilité (LADOM)", publicName: "l’Agence de l’outre-mer pour la mobilité", isPublic: true },
  { code: "7", label: "Agefiph (emploi des personnes handicapées)", publicName: "l’Agefiph", isPublic: false },
  { code: "16", label: "Opérateur de compétences (OPCO)", publicName: "un opérateur de compétences", isPublic: false },
  { code: "17", label: "Transitions Pro (reconversion des salariés)", publicName: "Transitions Pro", isPublic: false },
  { code: "5", label: "Entreprise", publicName: "l’entreprise", isPublic: false },
  { code: "10", label: "La personne elle-même", publicName: "la personne formée", isPublic: false },
  { code: "0", label: "Autre financeur", publicName: "un autre financeur", isPublic: false },
];
export const FUNDER_CODES = FUNDERS.map((f) => f.code) as [string, ...string[]];

export function funderOf(code: string): Funder | undefined {
  return FUNDERS.find((f) => f.code === code);
}

/** How the action is funded by the public funder: bought by it, or accredited (homologated) by it. */
export const FUNDING_KINDS = codes([
  { code: "achat", label: "Achat de formation (le financeur achète les places)" },
  { code: "homologation", label: "Homologation (le financeur agrée la formation et rémunère les stagiaires)" },
]);
export type FundingKind = (typeof FUNDING_KINDS)[number]["code"];
export const FUNDING_KIND_CODES = valuesOf(FUNDING_KINDS);

/** A certification is identified in one of the two national registers. */
export const CERTIFICATION_REGISTERS = codes([
  { code: "rncp", label: "Répertoire national des certifications professionnelles (RNCP)" },
  { code: "rs", label: "Répertoire spécifique (RS)" },
]);
export type CertificationRegister = (typeof CERTIFICATION_REGISTERS)[number]["code"];
export const CERTIFICATION_REGISTER_CODES = valuesOf(CERTIFICATION_REGISTERS);

export function labelOf(entries: readonly Code[], code: string | null | undefined): string | undefined {
  return entries.find((e) => e.code === code)?.label;
}
