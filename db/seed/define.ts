// Shapes and helpers shared by the demo data files (db/seed/*.ts) and the seed runner (db/seed.ts).

import { createHash } from "node:crypto";

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

/** A session: where, when (days from today, Europe/Paris; negative = in the past), how long, places. */
export type SeedSession = readonly [communeInsee: string, startInDays: number, lengthInDays: number, places: number];

export interface SeedContent {
  title: string;
  objectives: string;
  content: string;
  permanentEntry?: boolean;
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
  /** A second revision sent for validation after the first was published (R6: the first stays online). */
  update?: SeedContent;
  /** R1: days since the provider first entered the action. */
  enteredDaysAgo?: number;
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
