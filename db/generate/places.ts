// Where the generated organisations sit and their sessions take place: the real communes of the
// four Lorraine departments (54, 55, 57, 88) with a postcode La Poste gives them, read from the
// reference tables; the towns where training happens most get most of the sessions.

import { asc, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { communes, postcodes } from "@/db/schema";
import type { Random } from "@/db/generate/random";

export const LORRAINE_DEPARTMENTS = ["54", "55", "57", "88"] as const;
export type Department = (typeof LORRAINE_DEPARTMENTS)[number];

export interface Place {
  inseeCode: string;
  name: string;
  department: Department;
  postcode: string;
}

/** Training towns of Lorraine (INSEE code → weight); every other commune weighs 0.02. */
const TOWNS: Record<string, number> = {
  "54395": 40, // Nancy
  "57463": 40, // Metz
  "88160": 18, // Épinal
  "57672": 18, // Thionville
  "55029": 10, // Bar-le-Duc
  "55545": 10, // Verdun
  "57227": 9, // Forbach
  "57631": 9, // Sarreguemines
  "54329": 8, // Lunéville
  "88413": 8, // Saint-Dié-des-Vosges
  "54547": 7, // Vandœuvre-lès-Nancy
  "54528": 6, // Toul
  "54323": 6, // Longwy
  "54431": 5, // Pont-à-Mousson
  "57606": 5, // Saint-Avold
  "57306": 5, // Hayange
  "57757": 4, // Yutz
  "57751": 4, // Woippy
  "57221": 3, // Florange
  "88383": 4, // Remiremont
  "88321": 3, // Neufchâteau
  "88196": 3, // Gérardmer
  "54099": 3, // Briey
  "55122": 3, // Commercy
  "57089": 2, // Bitche
  "55463": 2, // Saint-Mihiel
  "88367": 2, // Rambervillers
  "55502": 1, // Stenay
  "55291": 1, // Ligny-en-Barrois
  "54578": 2, // Villers-lès-Nancy
};
const OTHER_COMMUNE_WEIGHT = 0.02;

interface WeightedList {
  places: Place[];
  /** Running sums of the weights, for a binary search. */
  cumulative: Float64Array;
}

function weightedList(places: Place[]): WeightedList {
  const cumulative = new Float64Array(places.length);
  let sum = 0;
  places.forEach((place, i) => {
    sum += TOWNS[place.inseeCode] ?? OTHER_COMMUNE_WEIGHT;
    cumulative[i] = sum;
  });
  return { places, cumulative };
}

function drawFrom(list: WeightedList, random: Random): Place {
  const target = random.next() * list.cumulative[list.cumulative.length - 1]!;
  let low = 0;
  let high = list.cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list.cumulative[mid]! > target) high = mid;
    else low = mid + 1;
  }
  return list.places[low]!;
}

export interface Places {
  all: Place[];
  /** A commune of the department (mostly a training town), or of the whole region. */
  draw(random: Random, department?: Department): Place;
  /** A training town, for an organisation's seat. */
  drawTown(random: Random, department?: Department): Place;
}

export function placesFrom(all: Place[]): Places {
  if (all.length === 0) throw new Error("No Lorraine commune with a postcode: run `npm run db:migrate` first (it loads the communes).");
  const region = weightedList(all);
  const byDepartment = new Map(LORRAINE_DEPARTMENTS.map((d) => [d, weightedList(all.filter((p) => p.department === d))]));
  const towns = all.filter((p) => p.inseeCode in TOWNS);
  const townsByDepartment = new Map(LORRAINE_DEPARTMENTS.map((d) => [d, weightedList(towns.filter((p) => p.department === d))]));
  const townList = weightedList(towns);
  return {
    all,
    draw: (random, department) => drawFrom(department ? byDepartment.get(department)! : region, random),
    drawTown: (random, department) => {
      const list = department ? townsByDepartment.get(department)! : townList;
      return list.places.length > 0 ? drawFrom(list, random) : drawFrom(region, random);
    },
  };
}

/** The communes of Lorraine with their lowest postcode, in INSEE order (stable for a seed). */
export async function loadPlaces(db: Pick<Database, "select">): Promise<Places> {
  const rows = await db
    .select({ inseeCode: communes.inseeCode, name: communes.name, department: communes.department, postcode: sql<string>`min(${postcodes.postcode})` })
    .from(communes)
    .innerJoin(postcodes, sql`${postcodes.inseeCode} = ${communes.inseeCode}`)
    .where(inArray(communes.department, [...LORRAINE_DEPARTMENTS]))
    .groupBy(communes.inseeCode, communes.name, communes.department)
    .orderBy(asc(communes.inseeCode));
  return placesFrom(rows.map((row) => ({ ...row, department: row.department as Department })));
}

const STREETS = [
  "rue de la Gare",
  "rue de la République",
  "avenue du Général Leclerc",
  "rue Jean Jaurès",
  "place de la Mairie",
  "rue des Écoles",
  "rue Pasteur",
  "rue Victor Hugo",
  "rue de l’Église",
  "rue du Moulin",
  "chemin des Vignes",
  "boulevard Foch",
  "rue Saint-Nicolas",
  "avenue de Strasbourg",
  "rue des Jardins",
  "rue du Stade",
  "rue Gambetta",
  "rue de Verdun",
  "rue des Forges",
  "allée des Tilleuls",
  "rue de Lorraine",
  "quai de la Moselle",
  "rue du Maréchal Lyautey",
  "rue Stanislas",
  "rue de Metz",
  "rue de Nancy",
  "rue du Parc",
  "rue Clemenceau",
];
const SECOND_LINES = ["Bâtiment B", "2e étage", "Salle de formation", "Maison France services", "Zone d’activités des Forges", "Entrée par la cour", "Espace emploi formation"];

/** A plausible address line (50 characters at most), and sometimes a second one. */
export function drawStreet(random: Random): { street: string; street2: string } {
  const street = `${random.int(1, 120)} ${random.pick(STREETS)}`;
  return { street, street2: random.chance(0.2) ? random.pick(SECOND_LINES) : "" };
}
