// Names for generated people and organisations, in the style of the Lorraine demo: first and
// last names common in the region, organisation names built from the field they train for and
// the place they serve. Telephone numbers stay in the range kept for fiction (03 53 48 xx xx) and
// e-mail domains end in .example, so nobody real is ever reached.

import type { OrganisationKey } from "@/db/seed/define";
import type { Place } from "@/db/generate/places";
import type { Random } from "@/db/generate/random";
import { isValidSiret } from "@/lib/siret";
import { slugify } from "@/lib/slug";

const FIRST_NAMES = [
  "Sophie", "Nadia", "Julien", "Marc", "Élodie", "Kévin", "Isabelle", "Hélène", "Patrick", "Claire", "Thomas", "Anne",
  "Amélie", "Jérôme", "Céline", "Nicolas", "Sandrine", "Mathieu", "Aurélie", "Sébastien", "Camille", "Laurent", "Émilie",
  "Christophe", "Nathalie", "David", "Valérie", "Stéphane", "Caroline", "Olivier", "Karima", "Mehdi", "Léa", "Hugo",
  "Manon", "Lucas", "Chloé", "Yannick", "Martine", "Bernard", "Françoise", "Pascal", "Sylvie", "Frédéric", "Agnès",
];
const LAST_NAMES = [
  "Lambert", "Benali", "Weber", "Thiébaut", "Collignon", "Marchal", "Hanriot", "Schmitt", "Gérard", "Martin", "Remy",
  "Grandjean", "Kieffer", "Hoffmann", "Muller", "Klein", "Mangin", "Thomas", "Didier", "Colin", "François", "Jacquot",
  "Henry", "Husson", "Michel", "Petitjean", "Simon", "Laurent", "Schneider", "Becker", "Wagner", "Fischer", "Meyer",
  "Georges", "Antoine", "Perrin", "Mathieu", "Claude", "Vincent", "Haddad", "Ferreira", "Rossi", "Kowalski", "Dupont",
];

export interface Person {
  name: string;
  /** Lower-case ASCII « prenom.nom », for identifiers and e-mail addresses. */
  handle: string;
}

export function drawPerson(random: Random): Person {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { name: `${first} ${last}`, handle: `${slugify(first)}.${slugify(last)}` };
}

/** « 03 53 48 27 91 »: the range the telecom regulator keeps for fiction. */
export function drawPhone(random: Random): string {
  const pair = () => String(random.int(0, 99)).padStart(2, "0");
  return `03 53 48 ${pair()} ${pair()}`;
}

/** How organisations of each field are commonly named; the place is added after. */
const NAME_STEMS: Record<OrganisationKey, string[]> = {
  batiment: ["Bâtiment Formation", "École des métiers du bâtiment", "Centre de formation aux métiers du bâtiment", "Compagnons bâtisseurs"],
  soin: ["Institut de formation aux métiers du soin", "École d’aides-soignants", "Centre de formation sanitaire et sociale"],
  logistique: ["Logistique Formation", "Centre de formation transport et logistique", "École de conduite professionnelle"],
  industrie: ["Centre des métiers de l’industrie", "Pôle formation industrie", "Atelier école de la métallurgie"],
  hotellerie: ["École hôtelière", "Centre de formation hôtellerie et restauration", "Cuisine école"],
  numerique: ["Atelier numérique", "École du numérique", "Espace de formation informatique"],
  gestion: ["Gestion Formation", "Institut de gestion et de comptabilité", "Centre de formation tertiaire"],
  langues: ["Maison des langues", "Centre de langues", "Institut des langues frontalières"],
  tremplin: ["Tremplin", "Association pour l’insertion et la formation", "Chantier école", "Espace emploi formation"],
};

const DEPARTMENT_NAMES: Record<string, string> = {
  "54": "de Meurthe-et-Moselle",
  "55": "de la Meuse",
  "57": "de la Moselle",
  "88": "des Vosges",
};

/** « de Nancy », « d’Épinal », « du Val-d’Ajol », « des Forges », « de la Petite-Raon ». */
export function ofPlace(name: string): string {
  if (/^Les /.test(name)) return `des ${name.slice(4)}`;
  if (/^Le /.test(name)) return `du ${name.slice(3)}`;
  if (/^La /.test(name)) return `de la ${name.slice(3)}`;
  if (/^L['’]/.test(name)) return `de l’${name.slice(2)}`;
  return /^[AEIOUYÉÈÊÂÎÔH]/i.test(name) ? `d’${name}` : `de ${name}`;
}

export function drawOrganisationName(random: Random, domain: OrganisationKey, seat: Place): string {
  const stem = random.pick(NAME_STEMS[domain]);
  if (random.chance(0.25)) return `${stem} ${DEPARTMENT_NAMES[seat.department]}`;
  if (random.chance(0.15)) return `${stem} du pays ${ofPlace(seat.name)}`;
  return `${stem} ${ofPlace(seat.name)}`;
}

/** Fourteen digits passing the Luhn check, as a real SIRET does. */
export function drawSiret(random: Random): string {
  for (;;) {
    const body = `${random.int(1, 9)}${Array.from({ length: 12 }, () => random.int(0, 9)).join("")}`;
    for (let check = 0; check < 10; check++) {
      const siret = `${body}${check}`;
      if (isValidSiret(siret)) return siret;
    }
  }
}

/** Numéro de déclaration d’activité: 41 (Lorraine), the department, seven digits. */
export function drawActivityNumber(random: Random, department: string): string {
  return `41${department}${String(random.int(0, 9_999_999)).padStart(7, "0")}`;
}
