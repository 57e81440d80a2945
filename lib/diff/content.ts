// What changed between two versions of a content — an action's revisions, an organisation's
// dossiers — as people read it: each value is compared and shown as its French text (a code as its
// label, « Oui »/« Non », dates in full), so that a change nobody could see is not reported, and
// list items (sessions, modules, funders, contacts) are matched by their ids, so that a session
// whose dates moved is one changed session and a new order alone is no change (R2, R6).

import { diffWords, type WordChange } from "@/lib/diff/words";
import { formatDateRange, formatLongDate, isIsoDate } from "@/lib/dates";
import { formatPlaces } from "@/lib/format";
import {
  CERTIFICATION_REGISTERS,
  CONTACT_ROLES,
  FUNDING_KINDS,
  LEVELS,
  PATHWAYS,
  RECRUITMENT_STATES,
  TEACHING_MODES,
  funderOf,
  labelOf,
  type Code,
} from "@/lib/lheo/codes";
import type { ActionContent, FunderContent, ModuleContent, SessionContent } from "@/lib/validations/action";
import type { DossierContent } from "@/lib/validations/organisation";

export interface FieldChange {
  /** Where the value is in the content: « title », « funding.voteDate », « sessions.1.startDate » (index in its version). */
  path: string;
  label: string;
  kind: "added" | "removed" | "changed";
  /** The value as shown, "" when empty. */
  before: string;
  after: string;
  /** Free text only: the words removed and added. */
  words?: WordChange[];
}

export interface ItemChange {
  id: string;
  label: string;
  kind: "added" | "removed" | "changed" | "same";
  fields: FieldChange[];
}

export interface ListChange {
  list: "sessions" | "modules" | "funders" | "contacts";
  label: string;
  /** Every item of either version: those of the new one in its order, each removed one after the item it followed. */
  items: ItemChange[];
}

export interface ContentDiff {
  fields: FieldChange[];
  /** The lists that have items in either version. */
  lists: ListChange[];
  isNew: boolean;
  hasChanges: boolean;
}

/** Labels of Formacode codes (publics visés, domaines de formation), which live in the database. */
export type FormacodeLabels = Readonly<Record<string, string>>;

interface FieldDef<T> {
  path: string;
  label: string;
  show: (value: T) => string;
  /** Free text typed by a person: compared word by word, and what staff may correct. */
  text?: boolean;
  /** What is compared when it is not what is shown: a set of codes, whatever their order. */
  key?: (value: T) => string;
}

interface ListDef<T extends { id: string }> {
  list: ListChange["list"];
  label: string;
  itemLabel: (item: T, position: number) => string;
  fields: readonly FieldDef<T>[];
}

// --- values as people read them

const yesNo = (value: boolean) => (value ? "Oui" : "Non");
const quantity = (count: number | null, one: string, many: string) =>
  count === null ? "" : `${count.toLocaleString("fr-FR")} ${count < 2 ? one : many}`;
const hours = (count: number | null) => quantity(count, "heure", "heures");
const places = (count: number | null) => quantity(count, "place", "places");
const euros = (count: number | null) => quantity(count, "euro", "euros");
const longDate = (iso: string) => (isIsoDate(iso) ? formatLongDate(iso) : iso);
const codeLabel = (entries: readonly Code[], code: string) => (code ? (labelOf(entries, code) ?? code) : "");
const oneLine = (parts: string[]) => parts.filter(Boolean).join(", ");
const addressLine = (a: { street: string; street2: string; postcode: string; communeName: string }) =>
  oneLine([a.street, a.street2, [a.postcode, a.communeName].filter(Boolean).join(" ")]);
const contactLine = (c: { name: string; phone: string; email: string }) => [c.name, c.phone, c.email].filter(Boolean).join(" · ");
const funderName = (code: string) => funderOf(code)?.label ?? code;
const codeList = (codes: string[], labels: FormacodeLabels) => codes.map((code) => labels[code] ?? code).join(", ");
const codeSet = (codes: string[]) => [...codes].sort().join(" ");
/** « 123 456 789 00012 », never split across lines. */
const siret = (value: string) => value.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1\u00a0$2\u00a0$3\u00a0$4");

const text = <T>(path: string, label: string, get: (value: T) => string): FieldDef<T> => ({ path, label, show: get, text: true });

// --- what is compared

function actionFields(labels: FormacodeLabels): FieldDef<ActionContent>[] {
  return [
    text("title", "Intitulé de la formation", (c) => c.title),
    text("objectives", "Objectifs", (c) => c.objectives),
    text("results", "Résultats attendus", (c) => c.results),
    text("content", "Contenu", (c) => c.content),
    { path: "certifying", label: "Formation certifiante", show: (c) => yesNo(c.certifying) },
    { path: "certification.register", label: "Répertoire de la certification", show: (c) => codeLabel(CERTIFICATION_REGISTERS, c.certification.register) },
    { path: "certification.code", label: "Numéro de la fiche de la certification", show: (c) => c.certification.code },
    text("certification.label", "Intitulé de la certification", (c) => c.certification.label),
    { path: "pathway", label: "Type de parcours", show: (c) => codeLabel(PATHWAYS, c.pathway) },
    { path: "entryLevel", label: "Niveau d’entrée", show: (c) => codeLabel(LEVELS, c.entryLevel) },
    { path: "entryLevelMandatory", label: "Niveau d’entrée obligatoire", show: (c) => yesNo(c.entryLevelMandatory) },
    { path: "exitLevel", label: "Niveau de sortie", show: (c) => codeLabel(LEVELS, c.exitLevel) },
    { path: "contact", label: "Contact pour la formation", show: (c) => contactLine(c.contact) },
    { path: "publicCodes", label: "Public visé", show: (c) => codeList(c.publicCodes, labels), key: (c) => codeSet(c.publicCodes) },
    text("prerequisites", "Prérequis", (c) => c.prerequisites),
    text("specificConditions", "Conditions spécifiques", (c) => c.specificConditions),
    text("accessibility", "Accessibilité", (c) => c.accessibility),
    text("rhythm", "Rythme", (c) => c.rhythm),
    { path: "teachingMode", label: "Modalités d’enseignement", show: (c) => codeLabel(TEACHING_MODES, c.teachingMode) },
    { path: "hoursCentre", label: "Durée en centre", show: (c) => hours(c.hoursCentre) },
    { path: "hoursCompany", label: "Durée en entreprise", show: (c) => hours(c.hoursCompany) },
    text("alternance", "Alternance", (c) => c.alternance),
    { path: "permanentEntry", label: "Entrées et sorties permanentes", show: (c) => yesNo(c.permanentEntry) },
    { path: "free", label: "Gratuit pour la personne formée", show: (c) => yesNo(c.free) },
    { path: "price", label: "Prix", show: (c) => euros(c.price) },
    { path: "costCoverage", label: "Prise en charge des frais possible", show: (c) => yesNo(c.costCoverage) },
    { path: "funding.voteDate", label: "Date du vote ou de la décision", show: (c) => longDate(c.funding.voteDate) },
    { path: "funding.notifiedOn", label: "Date de notification", show: (c) => longDate(c.funding.notifiedOn) },
    { path: "funding.kind", label: "Type de financement", show: (c) => codeLabel(FUNDING_KINDS, c.funding.kind) },
    text("funding.comment", "Commentaire sur le financement", (c) => c.funding.comment),
  ];
}

const sessionList: ListDef<SessionContent> = {
  list: "sessions",
  label: "Sessions",
  itemLabel: (s, position) => {
    const dates = isIsoDate(s.startDate) && isIsoDate(s.endDate) ? formatDateRange(s.startDate, s.endDate) : "";
    const detail = oneLine([s.address.communeName, dates]);
    return detail ? `Session ${position} — ${detail}` : `Session ${position}`;
  },
  fields: [
    { path: "startDate", label: "Date de début", show: (s) => longDate(s.startDate) },
    { path: "endDate", label: "Date de fin", show: (s) => longDate(s.endDate) },
    { path: "address", label: "Adresse", show: (s) => addressLine(s.address) },
    { path: "placesTotal", label: "Nombre total de places", show: (s) => places(s.placesTotal) },
    { path: "placesAvailable", label: "Places disponibles", show: (s) => (s.placesAvailable === null ? "" : formatPlaces(s.placesAvailable)) },
    { path: "recruitment", label: "État du recrutement", show: (s) => codeLabel(RECRUITMENT_STATES, s.recruitment) },
    { path: "contact", label: "Contact pour l’inscription", show: (s) => contactLine(s.contact) },
  ],
};

const moduleList: ListDef<ModuleContent> = {
  list: "modules",
  label: "Modules",
  itemLabel: (m, position) => (m.title ? `Module ${position} — ${m.title}` : `Module ${position}`),
  fields: [
    text("title", "Titre", (m) => m.title),
    text("content", "Contenu", (m) => m.content),
    { path: "hours", label: "Durée", show: (m) => hours(m.hours) },
  ],
};

const funderList: ListDef<FunderContent> = {
  list: "funders",
  label: "Financeurs",
  itemLabel: (f) => oneLine([funderName(f.code), places(f.places)]),
  fields: [
    { path: "code", label: "Financeur", show: (f) => funderName(f.code) },
    { path: "places", label: "Places financées", show: (f) => places(f.places) },
  ],
};

function dossierFields(labels: FormacodeLabels): FieldDef<DossierContent>[] {
  return [
    text("legalName", "Raison sociale", (d) => d.legalName),
    text("usualName", "Nom d’usage", (d) => d.usualName),
    { path: "siret", label: "Numéro SIRET", show: (d) => siret(d.siret) },
    { path: "activityNumber", label: "Numéro de déclaration d’activité", show: (d) => d.activityNumber },
    { path: "address", label: "Adresse", show: (d) => addressLine(d.address) },
    { path: "phone", label: "Téléphone", show: (d) => d.phone },
    { path: "email", label: "Courriel", show: (d) => d.email },
    { path: "website", label: "Site internet", show: (d) => d.website },
    { path: "trainingFields", label: "Domaines de formation", show: (d) => codeList(d.trainingFields, labels), key: (d) => codeSet(d.trainingFields) },
    text("premises", "Locaux", (d) => d.premises),
    text("equipment", "Équipements", (d) => d.equipment),
    text("trainers", "Formateurs", (d) => d.trainers),
    { path: "qualiopi", label: "Certification Qualiopi", show: (d) => yesNo(d.qualiopi) },
    { path: "qualiopiDate", label: "Date de la certification Qualiopi", show: (d) => longDate(d.qualiopiDate) },
    text("otherCertifications", "Autres certifications", (d) => d.otherCertifications),
    text("accessibility", "Accueil des personnes handicapées", (d) => d.accessibility),
  ];
}

type ContactPerson = DossierContent["contacts"][number];

const contactList: ListDef<ContactPerson> = {
  list: "contacts",
  label: "Contacts",
  itemLabel: (c, position) => {
    const detail = oneLine([c.name, codeLabel(CONTACT_ROLES, c.role).toLowerCase()]);
    return detail ? `Contact ${position} — ${detail}` : `Contact ${position}`;
  },
  fields: [
    { path: "name", label: "Nom", show: (c) => c.name },
    { path: "role", label: "Rôle", show: (c) => codeLabel(CONTACT_ROLES, c.role) },
    { path: "phone", label: "Téléphone", show: (c) => c.phone },
    { path: "email", label: "Courriel", show: (c) => c.email },
  ],
};

// --- comparing

/** `before` or `after` null: the item did not exist on that side, so each filled value is added or removed. */
function diffFields<T>(defs: readonly FieldDef<T>[], before: T | null, after: T | null, prefix = ""): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const def of defs) {
    const was = before === null ? "" : def.show(before);
    const now = after === null ? "" : def.show(after);
    const key = def.key ?? def.show;
    const same = before !== null && after !== null ? key(before) === key(after) : was === now;
    if (same || (was === "" && now === "")) continue;
    changes.push({
      path: prefix + def.path,
      label: def.label,
      kind: was === "" ? "added" : now === "" ? "removed" : "changed",
      before: was,
      after: now,
      ...(def.text ? { words: diffWords(was, now) } : {}),
    });
  }
  return changes;
}

function diffList<T extends { id: string }>(def: ListDef<T>, before: readonly T[], after: readonly T[]): ListChange {
  const previous = new Map(before.map((item, index) => [item.id, { item, index }]));
  const kept = new Set(after.map((item) => item.id));
  const items: ItemChange[] = after.map((item, index) => {
    const old = previous.get(item.id);
    const fields = diffFields(def.fields, old?.item ?? null, item, `${def.list}.${index}.`);
    return { id: item.id, label: def.itemLabel(item, index + 1), kind: !old ? "added" : fields.length > 0 ? "changed" : "same", fields };
  });
  before.forEach((item, index) => {
    if (kept.has(item.id)) return;
    let at = 0;
    for (let k = index - 1; k >= 0 && at === 0; k--) at = items.findIndex((placed) => placed.id === before[k]!.id) + 1;
    items.splice(at, 0, {
      id: item.id,
      label: def.itemLabel(item, index + 1),
      kind: "removed",
      fields: diffFields(def.fields, item, null, `${def.list}.${index}.`),
    });
  });
  return { list: def.list, label: def.label, items };
}

function contentDiff(fields: FieldChange[], lists: ListChange[], isNew: boolean): ContentDiff {
  const shown = lists.filter((list) => list.items.length > 0);
  const hasChanges = fields.length > 0 || shown.some((list) => list.items.some((item) => item.kind !== "same"));
  return { fields, lists: shown, isNew, hasChanges };
}

/** `before` null: a new action, whose every filled field is « added ». */
export function diffActionContent(before: ActionContent | null, after: ActionContent, labels: FormacodeLabels = {}): ContentDiff {
  return contentDiff(
    diffFields(actionFields(labels), before, after),
    [
      diffList(sessionList, before?.sessions ?? [], after.sessions),
      diffList(moduleList, before?.modules ?? [], after.modules),
      diffList(funderList, before?.funders ?? [], after.funders),
    ],
    before === null,
  );
}

/** `before` null: a dossier never approved. */
export function diffDossierContent(before: DossierContent | null, after: DossierContent, labels: FormacodeLabels = {}): ContentDiff {
  return contentDiff(diffFields(dossierFields(labels), before, after), [diffList(contactList, before?.contacts ?? [], after.contacts)], before === null);
}

/** JSON with sorted keys: content read back from JSONB does not keep the order of its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const byId = <T extends { id: string }>(items: readonly T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/**
 * A change that only touches places disponibles or état du recrutement of existing sessions: staff
 * may approve it in one click. Compared on the stored values, not on what is shown, so that no
 * other change can hide behind one: a new action, a session added or removed, or no change at all
 * is not minor.
 */
export function isMinorChange(before: ActionContent | null, after: ActionContent): boolean {
  if (before === null) return false;
  const rest = (c: ActionContent) => ({
    ...c,
    publicCodes: [...c.publicCodes].sort(),
    modules: byId(c.modules),
    funders: byId(c.funders),
    sessions: byId(c.sessions).map((s) => ({ ...s, placesAvailable: null, recruitment: "" })),
  });
  if (canonical(rest(before)) !== canonical(rest(after))) return false;
  return canonical(byId(before.sessions)) !== canonical(byId(after.sessions));
}

/**
 * The changes of free text only (what staff may correct before approving), for the provider:
 * « Intitulé de la formation : … ». The text of modules present in both versions is included.
 */
export function wordingChanges(before: ActionContent, after: ActionContent): FieldChange[] {
  const textOnly = <T>(defs: readonly FieldDef<T>[]) => defs.filter((def) => def.text);
  const changes = diffFields(textOnly(actionFields({})), before, after);
  const previous = new Map(before.modules.map((module) => [module.id, module]));
  after.modules.forEach((module, index) => {
    const old = previous.get(module.id);
    if (!old) return;
    for (const change of diffFields(textOnly(moduleList.fields), old, module, `modules.${index}.`)) {
      changes.push({ ...change, label: `${change.label} du module ${index + 1}` });
    }
  });
  return changes;
}
