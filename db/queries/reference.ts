import "server-only";
import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { PgColumn } from "drizzle-orm/pg-core";
import { communes, formacodes, nsfCodes, postcodes, romeCodes } from "@/db/schema";
import { FORMACODE_EDITION } from "@/db/reference/load";
import { REGION_DEPARTMENTS } from "@/lib/region";
import { containedSimilarity, foldText, trigrams } from "@/lib/trigrams";

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

/** Lower case without accents: the migrations' IMMUTABLE fold_text(), also behind the folded columns. */
const folded = (value: SQL | PgColumn | string) => sql`fold_text(${value})`;

/**
 * Formacode descriptors by code prefix, or by the words staff type — in the label, the
 * thesaurus's synonyms or its related terms —, accents ignored, typos tolerated (trigram
 * similarity): « macon », « maçonerie » and « gros oeuvre » find « Maçonnerie ». Best matches first;
 * `matched` says which synonym or related term matched, when it was not the label.
 */
export async function searchFormacodes({ q, limit = 15 }: { q: string; limit?: number }) {
  const term = q.trim().replace(/\s+/g, " ");
  if (term.length < 2) return [];
  const db = await getDb();
  if (/^\d{2,5}$/.test(term)) {
    return db
      .select({ code: formacodes.code, label: formacodes.label, field: formacodes.field, nsf: formacodes.nsf, matched: sql<string | null>`null` })
      .from(formacodes)
      .where(and(eq(formacodes.edition, FORMACODE_EDITION), sql`${formacodes.code} like ${likePattern(term)}`))
      .orderBy(asc(formacodes.code))
      .limit(limit);
  }
  const t = folded(term);
  const label = formacodes.labelFolded;
  const synonyms = formacodes.synonymsFolded;
  const related = formacodes.relatedFolded;
  const score = sql<number>`greatest(
    case when ${label} like ${t} || '%' then 3 when ${label} like '% ' || ${t} || '%' then 2.5 else 0 end,
    case when ${synonyms} like '%' || ${t} || '%' then 2 else 0 end,
    case when ${related} like '%' || ${t} || '%' then 1.2 else 0 end,
    word_similarity(${t}, ${label}) * 2,
    word_similarity(${t}, ${synonyms}) * 1.6
  )`;
  const rows = await db
    .select({
      code: formacodes.code,
      label: formacodes.label,
      field: formacodes.field,
      nsf: formacodes.nsf,
      synonyms: formacodes.synonyms,
      related: formacodes.related,
      score,
    })
    .from(formacodes)
    .where(and(eq(formacodes.edition, FORMACODE_EDITION), sql`${score} >= 1.2`))
    .orderBy(sql`${score} desc`, sql`length(${formacodes.label})`, asc(formacodes.code))
    .limit(limit);
  const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const needle = fold(term);
  return rows.map(({ synonyms: syn, related: rel, ...row }) => {
    if (fold(row.label).includes(needle)) return { ...row, matched: null };
    const hit = [...syn.split(" ; "), ...rel.split(" ; ")].find((word) => word && fold(word).includes(needle));
    return { ...row, matched: hit ?? null };
  });
}

type Descriptor = { code: string; label: string; nsf: string | null; labelTrigrams: Set<string>; synonymTrigrams: Set<string> };

// The domain descriptors of the edition in use, with their trigrams, read once per process: the
// code lists change only when `npm run db:migrate` reloads them (restart the server after that).
let descriptors: Promise<Descriptor[]> | null = null;

function loadDescriptors(): Promise<Descriptor[]> {
  descriptors ??= (async () => {
    const db = await getDb();
    const rows = await db
      .select({ code: formacodes.code, label: formacodes.label, nsf: formacodes.nsf, labelFolded: formacodes.labelFolded, synonymsFolded: formacodes.synonymsFolded })
      .from(formacodes)
      .where(and(eq(formacodes.edition, FORMACODE_EDITION), sql`${formacodes.kind} like 'DOM%'`, sql`length(${formacodes.label}) >= 4`));
    return rows.map(({ labelFolded, synonymsFolded, ...row }) => ({
      ...row,
      labelTrigrams: trigrams(labelFolded ?? ""),
      synonymTrigrams: trigrams(synonymsFolded ?? ""),
    }));
  })().catch((error: unknown) => {
    descriptors = null;
    throw error;
  });
  return descriptors;
}

/**
 * Formacodes whose label (or a synonym) reads in the provider's own words — the title, the
 * certification —, offered to staff as one-click proposals: descriptors whose label's trigrams
 * the text holds (70 % at least; synonyms count for a little less), longest label first among
 * equals (the most specific). Scored in memory (lib/trigrams.ts): comparing the text with 3,000
 * labels in SQL took most of the review page's time on the embedded database.
 */
export async function suggestFormacodes({ text, limit = 6 }: { text: string; limit?: number }) {
  const words = text.trim();
  if (words.length < 4) return [];
  const textTrigrams = trigrams(foldText(words));
  const scored = (await loadDescriptors())
    .map((d) => ({
      d,
      score: Math.max(containedSimilarity(d.labelTrigrams, textTrigrams), containedSimilarity(d.synonymTrigrams, textTrigrams) * 0.8),
    }))
    .filter(({ score }) => score >= 0.7)
    .sort((a, b) => b.score - a.score || b.d.label.length - a.d.label.length || a.d.code.localeCompare(b.d.code));
  return scored.slice(0, limit).map(({ d }) => ({ code: d.code, label: d.label, nsf: d.nsf }));
}

/** ROME job codes by code prefix or words of their label, accents ignored. */
export async function searchRome({ q, limit = 15 }: { q: string; limit?: number }) {
  const term = q.trim();
  if (term.length < 2) return [];
  const db = await getDb();
  const byCode = /^[A-Za-z]\d{0,4}$/.test(term);
  const t = folded(term);
  return db
    .select({ code: romeCodes.code, label: romeCodes.label })
    .from(romeCodes)
    .where(
      byCode
        ? sql`${romeCodes.code} like ${likePattern(term.toUpperCase())}`
        : or(sql`${folded(romeCodes.label)} like '%' || ${t} || '%'`, sql`word_similarity(${t}, ${folded(romeCodes.label)}) > 0.55`),
    )
    .orderBy(sql`word_similarity(${t}, ${folded(romeCodes.label)}) desc`, asc(romeCodes.code))
    .limit(limit);
}

/** NSF codes by code prefix or words of their label. */
export async function searchNsf({ q, limit = 15 }: { q: string; limit?: number }) {
  const term = q.trim();
  if (term.length < 1) return [];
  const db = await getDb();
  const t = folded(term);
  return db
    .select({ code: nsfCodes.code, label: nsfCodes.label })
    .from(nsfCodes)
    .where(/^\d{1,3}$/.test(term) ? sql`${nsfCodes.code} like ${likePattern(term)}` : sql`${folded(nsfCodes.label)} like '%' || ${t} || '%'`)
    .orderBy(asc(nsfCodes.code))
    .limit(limit);
}

/** Labels of ROME and NSF codes, to show a codification. */
export async function getCodeLabels({ rome, nsf }: { rome: string[]; nsf: string[] }) {
  const db = await getDb();
  const [romeRows, nsfRows] = await Promise.all([
    rome.length ? db.select({ code: romeCodes.code, label: romeCodes.label }).from(romeCodes).where(inArray(romeCodes.code, rome)) : [],
    nsf.length ? db.select({ code: nsfCodes.code, label: nsfCodes.label }).from(nsfCodes).where(inArray(nsfCodes.code, nsf)) : [],
  ]);
  return { rome: Object.fromEntries(romeRows.map((r) => [r.code, r.label])), nsf: Object.fromEntries(nsfRows.map((r) => [r.code, r.label])) };
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
