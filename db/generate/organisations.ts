// Generated organisations with their provider accounts and yearly dossier (R8), the staff who
// review them, and the audit entries of the dossiers. Most dossiers are valid; some are due for
// renewal (within 60 days of expiry), some have expired, and some renewals wait for staff.

import type { OrganisationKey } from "@/db/seed/define";
import { frenchTypography } from "@/db/seed/define";
import { drawActivityNumber, drawOrganisationName, drawPerson, drawPhone, drawSiret } from "@/db/generate/names";
import type { Department, Place, Places } from "@/db/generate/places";
import { drawStreet, LORRAINE_DEPARTMENTS } from "@/db/generate/places";
import type { Random } from "@/db/generate/random";
import type { AuditRow, DossierRow, OrganisationRow, UserRow } from "@/db/generate/types";
import { parisDate } from "@/lib/dates";
import { slugify } from "@/lib/slug";
import type { DossierContent } from "@/lib/validations/organisation";

export const DAY = 24 * 60 * 60 * 1000;

/** Not a real argon2 hash: no password signs in to a generated account unless one is given. */
export const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$Z2VuZXJhdGVk$bm8tcGFzc3dvcmQtbWF0Y2hlcy10aGlz";

/** How common each field of training is among the region's organisations. */
const DOMAINS: readonly OrganisationKey[] = ["tremplin", "soin", "batiment", "gestion", "logistique", "numerique", "industrie", "hotellerie", "langues"];
const DOMAIN_WEIGHTS = [15, 15, 12, 12, 10, 10, 10, 8, 8];
const DEPARTMENT_WEIGHTS = [30, 10, 45, 15];

const MEANS: Record<OrganisationKey, { premises: string; equipment: string }> = {
  batiment: { premises: "Un plateau technique de 900 mètres carrés (maçonnerie, peinture, plomberie, électricité) et quatre salles de cours.", equipment: "Échafaudages, bétonnière, postes de soudure, maquettes de logements." },
  soin: { premises: "Six salles de cours et deux salles de soins reproduisant une chambre d’hôpital et un appartement.", equipment: "Lits médicalisés, lève-personnes, mannequins de soins et de secours." },
  logistique: { premises: "Un entrepôt école de 1 200 mètres carrés, une piste de conduite et trois salles de cours.", equipment: "Chariots élévateurs de plusieurs catégories, transpalettes, lecteurs de codes-barres." },
  industrie: { premises: "Des ateliers d’usinage, de soudure et de maintenance, et cinq salles de cours.", equipment: "Machines à commande numérique, postes de soudure, bancs de maintenance." },
  hotellerie: { premises: "Une cuisine pédagogique, un restaurant d’application de 40 couverts et trois salles de cours.", equipment: "Matériel de cuisine professionnelle, caisse enregistreuse, logiciel de réservation." },
  numerique: { premises: "Trois salles informatiques de douze postes et un espace de travail partagé.", equipment: "Ordinateurs récents, serveurs de test, imprimantes, matériel de réseau." },
  gestion: { premises: "Quatre salles de cours équipées d’ordinateurs, au centre-ville.", equipment: "Logiciels de comptabilité, de paie et de bureautique, vidéoprojecteurs." },
  langues: { premises: "Cinq salles de cours et un laboratoire de langues.", equipment: "Casques audio, tableaux interactifs, bibliothèque de méthodes." },
  tremplin: { premises: "Des salles de cours, un atelier d’insertion et un espace d’accueil de plain-pied.", equipment: "Ordinateurs en libre accès, outillage de l’atelier." },
};
const TRAINERS = "Une équipe de formateurs permanents, anciens professionnels du métier, et des intervenants d’entreprises partenaires.";
const ACCESSIBILITY = "Locaux accessibles en fauteuil roulant. Une référente handicap étudie avec chaque personne l’adaptation des cours et des épreuves.";

export interface OrganisationPlan {
  id: string;
  domain: OrganisationKey;
  department: Department;
  providerIds: string[];
  /** When the organisation appeared: its actions are entered after. */
  createdAt: Date;
}

export interface GeneratedOrganisations {
  organisations: OrganisationRow[];
  users: UserRow[];
  dossiers: DossierRow[];
  events: AuditRow[];
  plans: OrganisationPlan[];
  staffIds: string[];
}

/** Days since the dossier was approved: mostly valid, some due for renewal, some expired. */
function drawDossierAge(random: Random): number {
  const draw = random.next();
  if (draw < 0.72) return random.int(2, 300);
  if (draw < 0.9) return random.int(301, 364);
  return random.int(366, 540);
}

export function generateOrganisations(args: {
  random: Random;
  count: number;
  places: Places;
  now: Date;
  tag: string;
  passwordHash: string;
  trainingFields: Record<OrganisationKey, string[]>;
}): GeneratedOrganisations {
  const { random, count, places, now, tag, passwordHash } = args;
  const out: GeneratedOrganisations = { organisations: [], users: [], dossiers: [], events: [], plans: [], staffIds: [] };
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  let accounts = 0;
  const identifier = (handle: string) => `${handle}.${tag}${(accounts++).toString(36)}`;

  const staffCount = Math.max(3, Math.ceil(count / 40));
  for (let i = 0; i <= staffCount; i++) {
    const person = drawPerson(random);
    const role = i === staffCount ? "admin" : "staff";
    const id = random.uuid();
    out.users.push({ id, identifier: identifier(person.handle), passwordHash, role, displayName: person.name, email: `${person.handle}@carif-lorraine.example`, createdAt: ago(900) });
    if (role === "staff") out.staffIds.push(id);
  }

  const slugs = new Set<string>();
  const sirets = new Set<string>();
  for (let i = 0; i < count; i++) {
    const id = random.uuid();
    const domain = random.weighted(DOMAINS, DOMAIN_WEIGHTS);
    const department = random.weighted(LORRAINE_DEPARTMENTS, DEPARTMENT_WEIGHTS);
    const seat: Place = places.drawTown(random, department);
    const name = frenchTypography(drawOrganisationName(random, domain, seat));
    let slug = slugify(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(name)}-${n}`;
    slugs.add(slug);
    let siret = drawSiret(random);
    while (sirets.has(siret)) siret = drawSiret(random);
    sirets.add(siret);
    const domainName = slug.slice(0, 40).replace(/-+$/, "");
    const address = drawStreet(random);
    const phone = drawPhone(random);
    const email = `contact@${domainName}.example`;

    const approvedAt = ago(drawDossierAge(random) + random.next());
    const submittedAt = new Date(approvedAt.getTime() - random.int(1, 6) * DAY);
    const createdAt = new Date(submittedAt.getTime() - random.int(1, 60) * DAY);
    const providers = Array.from({ length: random.weighted([1, 2, 3], [70, 25, 5]) }, () => drawPerson(random));
    const providerIds = providers.map(() => random.uuid());
    providers.forEach((person, n) =>
      out.users.push({
        id: providerIds[n]!,
        identifier: identifier(person.handle),
        passwordHash,
        role: "provider",
        displayName: person.name,
        email: `${person.handle}@${domainName}.example`,
        organisationId: id,
        createdAt,
      }),
    );
    const content: DossierContent = {
      legalName: name,
      usualName: "",
      siret,
      activityNumber: drawActivityNumber(random, seat.department),
      address: { street: address.street, street2: address.street2, postcode: seat.postcode, communeInsee: seat.inseeCode, communeName: seat.name },
      phone,
      email,
      website: `https://www.${domainName}.example`,
      contacts: [
        { id: random.uuid(), name: providers[0]!.name, role: "4", phone, email: `${providers[0]!.handle}@${domainName}.example` },
        { id: random.uuid(), name: drawPerson(random).name, role: "1", phone: drawPhone(random), email: "" },
      ],
      trainingFields: args.trainingFields[domain],
      premises: frenchTypography(MEANS[domain].premises),
      equipment: frenchTypography(MEANS[domain].equipment),
      trainers: TRAINERS,
      qualiopi: true,
      qualiopiDate: parisDate(new Date(submittedAt.getTime() - random.int(30, 900) * DAY)),
      otherCertifications: "",
      accessibility: ACCESSIBILITY,
    };
    out.organisations.push({
      id,
      slug,
      siret,
      name,
      street: address.street,
      postalCode: seat.postcode,
      communeInsee: seat.inseeCode,
      email,
      phone,
      legalName: name,
      activityNumber: content.activityNumber,
      website: content.website,
      dossier: content,
      dossierApprovedAt: approvedAt,
      dossierVersion: 2,
      createdAt,
      updatedAt: approvedAt,
    });
    out.plans.push({ id, domain, department, providerIds, createdAt });

    const provider = { actorId: providerIds[0]!, actorRole: "provider" as const };
    const staff = { actorId: random.pick(out.staffIds), actorRole: "staff" as const };
    const dossierId = random.uuid();
    out.dossiers.push({ id: dossierId, organisationId: id, number: 1, status: "approved", content, createdBy: provider.actorId, submittedAt, submittedBy: provider.actorId, decidedAt: approvedAt, decidedBy: staff.actorId, createdAt: submittedAt, updatedAt: approvedAt });
    const entity = { entityType: "organisation", entityId: id };
    out.events.push({ ...provider, ...entity, event: "dossier.submitted", details: { dossierId }, at: submittedAt });
    out.events.push({ ...staff, ...entity, event: "dossier.approved", details: { dossierId }, at: approvedAt });

    // A renewal sent and waiting: mostly from organisations close to (or past) their expiry.
    const ageDays = (now.getTime() - approvedAt.getTime()) / DAY;
    if ((ageDays > 300 && random.chance(0.5)) || random.chance(0.03)) {
      const renewalAt = new Date(now.getTime() - random.next() * Math.min(15, ageDays - 1) * DAY);
      const renewalId = random.uuid();
      const confirmedUnchanged = random.chance(0.5);
      out.dossiers.push({ id: renewalId, organisationId: id, number: 2, status: "submitted", content, confirmedUnchanged, createdBy: provider.actorId, submittedAt: renewalAt, submittedBy: provider.actorId, createdAt: renewalAt, updatedAt: renewalAt });
      out.events.push({ ...provider, ...entity, event: "dossier.submitted", details: { dossierId: renewalId, ...(confirmedUnchanged ? { confirmedUnchanged: true } : {}) }, at: renewalAt });
    }
  }
  return out;
}
