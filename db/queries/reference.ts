import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { communes, formacodes, postcodes } from "@/db/schema";
import { FORMACODE_EDITION } from "@/db/reference/load";
import { REGION_DEPARTMENTS } from "@/lib/region";

const likePattern = (q: string) => `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Communes whose name starts with the words typed (accents and hyphens ignored), or that a postcode
 * serves, with their postcodes.
 */
export async function searchCommunes({ q, limit = 10 }: { q: string; limit?: number }) {
  const term = q.trim().replace(/[-’']/g, " ");
  if (term.length < 2) return [];
  const db = await getDb();
  const normalised = sql`translate(unaccent(lower(${communes.name})), '-''’', '   ')`;
  // Written with an alias: in a single-table select, drizzle leaves column names unqualified, and
  // inside the subquery they would name the postcodes' own columns.
  const communeCode = sql`${communes}.${sql.identifier("insee_code")}`;
  const byPostcode = sql`exists (select 1 from ${postcodes} as p where p.insee_code = ${communeCode} and p.postcode like ${likePattern(term)})`;
  return db
    .select({
      code: communes.inseeCode,
      name: communes.name,
      department: communes.department,
      postcodes: sql<string[]>`coalesce((select array_agg(p.postcode order by p.postcode) from ${postcodes} as p where p.insee_code = ${communeCode}), '{}')`,
    })
    .from(communes)
    .where(
      /^\d{2,5}$/.test(term)
        ? or(eq(communes.inseeCode, term), byPostcode)
        : sql`${normalised} like unaccent(lower(${likePattern(term)}))`,
    )
    // The region's own communes first: most sessions take place there.
    .orderBy(
      sql`${communes.department} in (${sql.join(REGION_DEPARTMENTS.map((d) => sql`${d}`), sql`, `)}) desc`,
      sql`length(${communes.name})`,
      asc(communes.name),
    )
    .limit(limit);
}

/** Formacode descriptors by code prefix or by words of their label. */
export async function searchFormacodes({ q, limit = 15 }: { q: string; limit?: number }) {
  const term = q.trim();
  if (term.length < 2) return [];
  const db = await getDb();
  const byCode = /^\d{2,5}$/.test(term);
  return db
    .select({ code: formacodes.code, label: formacodes.label, field: formacodes.field })
    .from(formacodes)
    .where(
      and(
        eq(formacodes.edition, FORMACODE_EDITION),
        byCode
          ? sql`${formacodes.code} like ${likePattern(term)}`
          : or(
              sql`unaccent(lower(${formacodes.label})) like unaccent(lower(${likePattern(term)}))`,
              sql`unaccent(lower(${formacodes.label})) like unaccent(lower(${"% " + likePattern(term)}))`,
            ),
      ),
    )
    .orderBy(sql`length(${formacodes.label})`, asc(formacodes.code))
    .limit(limit);
}

/** The Formacode « public » descriptors (kind PUB), for the public visé of an action. */
export async function listPublicCodes() {
  const db = await getDb();
  return db
    .select({ code: formacodes.code, label: formacodes.label })
    .from(formacodes)
    .where(and(eq(formacodes.edition, FORMACODE_EDITION), sql`${formacodes.kind} like 'PUB%'`))
    .orderBy(asc(formacodes.label));
}

/** Labels of the given Formacodes, in the order given (unknown codes are left out). */
export async function getFormacodeLabels({ codes }: { codes: string[] }) {
  if (codes.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ code: formacodes.code, label: formacodes.label })
    .from(formacodes)
    .where(and(eq(formacodes.edition, FORMACODE_EDITION), inArray(formacodes.code, codes)));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return codes.flatMap((code) => byCode.get(code) ?? []);
}
