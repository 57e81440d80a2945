// Test data: every test creates its own actions, with titles no other test will use.

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

export interface SessionData {
  startDate: string;
  endDate: string;
  /** What is typed in the « Commune » combobox. */
  town: string;
  /** The option to click, as « Nancy (54) ». */
  townOption: string;
  places: number;
}

export interface ActionData {
  title: string;
  objectives: string;
  content: string;
  permanentEntry?: boolean;
  sessions: SessionData[];
}

export function nancySession(overrides: Partial<SessionData> = {}): SessionData {
  return {
    startDate: isoDateFromToday(45),
    endDate: isoDateFromToday(120),
    town: "Nancy",
    townOption: "Nancy (54)",
    places: 12,
    ...overrides,
  };
}

export function masonryAction(overrides: Partial<ActionData> = {}): ActionData {
  return {
    title: `Maçonnerie et coffrage pour débutants ${uniqueSuffix()}`,
    objectives:
      "Monter un mur en parpaings, réaliser un coffrage simple et couler une dalle en respectant les règles de sécurité du chantier.",
    content:
      "Lecture de plans simples, préparation du mortier, montage de murs, coffrage et ferraillage, coulage du béton, sécurité sur le chantier.",
    permanentEntry: false,
    sessions: [nancySession()],
    ...overrides,
  };
}

/** A Formacode that exists in the seeded thesaurus: 22334 « Maçonnerie ». */
export const MASONRY_FORMACODE = { query: "22334", code: "22334" } as const;
