// One LHÉO `formation` read back as the content of a draft (lib/validations/action.ts): the
// inverse of lib/lheo/writer.ts for what the product writes (docs/lheo-mapping.md), and a best
// reading of other producers' files. What cannot be read is said, field by field, in French;
// the draft keeps the rest. Pure: no database (communes and codes are checked when saving).

import { randomUUID } from "node:crypto";
import { FUNDER_CODES, LEVEL_CODES, PATHWAY_CODES, RECRUITMENT_CODES, TEACHING_MODE_CODES } from "@/lib/lheo/codes";
import { child, childrenOf, textOf, type XmlNode } from "@/lib/lheo/read";
import { EXTRAS_INFO, NOT_GIVEN, PERMANENT_PERIOD } from "@/lib/lheo/writer";
import { LIMITS, emptyActionContent, validateDraft, type ActionContent, type ActionFormValues } from "@/lib/validations/action";
import { CONTACT_NAME_MAX } from "@/lib/validations/fields";

export interface ImportedFormation {
  /** Position in the file, from 1. */
  position: number;
  numero: string;
  title: string;
  siret: string;
  /** Checked by validateDraft; null when the formation cannot become a draft. */
  content: ActionContent | null;
  /** What was left out or changed, in French. */
  notes: string[];
  /** Why nothing was imported, in French. */
  refusal: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Other producers write HTML in their texts; the product stores plain text. */
function plainOf(raw: string, notes: Set<string>): string {
  let text = raw.trim();
  if (text === NOT_GIVEN) return "";
  if (/<\s*\/?\s*[a-z!][^<>]*>/i.test(text)) {
    notes.add("La mise en forme (balises HTML) a été retirée des textes.");
    text = text
      .replace(/<\s*(br|\/p|\/li|\/div|\/h\d)\s*\/?\s*>/gi, "\n")
      .replace(/<[^<>]*>/g, "")
      .replace(/&nbsp;/g, "\u00a0");
  }
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Cut to `max` characters with a note naming the field. */
function fit(text: string, max: number, what: string, notes: Set<string>): string {
  if (Array.from(text).length <= max) return text;
  notes.add(`${what} dépassait ${max.toLocaleString("fr-FR")} caractères\u00a0: le texte a été coupé, relisez-le.`);
  return Array.from(text).slice(0, max).join("").trim();
}

function extrasOf(node: XmlNode | undefined): Map<string, string> {
  const values = new Map<string, string>();
  for (const extras of childrenOf(node, "extras")) {
    if (extras.attrs.info !== EXTRAS_INFO) continue;
    for (const extra of childrenOf(extras, "extra")) if (extra.attrs.info) values.set(extra.attrs.info, extra.text.trim());
  }
  return values;
}

const isoOf = (lheo: string) => (/^\d{8}$/.test(lheo) ? `${lheo.slice(0, 4)}-${lheo.slice(4, 6)}-${lheo.slice(6, 8)}` : "");
const codeIn = <C extends string>(codes: readonly C[], value: string): C | "" => ((codes as readonly string[]).includes(value) ? (value as C) : "");
const numberOf = (text: string) => (text === "" ? null : /^\d+$/.test(text.replace(/\s/g, "")) ? Number(text.replace(/\s/g, "")) : text);

function contactOf(coordinates: XmlNode | undefined) {
  const name = [textOf(coordinates, "prenom"), textOf(coordinates, "nom")].filter(Boolean).join(" ");
  const phone = textOf(coordinates, "telfixe", "numtel") || textOf(coordinates, "portable", "numtel");
  // Cut to what the form accepts (not refused then cleared), never between the halves of a surrogate pair.
  const cut = name.slice(0, CONTACT_NAME_MAX).replace(/[\uD800-\uDBFF]$/, "");
  return { name: cut, phone, email: textOf(coordinates, "courriel") };
}

function addressOf(address: XmlNode | undefined) {
  const lines = childrenOf(address, "ligne").map((l) => l.text.trim()).filter((l) => l && l !== NOT_GIVEN);
  return {
    street: lines[0] ?? "",
    street2: lines.slice(1).join(", "),
    postcode: textOf(address, "codepostal"),
    communeInsee: textOf(address, "code-INSEE-commune"),
    communeName: textOf(address, "ville"),
  };
}

/** The draft content of an LHÉO formation (its first action; the sessions of all its actions). */
function contentOf(formation: XmlNode, notes: Set<string>): ActionFormValues {
  const actions = childrenOf(formation, "action");
  const action = actions[0];
  if (actions.length > 1) notes.add(`Cette formation comptait ${actions.length} actions\u00a0: leurs sessions sont réunies dans un seul brouillon, avec les informations de la première.`);
  const extras = extrasOf(action);
  const text = (node: XmlNode | undefined, path: string[], max: number, what: string) => fit(plainOf(textOf(node, ...path), notes), max, what, notes);

  const certification = child(formation, "certification");
  const rncp = textOf(certification, "code-RNCP");
  const rs = textOf(certification, "code-RS");
  const contact = childrenOf(formation, "contact-formation").find((c) => c.attrs.tag !== "organisme");
  if (contact && !child(contact, "coordonnees")) notes.add("Le contact de la formation n’a pas pu être lu (élément «\u00a0coordonnees\u00a0» absent ou mal orthographié).");

  let permanentEntry = textOf(action, "modalites-entrees-sorties") === "1";
  const sessions = actions.flatMap((a) => childrenOf(a, "session"));
  const dated = sessions.filter((s) => {
    const permanent = textOf(s, "periode", "debut") === PERMANENT_PERIOD.start && textOf(s, "periode", "fin") === PERMANENT_PERIOD.end;
    if (permanent) permanentEntry = true;
    return !permanent;
  });
  if (dated.length > LIMITS.sessions) notes.add(`Seules les ${LIMITS.sessions} premières sessions ont été reprises (sur ${dated.length}).`);

  const modules = childrenOf(action, "enseignement");
  const values: ActionFormValues = {
    ...emptyActionContent(),
    title: fit(plainOf(textOf(formation, "intitule-formation"), notes), LIMITS.title, "L’intitulé", notes),
    objectives: text(formation, ["objectif-formation"], LIMITS.longText, "Les objectifs"),
    results: text(formation, ["resultats-attendus"], LIMITS.longText, "Les résultats attendus"),
    content: text(formation, ["contenu-formation"], LIMITS.longText, "Le contenu"),
    certifying: textOf(formation, "certifiante") === "1",
    certification: { register: rncp ? "rncp" : rs ? "rs" : "", code: rncp || rs, label: extrasOf(formation).get("intitule-certification") ?? "" },
    pathway: codeIn(PATHWAY_CODES, textOf(formation, "parcours-de-formation")),
    entryLevel: codeIn(LEVEL_CODES, textOf(formation, "code-niveau-entree")),
    exitLevel: codeIn(LEVEL_CODES, textOf(formation, "code-niveau-sortie")),
    contact: contact ? contactOf(child(contact, "coordonnees")) : { name: "", phone: "", email: "" },
    publicCodes: [...new Set(childrenOf(action, "code-public-vise").map((c) => c.text.trim()))].slice(0, LIMITS.publicCodes),
    prerequisites: extras.get("prerequis") ?? "",
    entryLevelMandatory: textOf(action, "niveau-entree-obligatoire") === "1",
    // Written by this product (its extras are there): the two texts are in the extras, the element joins them.
    specificConditions: extras.size > 0 ? (extras.get("conditions-specifiques") ?? "") : text(action, ["conditions-specifiques"], LIMITS.conditions, "Les conditions spécifiques"),
    accessibility: text(action, ["acces-handicapes"], LIMITS.accessibility, "L’accès des personnes handicapées"),
    rhythm: text(action, ["rythme-formation"], LIMITS.longText, "Le rythme"),
    teachingMode: codeIn(TEACHING_MODE_CODES, textOf(action, "modalites-enseignement")),
    hoursCentre: numberOf(textOf(action, "nombre-heures-centre")),
    hoursCompany: numberOf(textOf(action, "nombre-heures-entreprise")),
    alternance: text(action, ["modalites-alternance"], LIMITS.longText, "L’alternance"),
    permanentEntry,
    free: extras.get("gratuit") === "1",
    price: numberOf(textOf(action, "prix-total-TTC").replace(/[€\s]/g, "").replace(/[.,]00$/, "")),
    costCoverage: textOf(action, "prise-en-charge-frais-possible") === "1",
    funders: childrenOf(action, "organisme-financeur")
      .map((f) => ({ id: randomUUID(), code: textOf(f, "code-financeur"), places: numberOf(textOf(f, "nb-places-financees")) }))
      .filter((f, index, all) => (FUNDER_CODES as readonly string[]).includes(f.code) && all.findIndex((g) => g.code === f.code) === index)
      .slice(0, LIMITS.funders),
    funding: {
      notifiedOn: extras.get("date-notification") ?? "",
      voteDate: extras.get("date-vote") ?? "",
      kind: (extras.get("type-financement") as "" | "achat" | "homologation") ?? "",
      comment: extras.get("commentaire-financement") ?? "",
    },
    modules: modules.slice(0, LIMITS.modules).map((m) => {
      const own = extrasOf(m);
      const comment = plainOf(textOf(m, "commentaire"), notes);
      const hours = own.get("heures") ?? /^(\d+)\s*heures?/.exec(comment)?.[1] ?? "";
      return {
        id: randomUUID(),
        title: fit(plainOf(textOf(m, "libelle-enseignement"), notes), LIMITS.moduleTitle, "Le titre d’un module", notes),
        content: fit(own.get("contenu") ?? comment.replace(/^\d+\s*heures?\.?\s*/, ""), LIMITS.moduleContent, "Le contenu d’un module", notes),
        hours: numberOf(hours),
      };
    }),
    sessions: dated.slice(0, LIMITS.sessions).map((s) => {
      const own = extrasOf(s);
      const id = /^S-[0-9a-f-]{36}-([0-9a-f-]{36})$/.exec(s.attrs.numero ?? "")?.[1];
      const recruitment = codeIn(RECRUITMENT_CODES, textOf(s, "etat-recrutement"));
      const address = addressOf(child(s, "adresse-inscription", "adresse"));
      return {
        id: id && UUID.test(id) ? id : randomUUID(),
        startDate: isoOf(textOf(s, "periode", "debut")),
        endDate: isoOf(textOf(s, "periode", "fin")),
        address: { ...address, street: address.street.slice(0, LIMITS.addressLine), street2: address.street2.slice(0, LIMITS.addressLine) },
        placesTotal: numberOf(own.get("places-totales") ?? ""),
        placesAvailable: numberOf(own.get("places-disponibles") ?? ""),
        recruitment,
        contact: child(s, "contact-session") ? contactOf(child(s, "contact-session", "coordonnees")) : { name: "", phone: "", email: "" },
      };
    }),
  };
  return values;
}

/** Sets the value at a path such as "sessions.2.address.postcode" back to its empty form. */
function clear(values: Record<string, unknown>, path: string) {
  const keys = path.split(".");
  let target: Record<string, unknown> | undefined = values;
  for (const key of keys.slice(0, -1)) target = target?.[key] as Record<string, unknown> | undefined;
  const last = keys.at(-1)!;
  if (!target || !(last in target)) return false;
  const current = target[last];
  target[last] = Array.isArray(current) ? [] : typeof current === "number" || current === null ? null : typeof current === "boolean" ? false : "";
  return true;
}

/** Field paths as people read them in the report. */
function fieldName(path: string): string {
  return path.replace(/^sessions\.(\d+)\./, (_, n) => `session ${Number(n) + 1}, `).replace(/^modules\.(\d+)\./, (_, n) => `module ${Number(n) + 1}, `);
}

/**
 * Reads one formation. A field that does not pass the draft's checks is left empty and said in
 * the notes; only a missing or unusable title stops the formation.
 */
export function importFormation(formation: XmlNode, position: number): ImportedFormation {
  const notes = new Set<string>();
  const siret = textOf(formation, "organisme-formation-responsable", "SIRET-organisme-formation", "SIRET").replace(/\s/g, "");
  const base = { position, numero: formation.attrs.numero ?? "", siret, notes: [] as string[] };
  let values: ActionFormValues;
  try {
    values = contentOf(formation, notes);
  } catch {
    return { ...base, title: "", content: null, refusal: "Cette formation n’a pas pu être lue.", notes: [...notes] };
  }
  const title = String(values.title ?? "");
  if (!/^\d{14}$/.test(siret)) {
    const refusal = siret
      ? `Le numéro SIRET de l’organisme responsable («\u00a0${siret.slice(0, 20)}\u00a0») n’a pas 14 chiffres\u00a0: corrigez-le dans votre logiciel puis exportez de nouveau.`
      : "Le SIRET de l’organisme responsable manque\u00a0: cette formation ne peut pas être rattachée à votre organisme.";
    return { ...base, title, content: null, refusal, notes: [...notes] };
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    const checked = validateDraft(values);
    if (checked.success) return { ...base, title, content: checked.data, refusal: null, notes: [...notes] };
    if (checked.errors.title) return { ...base, title, content: null, refusal: `Intitulé refusé\u00a0: ${checked.errors.title}`, notes: [...notes] };
    for (const [path, message] of Object.entries(checked.errors)) {
      const cleared = clear(values as Record<string, unknown>, path) || clear(values as Record<string, unknown>, path.split(".").slice(0, -1).join("."));
      notes.add(cleared ? `${fieldName(path)}\u00a0: non repris (${message})` : `${fieldName(path)}\u00a0: ${message}`);
    }
  }
  return { ...base, title, content: null, refusal: "Cette formation n’a pas pu être lue.", notes: [...notes] };
}
