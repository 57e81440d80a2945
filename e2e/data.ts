// Test data: every test creates its own actions, with titles no other test will use. The
// builders return a complete action (everything « Envoyer pour validation » needs); a test
// overrides only what it is about.

let counter = 0;

/** A number unlikely to repeat across tests and runs (digits only: titles must stay plain words). */
export function uniqueSuffix(): string {
  counter += 1;
  const random = Math.floor(Math.random() * 1_000);
  return `${Date.now() % 100_000_000}${String(counter).padStart(2, "0")}${String(random).padStart(3, "0")}`;
}

/** An ISO date (YYYY-MM-DD) some days from today. */
export function isoDateFromToday(days: number): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The same day one year later (29 February becomes 28 February), as « Dupliquer » moves sessions. */
export function sameDayNextYear(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return `${year + 1}-${String(month).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** The option labels of the form's lists (lib/lheo/codes.ts), as the provider reads them. */
export const PATHWAY = {
  group: "En groupe (le même parcours pour tous)",
  modular: "Modulaire (des modules que l’on peut suivre séparément)",
} as const;
export const LEVEL = {
  none: "Sans niveau particulier",
  cap: "Niveau 3 : certificat d’aptitude professionnelle (CAP) ou équivalent",
} as const;
export const TEACHING_MODE = { onSite: "En présentiel (sur place)" } as const;
export const RECRUITMENT = { open: "Ouvert", closed: "Fermé", suspended: "Suspendu" } as const;
export const FUNDING_KIND = { purchase: "Achat de formation (le financeur achète les places)" } as const;

/** An entry of a searchable list: what is typed, and the option to pick. */
export interface Choice {
  search: string;
  option: string;
}

/** Public visé (Formacode « public » codes, in the seeded thesaurus). */
export const PUBLIC = {
  jobSeeker: { search: "demandeur", option: "Demandeur d'emploi" },
  longTermJobSeeker: { search: "demandeur d'emploi longue", option: "Demandeur d'emploi longue durée" },
  youngJobSeeker: { search: "jeune demandeur", option: "Jeune demandeur d'emploi (16-25 ans)" },
} as const satisfies Record<string, Choice>;

/** Financeurs (lib/lheo/codes.ts FUNDERS). */
export const FUNDER = {
  region: { search: "Région", option: "Région (conseil régional)" },
} as const satisfies Record<string, Choice>;

export interface SessionData {
  startDate: string;
  endDate: string;
  street: string;
  street2?: string;
  /** Typed before the commune; leave it out when the commune has only one postcode (it is filled in). */
  postcode?: string;
  /** What is typed in the « Commune » combobox. */
  town: string;
  /** The option to click, as « Nancy (54) ». */
  townOption: string;
  placesTotal: number;
  /** « Places disponibles ». */
  places: number;
  recruitment?: (typeof RECRUITMENT)[keyof typeof RECRUITMENT];
}

export interface ModuleData {
  title: string;
  content?: string;
  hours: number;
}

export interface FunderData extends Choice {
  places?: number;
}

export interface ActionData {
  title: string;
  objectives: string;
  results: string;
  content: string;
  certification?: { register: string; code: string; label: string };
  pathway: string;
  entryLevel: string;
  exitLevel: string;
  publics: Choice[];
  prerequisites?: string;
  specificConditions?: string;
  accessibility?: string;
  rhythm: string;
  teachingMode: string;
  hoursCentre: number;
  hoursCompany: number;
  /** Required when there are hours in a company. */
  alternance?: string;
  permanentEntry?: boolean;
  /** Shown (and required, two at least) when the pathway is modular. */
  modules?: ModuleData[];
  /** Free for the person trained; otherwise `price` euros. */
  free?: boolean;
  price?: number;
  costCoverage?: boolean;
  funders?: FunderData[];
  /** Required as soon as a public funder (the Région) is chosen. */
  voteDate?: string;
  notifiedOn?: string;
  fundingKind?: string;
  fundingComment?: string;
  sessions: SessionData[];
}

export function nancySession(overrides: Partial<SessionData> = {}): SessionData {
  return {
    startDate: isoDateFromToday(45),
    endDate: isoDateFromToday(120),
    street: "12 rue de la Ravinelle",
    postcode: "54000",
    town: "Nancy",
    townOption: "Nancy (54)",
    placesTotal: 12,
    places: 12,
    ...overrides,
  };
}

/** Toul has one postcode (54200): choosing the commune fills it in. */
export function toulSession(overrides: Partial<SessionData> = {}): SessionData {
  return {
    startDate: isoDateFromToday(75),
    endDate: isoDateFromToday(150),
    street: "3 avenue du Colonel Péchot",
    street2: "Bâtiment B",
    town: "Toul",
    townOption: "Toul (54)",
    placesTotal: 10,
    places: 8,
    ...overrides,
  };
}

/** A complete action of a group course, paid by the person, with one session in Nancy. */
export function masonryAction(overrides: Partial<ActionData> = {}): ActionData {
  return {
    title: `Maçonnerie et coffrage pour débutants ${uniqueSuffix()}`,
    objectives:
      "Monter un mur en parpaings, réaliser un coffrage simple et couler une dalle en respectant les règles de sécurité du chantier.",
    results: "Une attestation de compétences qui liste ce que vous savez faire sur un chantier de gros œuvre.",
    content:
      "Lecture de plans simples, préparation du mortier, montage de murs, coffrage et ferraillage, coulage du béton, sécurité sur le chantier.",
    pathway: PATHWAY.group,
    entryLevel: LEVEL.none,
    exitLevel: LEVEL.none,
    publics: [PUBLIC.jobSeeker],
    prerequisites: "Savoir lire, écrire et compter.",
    rhythm: "Temps plein, 35 heures par semaine",
    teachingMode: TEACHING_MODE.onSite,
    hoursCentre: 280,
    hoursCompany: 70,
    alternance: "Deux semaines de stage dans une entreprise de maçonnerie, à la fin de la formation.",
    permanentEntry: false,
    free: false,
    price: 2400,
    sessions: [nancySession()],
    ...overrides,
  };
}

/** The modules of modularFundedAction: 35 + 175 + 70 + 70 = 350 hours, its total. */
export const MASONRY_MODULES: ModuleData[] = [
  { title: "Lire un plan et préparer son chantier", content: "Plans, métrés, commande des matériaux.", hours: 35 },
  { title: "Monter des murs en parpaings et en briques", hours: 175 },
  { title: "Coffrer, ferrailler et couler le béton", hours: 70 },
  { title: "Stage en entreprise de maçonnerie", hours: 70 },
];

/** A vote of the Région in the past, and how the public page writes it. */
export const REGION_VOTE = { date: "2026-03-12", long: "12 mars 2026" } as const;

/**
 * A modular course funded by the Région (free for the person), with two sessions: Nancy and Toul.
 * Its vote date is given: leave it out with `{ voteDate: undefined }`.
 */
export function modularFundedAction(overrides: Partial<ActionData> = {}): ActionData {
  return masonryAction({
    title: `Maçon du gros œuvre en modules ${uniqueSuffix()}`,
    pathway: PATHWAY.modular,
    exitLevel: LEVEL.cap,
    modules: MASONRY_MODULES,
    free: true,
    price: undefined,
    costCoverage: true,
    funders: [{ ...FUNDER.region, places: 12 }],
    voteDate: REGION_VOTE.date,
    fundingKind: FUNDING_KIND.purchase,
    sessions: [nancySession(), toulSession()],
    ...overrides,
  });
}

/** A Formacode that exists in the seeded thesaurus: 22334 « Maçonnerie ». */
export const MASONRY_FORMACODE = { query: "22334", code: "22334" } as const;

/** Fourteen digits with a valid Luhn key, as a real SIRET has (and never La Poste's SIREN). */
export function validSiret(): string {
  const base = `9${Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join("")}`;
  for (let key = 0; key < 10; key++) {
    const siret = `${base}${key}`;
    const sum = [...siret].reverse().reduce((total, char, i) => {
      const digit = Number(char) * (i % 2 === 1 ? 2 : 1);
      return total + (digit > 9 ? digit - 9 : digit);
    }, 0);
    if (sum % 10 === 0) return siret;
  }
  throw new Error("unreachable: one key of ten always fits");
}
