// The LHÉO 2.3 writer: one diffused action as one `formation` (db/reference/lheo/lheo-2.3.xsd),
// in the schema's element order, with its mandatory elements always present and every text cut to
// its limit. Pure: the feed (app/api/export/lheo.xml) streams what it returns, batch by batch.
// The mappings LHÉO leaves open are listed in docs/lheo-mapping.md.

import { MODULAR_PATHWAY } from "@/lib/lheo/codes";
import { element, textElement as text } from "@/lib/lheo/xml";
import type { ActionContent } from "@/lib/validations/action";

export const LHEO_NAMESPACE = "http://lheo.gouv.fr/2.3";
/** The ROME edition of db/reference/rome-v3.json. */
export const ROME_EDITION = "V3";
/** What an empty mandatory text is written as (the convention of LHÉO producers); the import reads it back as empty. */
export const NOT_GIVEN = "-";
/** The `info` of the `extras` holding what LHÉO has no element for (places, funding details…). */
export const EXTRAS_INFO = "offre-formation";
/** A permanent-entry action with no dated session gets one session over this period. */
export const PERMANENT_PERIOD = { start: "00000000", end: "99999999" } as const;

export interface LheoAddress {
  lines: string[];
  postcode: string;
  town: string;
  inseeCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface LheoContact {
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
  website?: string;
  address?: LheoAddress | null;
}

export interface LheoSession {
  id: string;
  startDate: string;
  endDate: string;
  /** Where the session runs and where one registers; null: the organisation's address. */
  address: LheoAddress | null;
  placesTotal: number;
  placesAvailable: number;
  recruitment: string;
}

/**
 * Read-only once written: what a formation writes of its organisation is kept per object
 * (`organisationParts`), the feed handing the same object to all the actions of an organisation.
 */
export interface LheoOrganisation {
  siret: string;
  activityNumber: string | null;
  name: string;
  legalName: string | null;
  address: LheoAddress;
  phone: string | null;
  email: string | null;
  website: string | null;
  contacts: { name: string; role: string; phone: string; email: string }[];
  /** The Formacodes of the approved dossier (« potentiel »). */
  trainingFields: string[];
}

export interface LheoFormation {
  actionId: string;
  /** R1: the Paris day the action was first entered. */
  firstEnteredOn: string;
  /** The Paris day of the approval now online. */
  publishedOn: string;
  /** The approved content (with staff's wording). */
  details: ActionContent;
  formacodes: string[];
  romeCodes: string[];
  nsfCode: string | null;
  /** The level staff confirmed, else the provider's. */
  exitLevel: string | null;
  fundingSentence: string | null;
  /** The sessions in diffusion, soonest first. */
  sessions: LheoSession[];
  organisation: LheoOrganisation;
}

export interface WriterOptions {
  /** The Formacode edition in use (db/reference/load.ts), written as `ref`. */
  formacodeEdition: string;
}

/** Stable identifiers: a session's combines its action's id with its own (a duplicate copies session ids). */
export const numeros = {
  formation: (actionId: string) => `F-${actionId}`,
  action: (actionId: string) => `A-${actionId}`,
  session: (actionId: string, sessionId: string) => `S-${actionId}-${sessionId}`,
  permanentSession: (actionId: string) => `S-${actionId}-permanente`,
};

export function documentStart(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<lheo xmlns="${LHEO_NAMESPACE}">\n<offres>\n`;
}

export function documentEnd(): string {
  return "</offres>\n</lheo>\n";
}

const lheoDate = (iso: string) => iso.replaceAll("-", "");
const orNotGiven = (value: string) => (value.trim() === "" ? NOT_GIVEN : value);
const isMobile = (phone: string) => /^(?:0|\+33 ?)[67]/.test(phone);

function address(a: LheoAddress): string {
  const lines = a.lines.map((l) => l.trim()).filter(Boolean).slice(0, 4);
  return element("adresse", [
    ...(lines.length > 0 ? lines : [a.town]).map((line) => text("ligne", line, { max: 50 })),
    text("codepostal", a.postcode),
    text("ville", a.town, { max: 50 }),
    a.inseeCode ? text("departement", a.inseeCode.startsWith("97") ? a.inseeCode.slice(0, 3) : a.inseeCode.slice(0, 2)) : "",
    text("code-INSEE-commune", a.inseeCode ?? null),
    text("pays", "FR"),
    a.latitude != null && a.longitude != null
      ? element("geolocalisation", [text("latitude", a.latitude.toFixed(5)), text("longitude", a.longitude.toFixed(5))])
      : "",
  ]);
}

/** `coordonnees`: every child is optional, but the element itself is written even when empty. */
function coordinates(c: LheoContact): string {
  const phone = c.phone?.trim() ?? "";
  return `<coordonnees>${[
    text("nom", c.name, { max: 50 }),
    c.address ? address(c.address) : "",
    phone && !isMobile(phone) ? element("telfixe", [text("numtel", phone, { max: 25 })]) : "",
    phone && isMobile(phone) ? element("portable", [text("numtel", phone, { max: 25 })]) : "",
    (c.email?.trim().length ?? 0) >= 3 ? text("courriel", c.email, { max: 160 }) : "",
    (c.website?.trim().length ?? 0) >= 3 ? element("web", [text("urlweb", c.website, { max: 400 })]) : "",
  ].join("")}</coordonnees>`;
}

function extras(entries: [string, string | number | boolean | null | undefined][]): string {
  const written = entries
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([info, value]) => text("extra", typeof value === "boolean" ? (value ? "1" : "0") : value, { attrs: { info } }));
  return element("extras", written, { info: EXTRAS_INFO });
}

const hasContact = (c: { name: string; phone: string; email: string }) => Boolean(c.name || c.phone || c.email);

function organisationContact(o: LheoOrganisation): LheoContact {
  return { name: o.name, phone: o.phone ?? "", email: o.email ?? "", website: o.website ?? "" };
}

/** The written address of each session (null: none of its own), in the order of `sessions`. */
function sessionAddresses(sessions: LheoSession[]): (string | null)[] {
  return sessions.map((s) => (s.address ? address(s.address) : null));
}

function session(f: LheoFormation, s: LheoSession, ownAddress: string | null, fallback: string): string {
  const own = f.details.sessions.find((c) => c.id === s.id)?.contact;
  return element(
    "session",
    [
      element("periode", [text("debut", lheoDate(s.startDate)), text("fin", lheoDate(s.endDate))]),
      element("adresse-inscription", [ownAddress ?? fallback]),
      text("etat-recrutement", s.recruitment),
      own && hasContact(own) ? `<contact-session>${coordinates(own)}</contact-session>` : "",
      // LHÉO 2.3 has no element for the places of a session.
      extras([
        ["places-disponibles", s.placesAvailable],
        ["places-totales", s.placesTotal],
      ]),
    ],
    { numero: numeros.session(f.actionId, s.id) },
  );
}

function permanentSession(f: LheoFormation, organisationAddress: string): string {
  return element(
    "session",
    [
      element("periode", [text("debut", PERMANENT_PERIOD.start), text("fin", PERMANENT_PERIOD.end)]),
      element("adresse-inscription", [organisationAddress]),
      text("etat-recrutement", "1"),
    ],
    { numero: numeros.permanentSession(f.actionId) },
  );
}

/** The sessions' distinct addresses (the same fields), in the order they first appear. */
function placesOfTraining(sessions: LheoSession[], written: (string | null)[]): string[] {
  const seen = new Map<string, string>();
  sessions.forEach((s, i) => {
    if (!s.address) return;
    const key = JSON.stringify(s.address);
    if (!seen.has(key)) seen.set(key, written[i]!);
  });
  return [...seen.values()].map((a) => element("lieu-de-formation", [`<coordonnees>${a}</coordonnees>`]));
}

function conditions(d: ActionContent): string {
  return [d.prerequisites && `Prérequis : ${d.prerequisites}`, d.specificConditions].filter(Boolean).join("\n\n");
}

function action(f: LheoFormation, organisationAddress: string): string {
  const d = f.details;
  const dates = { numero: numeros.action(f.actionId), datecrea: lheoDate(f.firstEnteredOn), datemaj: lheoDate(f.publishedOn) };
  const addresses = sessionAddresses(f.sessions);
  const sessions = f.sessions.map((s, i) => session(f, s, addresses[i]!, organisationAddress));
  const hours = d.hoursCentre === null && d.hoursCompany === null ? null : (d.hoursCentre ?? 0) + (d.hoursCompany ?? 0);
  return element(
    "action",
    [
      text("rythme-formation", orNotGiven(d.rhythm), { max: 3000 }),
      ...(d.publicCodes.length > 0 ? d.publicCodes : ["00000"]).slice(0, 10).map((code) => text("code-public-vise", code)),
      text("niveau-entree-obligatoire", d.entryLevelMandatory ? "1" : "0"),
      text("modalites-alternance", orNotGiven(d.alternance), { max: 3000 }),
      text("modalites-enseignement", d.teachingMode || "0"),
      text("conditions-specifiques", orNotGiven(conditions(d)), { max: 3000 }),
      text("prise-en-charge-frais-possible", d.costCoverage ? "1" : "0"),
      ...placesOfTraining(f.sessions, addresses),
      text("modalites-entrees-sorties", d.permanentEntry ? "1" : "0"),
      ...(sessions.length > 0 ? sessions : [permanentSession(f, organisationAddress)]),
      text("acces-handicapes", d.accessibility, { max: 250 }),
      d.free ? text("frais-restants", "Aucun : la formation est gratuite pour la personne formée.") : "",
      d.price !== null ? text("prix-total-TTC", String(d.price), { max: 10 }) : "",
      text("nombre-heures-centre", d.hoursCentre),
      text("nombre-heures-entreprise", d.hoursCompany),
      text("nombre-heures-total", hours),
      text("detail-conditions-prise-en-charge", f.fundingSentence, { max: 600 }),
      d.funders.length > 0 ? text("conventionnement", "1") : "",
      ...d.funders.slice(0, 8).map((funder) => element("organisme-financeur", [text("code-financeur", funder.code), text("nb-places-financees", funder.places)])),
      // R4: the modules of the programme, each with its duration.
      ...d.modules.map((m) =>
        element("enseignement", [
          text("libelle-enseignement", m.title, { max: 255 }),
          text("type-enseignement", "10"),
          text("obligatoire", "1"),
          text("commentaire", [m.hours !== null ? `${m.hours} heures.` : "", m.content].filter(Boolean).join(" "), { max: 500 }),
          extras([
            ["heures", m.hours],
            ["contenu", m.content],
          ]),
        ]),
      ),
      extras([
        ["gratuit", d.free],
        ["prerequis", d.prerequisites],
        ["conditions-specifiques", d.specificConditions],
        ["type-financement", d.funding.kind],
        ["date-notification", d.funding.notifiedOn],
        ["date-vote", d.funding.voteDate],
        ["commentaire-financement", d.funding.comment],
      ]),
    ],
    dates,
  );
}

function organisation(o: LheoOrganisation, options: WriterOptions): string {
  const contacts = o.contacts.length > 0 ? o.contacts : [{ name: "", role: "", phone: o.phone ?? "", email: o.email ?? "" }];
  return element("organisme-formation-responsable", [
    text("numero-activite", o.activityNumber && o.activityNumber.length === 11 ? o.activityNumber : "00000000000"),
    element("SIRET-organisme-formation", [text("SIRET", o.siret)]),
    text("nom-organisme", o.name, { max: 250 }),
    text("raison-sociale", o.legalName || o.name, { max: 250 }),
    element("coordonnees-organisme", [coordinates({ ...organisationContact(o), name: "", address: o.address })]),
    ...contacts.map((c) => element("contact-organisme", [text("type-contact", c.role), coordinates(c)])),
    o.trainingFields.length > 0
      ? element("potentiel", o.trainingFields.slice(0, 25).map((code) => text("code-FORMACODE", code, { attrs: { ref: options.formacodeEdition } })))
      : "",
  ]);
}

interface OrganisationParts {
  formacodeEdition: string;
  /** `organisme-formation-responsable`. */
  responsible: string;
  /** The `contact-formation` of an action with no contact of its own. */
  contact: string;
  /** Its address, where a session has none of its own. */
  address: string;
}

// An organisation's part of the document is the same for each of its actions (a few hundred
// per page): written once per object and options. Weak: forgotten with the organisation.
const organisationParts = new WeakMap<LheoOrganisation, OrganisationParts>();

function partsOf(o: LheoOrganisation, options: WriterOptions): OrganisationParts {
  const known = organisationParts.get(o);
  if (known && known.formacodeEdition === options.formacodeEdition) return known;
  const parts = {
    formacodeEdition: options.formacodeEdition,
    responsible: organisation(o, options),
    // No contact of its own: the organisation's, marked so that an import does not copy it into the action.
    contact: `<contact-formation tag="organisme">${coordinates(organisationContact(o))}</contact-formation>`,
    address: address(o.address),
  };
  organisationParts.set(o, parts);
  return parts;
}

function certification(d: ActionContent): string {
  if (!d.certification.register || !d.certification.code) return "";
  const code = d.certification.code;
  return element("certification", [d.certification.register === "rncp" ? text("code-RNCP", code) : text("code-RS", code.padStart(3, "0"))]);
}

/** One diffused action as one LHÉO `formation`. */
export function writeFormation(f: LheoFormation, options: WriterOptions): string {
  const d = f.details;
  const parts = partsOf(f.organisation, options);
  const contact = hasContact(d.contact) ? `<contact-formation>${coordinates(d.contact)}</contact-formation>` : parts.contact;
  return (
    element(
      "formation",
      [
        element("domaine-formation", [
          ...f.formacodes.slice(0, 5).map((code) => text("code-FORMACODE", code, { attrs: { ref: options.formacodeEdition } })),
          text("code-NSF", f.nsfCode),
          ...f.romeCodes.slice(0, 5).map((code) => text("code-ROME", code, { attrs: { ref: ROME_EDITION } })),
        ]) || "<domaine-formation/>",
        text("intitule-formation", orNotGiven(d.title), { max: 255 }),
        text("objectif-formation", orNotGiven(d.objectives), { max: 3000 }),
        text("resultats-attendus", orNotGiven(d.results), { max: 3000 }),
        text("contenu-formation", orNotGiven(d.content), { max: 3000 }),
        text("certifiante", d.certifying ? "1" : "0"),
        contact,
        text("parcours-de-formation", d.pathway || (d.modules.length > 0 ? MODULAR_PATHWAY : "1")),
        text("code-niveau-entree", d.entryLevel || "0"),
        certification(d),
        text("code-niveau-sortie", f.exitLevel),
        action(f, parts.address),
        parts.responsible,
        extras([["intitule-certification", d.certification.label]]),
      ],
      { numero: numeros.formation(f.actionId), datecrea: lheoDate(f.firstEnteredOn), datemaj: lheoDate(f.publishedOn) },
    ) + "\n"
  );
}
