// Form field paths (« sessions.0.address.postcode ») as the validate functions report them, turned
// into element ids (for links from the summary) and into words (for the summary itself).

import type { FieldErrors, FieldValues } from "react-hook-form";

/** A stable element id for a field path: the summary links to it. */
export function fieldId(path: string): string {
  return `champ-${path.replaceAll(".", "-")}`;
}

/** The error message react-hook-form holds for a dotted path, if any. */
export function messageAt<T extends FieldValues>(errors: FieldErrors<T>, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" && message ? message : undefined;
}

const LABELS: Record<string, string> = {
  title: "Intitulé de la formation",
  objectives: "Objectifs",
  results: "Résultats attendus",
  content: "Contenu",
  certification: "Certification",
  register: "Répertoire",
  code: "Numéro de la fiche",
  label: "Intitulé de la certification",
  pathway: "Type de parcours",
  entryLevel: "Niveau d’entrée",
  exitLevel: "Niveau de sortie",
  contact: "Contact",
  name: "Nom",
  phone: "Téléphone",
  email: "Courriel",
  publicCodes: "Public visé",
  prerequisites: "Prérequis",
  specificConditions: "Conditions spécifiques",
  accessibility: "Accessibilité aux personnes handicapées",
  rhythm: "Rythme",
  teachingMode: "Modalités d’enseignement",
  hoursCentre: "Heures en centre",
  hoursCompany: "Heures en entreprise",
  alternance: "Modalités d’alternance",
  price: "Prix",
  funders: "Financeurs",
  funding: "Financement",
  notifiedOn: "Date de notification",
  voteDate: "Date du vote ou de la décision",
  kind: "Type de financement",
  comment: "Commentaire sur le financement",
  modules: "Modules",
  hours: "Durée en heures",
  sessions: "Sessions",
  startDate: "Date de début",
  endDate: "Date de fin",
  address: "Adresse",
  street: "Numéro et rue",
  street2: "Complément d’adresse",
  postcode: "Code postal",
  communeInsee: "Commune",
  placesTotal: "Nombre total de places",
  placesAvailable: "Places disponibles",
  recruitment: "État du recrutement",
};

const LIST_ITEMS: Record<string, string> = { sessions: "Session", modules: "Module", funders: "Financeur" };

/** Labels that differ inside a list item: a module's « title » is its own. */
const ITEM_LABELS: Record<string, Record<string, string>> = {
  modules: { title: "Titre du module", content: "Contenu du module" },
  funders: { code: "Financeur", places: "Places financées" },
};

/** « Session 2 · Code postal », « Financement · Date du vote ou de la décision ». */
export function describePath(path: string): string {
  const parts = path.split(".");
  const words: string[] = [];
  let list: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (LIST_ITEMS[part] && next !== undefined && /^\d+$/.test(next)) {
      words.push(`${LIST_ITEMS[part]} ${Number(next) + 1}`);
      list = part;
      i++;
    } else if (part !== "address" || i === parts.length - 1) {
      words.push((list && ITEM_LABELS[list]?.[part]) ?? LABELS[part] ?? part);
    }
  }
  return words.join(" · ");
}
