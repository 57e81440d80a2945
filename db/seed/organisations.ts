// Demo organisations of Lorraine and their access codes. The identifiers and passwords below are
// part of the demo: the README and the end-to-end tests sign in with them.
//
// Addresses are plausible but invented; e-mail domains end in .example and telephone numbers are
// in the range the telecom regulator (Arcep) keeps for fiction (03 53 48 xx xx), so nobody real
// is ever reached from the demo.

import type { OrganisationKey } from "@/db/seed/define";
import type { AccessContact, RejectionReason } from "@/lib/validations/settings";

export const PROVIDER_PASSWORD = "Demo-Organisme-2026";
export const STAFF_PASSWORD = "Demo-Carif-2026";
export const ADMIN_PASSWORD = "Demo-Admin-2026";

export interface SeedOrganisation {
  key: OrganisationKey;
  name: string;
  /** Valid SIRET (Luhn), checked by the seed with lib/siret.ts. */
  siret: string;
  street: string;
  postalCode: string;
  communeInsee: string;
  email: string;
  phone: string;
  /** R8: the yearly dossier (db/seed/dossiers.ts) was last approved this many days ago, or this many months ago. */
  dossierApproved: { daysAgo: number } | { monthsAgo: number };
  /** The provider accounts of the organisation (password: PROVIDER_PASSWORD). */
  users: { identifier: string; displayName: string; email: string }[];
}

export const seedOrganisations: SeedOrganisation[] = [
  {
    key: "batiment",
    name: "Bâtiment Formation Lorraine",
    siret: "41928637200026",
    street: "12 rue de la Ravinelle",
    postalCode: "54000",
    communeInsee: "54395", // Nancy
    email: "contact@batiment-formation-lorraine.example",
    phone: "03 53 48 10 12",
    dossierApproved: { daysAgo: 45 },
    users: [{ identifier: "btp.nancy", displayName: "Sophie Lambert", email: "sophie.lambert@batiment-formation-lorraine.example" }],
  },
  {
    key: "soin",
    name: "Institut lorrain des métiers du soin",
    siret: "77351402100015",
    street: "4 rue Mazelle",
    postalCode: "57000",
    communeInsee: "57463", // Metz
    email: "accueil@metiers-du-soin-lorraine.example",
    phone: "03 53 48 20 34",
    dossierApproved: { daysAgo: 120 },
    users: [{ identifier: "soins.metz", displayName: "Nadia Benali", email: "nadia.benali@metiers-du-soin-lorraine.example" }],
  },
  {
    key: "logistique",
    name: "Nord Moselle Logistique Formation",
    siret: "52089173000035",
    street: "27 route de Manom",
    postalCode: "57100",
    communeInsee: "57672", // Thionville
    email: "formation@nord-moselle-logistique.example",
    phone: "03 53 48 30 56",
    dossierApproved: { daysAgo: 200 },
    users: [
      { identifier: "logistique.thionville", displayName: "Julien Weber", email: "julien.weber@nord-moselle-logistique.example" },
    ],
  },
  {
    key: "industrie",
    name: "Centre des métiers de l’industrie des Vosges",
    siret: "83016459600017",
    street: "8 rue de la Louvière",
    postalCode: "88000",
    communeInsee: "88160", // Épinal
    email: "contact@industrie-vosges-formation.example",
    phone: "03 53 48 40 78",
    // Close to the end of its 12 months: the provider is reminded (R8) but still diffused.
    dossierApproved: { daysAgo: 350 },
    users: [{ identifier: "industrie.epinal", displayName: "Marc Thiébaut", email: "marc.thiebaut@industrie-vosges-formation.example" }],
  },
  {
    key: "hotellerie",
    name: "École hôtelière de Verdun",
    siret: "39874520800049",
    street: "3 quai de la République",
    postalCode: "55100",
    communeInsee: "55545", // Verdun
    email: "secretariat@ecole-hoteliere-verdun.example",
    phone: "03 53 48 50 21",
    dossierApproved: { daysAgo: 90 },
    users: [{ identifier: "hotellerie.verdun", displayName: "Élodie Collignon", email: "elodie.collignon@ecole-hoteliere-verdun.example" }],
  },
  {
    key: "numerique",
    name: "Atelier numérique du Barrois",
    siret: "88247016400014",
    street: "15 boulevard de la Rochelle",
    postalCode: "55000",
    communeInsee: "55029", // Bar-le-Duc
    email: "bonjour@atelier-numerique-barrois.example",
    phone: "03 53 48 60 43",
    dossierApproved: { daysAgo: 30 },
    users: [{ identifier: "numerique.barleduc", displayName: "Kévin Marchal", email: "kevin.marchal@atelier-numerique-barrois.example" }],
  },
  {
    key: "gestion",
    name: "Lunéville Gestion Formation",
    siret: "50631984700022",
    street: "21 rue de la République",
    postalCode: "54300",
    communeInsee: "54329", // Lunéville
    email: "contact@luneville-gestion-formation.example",
    phone: "03 53 48 70 65",
    dossierApproved: { daysAgo: 160 },
    users: [{ identifier: "gestion.luneville", displayName: "Isabelle Hanriot", email: "isabelle.hanriot@luneville-gestion-formation.example" }],
  },
  {
    key: "langues",
    name: "Maison des langues de Moselle-Est",
    siret: "44718265000013",
    street: "6 rue Utzschneider",
    postalCode: "57200",
    communeInsee: "57631", // Sarreguemines
    email: "info@maison-des-langues-moselle-est.example",
    phone: "03 53 48 80 87",
    // EXPIRED on purpose (R8): the dossier was last approved 13 months ago, so this organisation
    // and all its published actions are off the public site until staff approve
    // a new dossier.
    dossierApproved: { monthsAgo: 13 },
    users: [{ identifier: "langues.sarreguemines", displayName: "Hélène Schmitt", email: "helene.schmitt@maison-des-langues-moselle-est.example" }],
  },
  {
    key: "tremplin",
    name: "Tremplin Déodatien",
    siret: "81459037800034",
    street: "10 rue d’Alsace",
    postalCode: "88100",
    communeInsee: "88413", // Saint-Dié-des-Vosges
    email: "accueil@tremplin-deodatien.example",
    phone: "03 53 48 90 10",
    // Eleven months and a half: its renewal, sent a few days ago (db/seed/dossiers.ts), waits for
    // staff and keeps it diffused meanwhile (R8).
    dossierApproved: { daysAgo: 345 },
    users: [{ identifier: "tremplin.saintdie", displayName: "Patrick Gérard", email: "patrick.gerard@tremplin-deodatien.example" }],
  },
];

export const seedStaff = [
  {
    identifier: "carif.agent",
    password: STAFF_PASSWORD,
    role: "staff" as const,
    displayName: "Claire Martin",
    email: "claire.martin@carif-lorraine.example",
  },
  {
    identifier: "carif.admin",
    password: ADMIN_PASSWORD,
    role: "admin" as const,
    displayName: "Antoine Durand",
    email: "antoine.durand@carif-lorraine.example",
  },
];

/** R10: the lost-codes contact shown on the login page (a setting staff can edit). */
export const ACCESS_CONTACT: AccessContact = {
  name: "Accueil des organismes de formation",
  phone: "03 53 48 00 00",
  email: "codes@carif-lorraine.example",
  details: "Du lundi au vendredi, de 9 heures à 17 heures.",
};

/** Reasons staff often give when they refuse a submission (a setting they can edit). */
export const REJECTION_REASONS: Omit<RejectionReason, "id">[] = [
  {
    label: "Date du vote manquante",
    text: "La date du vote ou de la décision du financeur public n’est pas indiquée : ajoutez-la dans la partie « Prix et financement ».",
  },
  {
    label: "Intitulé peu clair",
    text: "L’intitulé n’est pas assez clair pour le grand public : écrivez le métier ou la compétence visée en toutes lettres, sans sigle.",
  },
  {
    label: "Dates incohérentes",
    text: "Les dates des sessions ne correspondent pas à la durée de la formation : vérifiez les dates de début et de fin.",
  },
];
