import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
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
  const byPostcode = sql`exists (select 1 from ${postcodes} where ${postcodes.inseeCode} = ${communes.inseeCode} and ${postcodes.postcode} like ${likePattern(term)})`;
  return db
    .select({
      code: communes.inseeCode,
      name: communes.name,
      department: communes.department,
      postcodes: sql<string[]>`coalesce((select array_agg(${postcodes.postcode} order by ${postcodes.postcode}) from ${postcodes} where ${postcodes.inseeCode} = ${communes.inseeCode}), '{}')`,
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
