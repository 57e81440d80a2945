// Loads the public code lists shipped in db/reference/ (see db/reference/README.md) into their
// tables. Idempotent: rows are upserted, so a corrected list can be loaded again.

import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { communes, formacodes, nsfCodes, postcodes, romeCodes } from "@/db/schema";

export const FORMACODE_EDITION = "V8";
const dir = path.join(process.cwd(), "db", "reference");

function capitalise(label: string): string {
  return label.charAt(0).toLocaleUpperCase("fr-FR") + label.slice(1);
}

export function parseFormacodes(csv: string) {
  const rows = new Map<string, typeof formacodes.$inferInsert>();
  for (const line of csv.split(/\r?\n/)) {
    const cols = line.split(";");
    const code = cols[0]?.trim() ?? "";
    const label = (cols[2] || cols[1] || "").trim();
    if (!/^\d{5}$/.test(code) || !label) continue;
    // Synonyms are plain terms; narrower and related terms come as « 22311 COFFRAGE »: keep the words.
    const terms = (column: string | undefined) =>
      (column ?? "")
        .split("$")
        .map((term) => term.replace(/^\d{5}\s+/, "").trim().toLowerCase())
        .filter(Boolean)
        .join(" ; ");
    rows.set(code, {
      edition: FORMACODE_EDITION,
      code,
      label: capitalise(label),
      field: cols[4]?.trim() || null,
      kind: cols[3]?.trim() || null,
      synonyms: terms(cols[5]),
      // Narrower (column 8) and related terms (column 9): « briquetage » leads to « maçonnerie ».
      related: [terms(cols[7]), terms(cols[8])].filter(Boolean).join(" ; "),
      nsf: /^(\d{3})\b/.exec(cols[13]?.trim() ?? "")?.[1] ?? null,
    });
  }
  return [...rows.values()];
}

export function parseCommunes(csv: string) {
  const rows: (typeof communes.$inferInsert)[] = [];
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [inseeCode, name, department, lat, lon] = line.split(";");
    if (!inseeCode || !name || !department) continue;
    rows.push({
      inseeCode,
      name,
      department,
      latitude: lat ? Number(lat) : null,
      longitude: lon ? Number(lon) : null,
    });
  }
  return rows;
}

/**
 * Postcode → commune pairs from La Poste's list, as the maintained `codes-postaux` package ships
 * it (pinned in package.json), for the communes of our list.
 */
export async function readPostcodes(knownCommunes: Set<string>) {
  const { createRequire } = await import("node:module");
  const list = createRequire(import.meta.url)("codes-postaux/codes-postaux.json") as { codePostal: string; codeCommune: string }[];
  const pairs = new Map<string, typeof postcodes.$inferInsert>();
  for (const { codePostal, codeCommune } of list) {
    if (knownCommunes.has(codeCommune)) pairs.set(`${codePostal}:${codeCommune}`, { postcode: codePostal, inseeCode: codeCommune });
  }
  return [...pairs.values()];
}

async function upsertAll(
  db: Database,
  table: PgTable,
  rows: Record<string, unknown>[],
  target: PgColumn | PgColumn[],
  updated: string[],
) {
  const set = Object.fromEntries(updated.map((column) => [column, sql.raw(`excluded.${column}`)]));
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(table)
      .values(rows.slice(i, i + 1000) as never)
      .onConflictDoUpdate({ target, set });
  }
}

export async function loadReferenceData(db: Database): Promise<Record<string, number>> {
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const formacodeRows = parseFormacodes(read("formacode-v8.csv"));
  const communeRows = parseCommunes(read("communes-centroids.csv"));
  const romeRows = JSON.parse(read("rome-v3.json")) as { code: string; label: string }[];
  const nsfRows = JSON.parse(read("nsf.json")) as { code: string; label: string }[];

  await upsertAll(db, communes, communeRows, communes.inseeCode, ["name", "department", "latitude", "longitude"]);
  await upsertAll(db, formacodes, formacodeRows, [formacodes.edition, formacodes.code], ["label", "field", "kind", "synonyms", "related", "nsf"]);
  await upsertAll(db, romeCodes, romeRows, romeCodes.code, ["label"]);
  const postcodeRows = await readPostcodes(new Set(communeRows.map((c) => c.inseeCode)));
  for (let i = 0; i < postcodeRows.length; i += 1000) {
    await db.insert(postcodes).values(postcodeRows.slice(i, i + 1000)).onConflictDoNothing();
  }
  await upsertAll(db, nsfCodes, nsfRows, nsfCodes.code, ["label"]);
  return {
    communes: communeRows.length,
    formacodes: formacodeRows.length,
    rome: romeRows.length,
    nsf: nsfRows.length,
    postcodes: postcodeRows.length,
  };
}
