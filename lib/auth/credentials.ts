// R10: the access codes the centre gives (a new account, a reset). Staff read them out over the
// telephone or write them in a letter, so they avoid characters that are easy to confuse (0/O,
// 1/l/I), use lower case only (no « capital A » to dictate) and come in groups of four.

import { randomInt } from "node:crypto";
import { slugify } from "@/lib/slug";

/** Lower-case letters and digits, without i, l, o, 0 and 1. */
export const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const PASSWORD_GROUPS = 5;
export const PASSWORD_GROUP_LENGTH = 4;
const PASSWORD_SEPARATOR = "-";

/** The randomness of a temporary password, in bits: 20 characters of 31 give about 99 bits. */
export function temporaryPasswordEntropyBits(): number {
  return PASSWORD_GROUPS * PASSWORD_GROUP_LENGTH * Math.log2(PASSWORD_ALPHABET.length);
}

/**
 * A temporary password such as « k7mp-3xq9-ha4w-tz2e-8nvc » (24 characters, the dashes included),
 * drawn from the operating system's cryptographic generator with no bias (`randomInt`).
 */
export function generateTemporaryPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < PASSWORD_GROUPS; g++) {
    let group = "";
    for (let c = 0; c < PASSWORD_GROUP_LENGTH; c++) group += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join(PASSWORD_SEPARATOR);
}

/** The longest an identifier may be (users.identifier, the login form): room is kept for a suffix. */
export const IDENTIFIER_MAX_LENGTH = 64;
const PART_MAX_LENGTH = 24;

// Words that say nothing about which organisation it is: articles and prepositions first, then
// legal forms and the words nearly every training organisation has in its name.
const LINK_WORDS = new Set(["a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par", "pour", "sur", "un", "une"]);
const GENERIC_WORDS = new Set([
  ...["sa", "sarl", "sas", "sasu", "eurl", "scop", "scic", "sci", "gie", "ei", "eirl", "micro", "entreprise", "ste", "societe"],
  ...["association", "asso", "organisme", "centre", "formation", "formations"],
]);

/** The words of a text as slugify writes them; none when it has no letter or digit at all. */
function words(text: string): string[] {
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  return slugify(text, 200).split("-").filter(Boolean);
}

/** Words joined by dashes, as many as fit in `max` characters (at least the first, cut). */
function joinWithin(chosen: string[], max: number): string {
  let joined = "";
  for (const word of chosen) {
    const next = joined ? `${joined}-${word}` : word;
    if (next.length > max) break;
    joined = next;
  }
  return joined || (chosen[0] ?? "").slice(0, max);
}

/**
 * A readable part of an identifier: the first two telling words of a name, lower case, without
 * accents, joined by a dash (« L’Atelier d’Électricité Lorrain » → « atelier-electricite »).
 * Falls back on the plain words when all are noise, and on `fallback` when there are none.
 */
export function identifierPart(text: string, fallback: string): string {
  const all = words(text);
  const meaningful = all.filter((word) => !LINK_WORDS.has(word));
  const telling = meaningful.filter((word) => !GENERIC_WORDS.has(word));
  const chosen = [telling, meaningful, all].find((list) => list.length > 0) ?? [];
  return joinWithin(chosen.slice(0, 2), PART_MAX_LENGTH) || fallback;
}

/**
 * A provider's identifier before any suffix, from its name and its town, whole:
 * « batiment-lorraine.nancy », « ecole-conduite.pont-a-mousson ».
 */
export function organisationIdentifierBase(name: string, town: string): string {
  return `${identifierPart(name, "organisme")}.${joinWithin(words(town), PART_MAX_LENGTH) || "lorraine"}`;
}

/** A staff member's identifier before any suffix: « jean-pierre.fontaine » for « Jean-Pierre de La Fontaine ». */
export function staffIdentifierBase(displayName: string): string {
  const names = displayName.trim().split(/\s+/).map(words).filter((parts) => parts.length > 0);
  if (names.length === 0) return "equipe";
  const first = joinWithin(names[0]!, PART_MAX_LENGTH);
  return names.length > 1 ? `${first}.${joinWithin(names[names.length - 1]!, PART_MAX_LENGTH)}` : first;
}

/**
 * The base itself when it is free, else the base with the smallest free number from 2
 * (« btp.nancy », « btp.nancy2 », « btp.nancy3 »…). `taken` holds identifiers in lower case.
 */
export function firstFreeIdentifier(base: string, taken: ReadonlySet<string>): string {
  const trimmed = base.toLowerCase().slice(0, IDENTIFIER_MAX_LENGTH - 4);
  if (!taken.has(trimmed)) return trimmed;
  for (let n = 2; ; n++) {
    const candidate = `${trimmed}${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
