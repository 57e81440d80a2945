// Shapes and helpers shared by the demo data files (db/seed/*.ts) and the seed runner (db/seed.ts).

import { createHash } from "node:crypto";
import type {
  CertificationRegister,
  ContactRoleCode,
  FundingKind,
  LevelCode,
  PathwayCode,
  RecruitmentCode,
  TeachingModeCode,
} from "@/lib/lheo/codes";
import type { SiteKey } from "@/db/seed/sites";

/** Keys of the demo organisations; the action files refer to them. */
export type OrganisationKey =
  | "batiment"
  | "soin"
  | "logistique"
  | "industrie"
  | "hotellerie"
  | "numerique"
  | "gestion"
  | "langues"
  | "tremplin";

/** Someone to call: a name, a telephone number and an e-mail address (03 53 48 xx xx, .example). */
export interface SeedContact {
  name: string;
  phone: string;
  email: string;
}

/**
 * A session: where (a site of db/seed/sites.ts: street, postcode, commune), when (days from
 * today, Europe/Paris; negative = in the past), how long, and its places.
 */
export interface SeedSession {
  site: SiteKey;
  start: number;
  days: number;
  places: number;
  /** Places still free; all of them when not given. */
  available?: number;
  /** Fermé ("2") or suspendu ("3"); open when not given. */
  recruitment?: Exclude<RecruitmentCode, "1">;
  /** Whom to call to register for this session, when not the contact of the action. */
  contact?: SeedContact;
}

/** A module of a modular course (R4): title, what is learnt, hours. */
export type SeedModule = readonly [title: string, content: string, hours: number];

/** Who pays (LHÉO dict-financeurs) and how many places each funds; dates in days before today. */
export interface SeedFunding {
  funders: readonly (readonly [code: string, places?: number])[];
  /** Required as soon as one funder is public (R5). */
  voteDaysAgo?: number;
  /** After the vote. */
  notifiedDaysAgo?: number;
  kind?: FundingKind;
  comment?: string;
}

export interface SeedContent {
  title: string;
  objectives: string;
  /** Résultats attendus: what the person leaves with. */
  results: string;
  content: string;
  /** Only for a certifying course: the register, the number of its fiche, its title. */
  certification?: { register: CertificationRegister; code: string; label: string };
  pathway: PathwayCode;
  entryLevel: LevelCode;
  exitLevel: LevelCode;
  /** Formacode « public » codes (80xxx, kind PUB). */
  publicCodes: string[];
  prerequisites: string;
  entryLevelMandatory?: boolean;
  specificConditions?: string;
  accessibility: string;
  rhythm: string;
  teachingMode: TeachingModeCode;
  hoursCentre: number;
  hoursCompany: number;
  /** Required when hoursCompany > 0. */
  alternance?: string;
  permanentEntry?: boolean;
  /** Euros, or free for the person trained (the funders pay). */
  price: number | "free";
  /** The cost can be covered (by a funder, the compte personnel de formation…). */
  costCoverage: boolean;
  funding?: SeedFunding;
  /** Required, adding up to hoursCentre + hoursCompany, when the pathway is modular ("3"). */
  modules?: SeedModule[];
  /** Empty: the public calls the organisation. */
  contact?: SeedContact;
  /** Session ids come from the action key and the position, so keep the order when a revision adds one. */
  sessions: SeedSession[];
}

export interface SeedAction {
  /** Stable name from which the ids are derived; never change it once seeded. */
  key: string;
  organisation: OrganisationKey;
  /** What happened to the (first) revision: published, waiting in the queue, saved only, or sent back. */
  status: "approved" | "submitted" | "draft" | "rejected";
  /** Formacodes the staff give when approving (db/reference/formacode-v8.csv). */
  formacodes: string[];
  content: SeedContent;
  rejectionReason?: string;
  /**
   * A second revision sent for validation after the first was published (R6: the first stays
   * online): what changes, over the first revision's content.
   */
  update?: Partial<SeedContent>;
  /** R1: days since the provider first entered the action. */
  enteredDaysAgo?: number;
}

/** A named contact of an organisation's dossier: name, role (dict-type-contact), telephone, e-mail. */
export type SeedDossierContact = readonly [name: string, role: ContactRoleCode, phone: string, email: string];

/**
 * What the organisation's dossier adds to its columns (db/seed/organisations.ts gives the SIRET,
 * the address, the telephone and the e-mail).
 */
export interface SeedDossier {
  legalName: string;
  /** The name the public knows: the organisation's `name`, when the raison sociale differs. */
  usualName: string;
  /** 41 (Grand Est, Lorraine) + department + 7 digits. */
  activityNumber: string;
  website: string;
  /** Contact ids come from the organisation key and the position: keep the order in a renewal. */
  contacts: SeedDossierContact[];
  trainingFields: string[];
  premises: string;
  equipment: string;
  trainers: string;
  /** Days before today the Qualiopi certification was obtained (before the dossier was sent). */
  qualiopiDaysAgo: number;
  otherCertifications: string;
  accessibility: string;
  /** A renewal sent and waiting for staff: what changes, and when it was sent. */
  renewal?: { sentDaysAgo: number; changes: Partial<Omit<SeedDossier, "renewal">> };
}

const NAMESPACE = "3f0b7c52-6a1e-4d8b-9c47-0e5a2d9b1f63";

/** A UUID (version 5, RFC 9562) derived from a name, so that every run of the seed writes the same ids. */
export function seedId(name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(NAMESPACE.replaceAll("-", ""), "hex"))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const NBSP = "\u00a0";

/**
 * French typography for text typed with plain spaces in the data files: a non-breaking space
 * before « : ; ! ? », inside guillemets, and between a number and its unit.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:;!?»])/g, `${NBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/(\d) (heures|jours|semaines|mois|places|personnes|kilos|mètres|euros|%)/g, `$1${NBSP}$2`);
}
