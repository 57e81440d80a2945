// Complete, valid content for tests (unit and integration): an action ready to be sent for
// validation, funded by the Région with its vote date. Pure data: no database.

import { randomUUID } from "node:crypto";
import { addDays, parisDate } from "@/lib/dates";
import { emptyActionContent, type ActionContent, type SessionContent } from "@/lib/validations/action";

/** INSEE code of Toulouse (postcodes 31000 to 31500), present in the reference lists. */
export const TOULOUSE = "31555";

export function completeSession(overrides: Partial<SessionContent> = {}): SessionContent {
  const start = overrides.startDate ?? addDays(parisDate(), 30);
  return {
    id: randomUUID(),
    startDate: start,
    endDate: addDays(start, 60),
    address: { street: "12 rue des Lilas", street2: "", postcode: "31000", communeInsee: TOULOUSE, communeName: "" },
    placesTotal: 12,
    placesAvailable: 12,
    recruitment: "1",
    contact: { name: "", phone: "", email: "" },
    ...overrides,
  };
}

export function completeAction(overrides: Partial<ActionContent> = {}): ActionContent {
  return {
    ...emptyActionContent(),
    title: "Agent de propreté et d’hygiène",
    objectives: "Réaliser le nettoyage de locaux professionnels en respectant les règles d’hygiène.",
    results: "Attestation de compétences et préparation au titre professionnel d’agent de propreté et d’hygiène.",
    content: "Techniques de nettoyage, produits et matériels, sécurité au travail, relation avec le client.",
    pathway: "1",
    entryLevel: "1",
    exitLevel: "13",
    publicCodes: ["80056"],
    rhythm: "Temps plein, 35 heures par semaine",
    teachingMode: "0",
    hoursCentre: 280,
    hoursCompany: 70,
    alternance: "Deux semaines en entreprise à la fin de la formation.",
    costCoverage: true,
    free: true,
    funders: [{ id: randomUUID(), code: "2", places: 12 }],
    funding: { notifiedOn: addDays(parisDate(), -20), voteDate: addDays(parisDate(), -40), kind: "achat", comment: "" },
    sessions: [completeSession()],
    ...overrides,
  };
}
