import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { communes, postcodes, publishedActions as pa, publishedSessions as ps } from "@/db/schema";
import { actionDiffusedSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import { REGION_DEPARTMENTS } from "@/lib/region";
import { PAGE_SIZE, sortOf, type SearchFilters, type Sort } from "@/lib/search/params";

// The catalogue search of /formations. Only diffused content (lib/diffusion-sql.ts, for the Paris
// day given), found by words in the stored search document (French stemming, accents ignored,
// every word a prefix; filled by the triggers of the search migration), narrowed by the filters,
// with a count per filter value computed without that filter (so that the other choices show
// what they would give). One statement answers the page, the total and the counts.

export interface Town {
  inseeCode: string;
  name: string;
  department: string;
  latitude: number;
  longitude: number;
}

/** How a text matches: the condition on the published action and its relevance. */
export interface TextMatch {
  where: SQL;
  rank: SQL;
}

const CONFIG = sql.raw("'public.french_unaccent'");
const folded = (value: SQL) => sql`translate(public.fold_text(${value}), '-''’', '   ')`;

/**
 * Text search on the stored document: every word, as a prefix. Relevance adds up the weight of
 * each word where it is found (title first), without the closeness of the words to each other
 * that ts_rank gives an « and » query.
 */
export function wordsMatch(terms: string[]): TextMatch | null {
  if (terms.length === 0) return null;
  const query = (operator: string) => sql`to_tsquery(${CONFIG}, ${terms.map((t) => `${t}:*`).join(operator)})`;
  return { where: sql`${pa.searchDocument} @@ ${query(" & ")}`, rank: sql`ts_rank(${pa.searchDocument}, ${query(" | ")})` };
}

/** A commune by its name (accents, case and hyphens ignored; the region's first) or its postcode. */
export async function findTown(typed: string): Promise<Town | null> {
  const db = await getDb();
  const term = typed.trim();
  if (term.length < 2) return null;
  const byCode = /^\d{5}$/.test(term)
    ? sql`${communes.inseeCode} = ${term} or exists (select 1 from ${postcodes} where ${postcodes.postcode} = ${term} and ${postcodes.inseeCode} = ${communes.inseeCode})`
    : sql`${folded(sql`${communes.name}`)} = ${folded(sql`${term}`)}`;
  const region = sql.join(REGION_DEPARTMENTS.map((d) => sql`${d}`), sql`, `);
  const rows = await db
    .select({ inseeCode: communes.inseeCode, name: communes.name, department: communes.department, latitude: communes.latitude, longitude: communes.longitude })
    .from(communes)
    .where(sql`(${byCode}) and ${communes.latitude} is not null and ${communes.longitude} is not null`)
    .orderBy(sql`${communes.department} in (${region}) desc`, communes.inseeCode)
    .limit(1);
  const row = rows[0];
  return row ? { ...row, latitude: row.latitude!, longitude: row.longitude! } : null;
}

const KM_PER_DEGREE = 111.2;

/** Great-circle distance in km from the town to the session's commune. */
function distanceSql(town: Town): SQL {
  return sql`(6371 * 2 * asin(sqrt(power(sin(radians(${ps.latitude} - ${town.latitude}) / 2), 2) + cos(radians(${town.latitude})) * cos(radians(${ps.latitude})) * power(sin(radians(${ps.longitude} - ${town.longitude}) / 2), 2))))`;
}

/** Sessions near the town: a bounding box first (indexed), then the exact distance. */
function nearSql(town: Town, radius: number): SQL {
  const dLat = radius / KM_PER_DEGREE;
  const dLon = radius / (KM_PER_DEGREE * Math.cos((town.latitude * Math.PI) / 180));
  return sql`${ps.latitude} between ${town.latitude - dLat} and ${town.latitude + dLat} and ${ps.longitude} between ${town.longitude - dLon} and ${town.longitude + dLon} and ${distanceSql(town)} <= ${radius}`;
}

export interface Context {
  filters: SearchFilters;
  today: string;
  town: Town | null;
  text: TextMatch | null;
}

/** Where the sessions must take place, and when they must start (null: anywhere, any day). */
function placeSql({ filters, town }: Context): SQL | null {
  if (town) return nearSql(town, filters.radius);
  return filters.department ? sql`${ps.department} = ${filters.department}` : null;
}

function datesSql({ filters }: Context): SQL | null {
  const dates = [filters.from ? sql`${ps.startDate} >= ${filters.from}` : null, filters.to ? sql`${ps.startDate} <= ${filters.to}` : null].filter((d) => d !== null);
  return dates.length ? and(dates) : null;
}

const hasSessionFilter = ({ filters, town }: Context) => Boolean(filters.from || filters.to || filters.placesOnly || town || filters.department);
const and = (conditions: SQL[]) => (conditions.length ? sql.join(conditions.map((c) => sql`(${c})`), sql` and `) : sql`true`);

type ActionFilter = "field" | "funder" | "publicCode" | "level" | "certifying" | "teachingMode" | "permanentEntry";

/** The filters on the action itself, over the columns of `base`, but the one left out. */
function actionConditions(filters: SearchFilters, except?: ActionFilter): SQL[] {
  const conditions: [ActionFilter, SQL | null][] = [
    ["field", filters.field ? sql`${filters.field} = any(formacode_fields)` : null],
    ["funder", filters.funder ? sql`${filters.funder} = any(funders)` : null],
    ["publicCode", filters.publicCode ? sql`${filters.publicCode} = any(public_codes)` : null],
    ["level", filters.level ? sql`exit_level = ${filters.level}` : null],
    ["certifying", filters.certifying ? sql`certifying` : null],
    ["teachingMode", filters.teachingMode ? sql`teaching_mode = ${filters.teachingMode}` : null],
    ["permanentEntry", filters.permanentEntry ? sql`permanent_entry` : null],
  ];
  return conditions.flatMap(([key, condition]) => (condition && key !== except ? [condition] : []));
}

const ORDER: Record<Sort, SQL> = {
  pertinence: sql`rank desc, next_start asc nulls last, title`,
  date: sql`next_start asc nulls last, rank desc, title`,
  distance: sql`distance asc nulls last, rank desc, next_start asc nulls last, title`,
};

export interface SearchHit {
  actionId: string;
  slug: string;
  title: string;
  objectives: string;
  permanentEntry: boolean;
  organisationId: string;
  organisationName: string;
  organisationSlug: string;
  /** The first start among the sessions that match the filters. */
  nextStartDate: string | null;
  /** The towns of those sessions. */
  towns: string[];
  /** From the town asked for, in km, to the nearest of those sessions. */
  distance: number | null;
}

export interface Facets {
  department: Record<string, number>;
  field: Record<string, number>;
  funder: Record<string, number>;
  publicCode: Record<string, number>;
  level: Record<string, number>;
  teachingMode: Record<string, number>;
  certifying: number;
  permanentEntry: number;
  placesOnly: number;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
  facets: Facets;
  sort: Sort;
}

function valueCounts(column: SQL, filters: SearchFilters, except: ActionFilter) {
  return sql`(select coalesce(json_object_agg(v, n), '{}') from (select ${column} as v, count(*)::int as n from scored where ${and(actionConditions(filters, except))} and s_all group by 1) x where v is not null)`;
}

function flagCount(column: SQL, filters: SearchFilters, except: ActionFilter) {
  return sql`(select count(*)::int from scored where ${and(actionConditions(filters, except))} and s_all and ${column})`;
}

/**
 * The matching actions as `hits`, in three steps: `base`, the diffused actions with the words;
 * `sess`, their diffused sessions, each with whether it is in the place, in the dates and open
 * with places left (read once, through the action index); `scored`, each action with whether one
 * of its sessions meets every session filter, its next such start and its distance.
 */
function matching(context: Context): SQL {
  const { filters, today, town, text } = context;
  const place = placeSql(context) ?? sql`true`;
  const dates = datesSql(context) ?? sql`true`;
  const wanted = sql`in_place and in_dates and (open or ${!filters.placesOnly})`;
  return sql`
    with base as materialized (
      select ${pa.actionId} as action_id, ${pa.title} as title, ${pa.formacodeFields} as formacode_fields, ${pa.funders} as funders,
        ${pa.publicCodes} as public_codes, ${pa.exitLevel} as exit_level, ${pa.certifying} as certifying,
        ${pa.teachingMode} as teaching_mode, ${pa.permanentEntry} as permanent_entry, ${text ? text.rank : sql`0`} as rank
      from ${pa}
      join actions on actions.id = ${pa.actionId}
      join organisations on organisations.id = ${pa.organisationId}
      where ${text ? text.where : sql`true`} and ${actionDiffusedSql(today)}
    ),
    sess as materialized (
      select ${ps.actionId} as action_id, ${ps.department} as department, ${ps.startDate} as start_date, ${ps.communeInsee} as commune_insee,
        coalesce(${place}, false) as in_place, (${dates}) as in_dates, (${ps.placesAvailable} > 0 and ${ps.recruitment} = '1') as open,
        ${town ? distanceSql(town) : sql`null::float8`} as distance
      from base join ${ps} on ${ps.actionId} = base.action_id
      where ${sessionDiffusedSql(today)}
    ),
    scored as materialized (
      select base.*, coalesce(p.s_all, ${!hasSessionFilter(context)}) as s_all, coalesce(p.s_places, false) as s_places, p.next_start, p.distance
      from base left join (
        select action_id, bool_or(${wanted}) as s_all, bool_or(in_place and in_dates and open) as s_places,
          min(start_date) filter (where ${wanted}) as next_start, min(distance) filter (where ${wanted}) as distance
        from sess group by action_id
      ) p on p.action_id = base.action_id
    ),
    hits as materialized (select * from scored where ${and(actionConditions(filters))} and s_all)`;
}

/** How many actions diffused on `today` match (for the alternatives offered to an empty search). */
export async function countSearch(context: Context): Promise<number> {
  const db = await getDb();
  const result = (await db.execute(sql`${matching(context)} select count(*)::int as n from hits`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

/** One page of the actions diffused on `today` that match, their total and the counts per filter value. */
export async function runSearch(context: Context): Promise<SearchPage> {
  const { filters, town } = context;
  const db = await getDb();
  const sort = sortOf(filters, town !== null);
  const statement = sql`${matching(context)},
    page as (
      select action_id, next_start, distance, row_number() over (order by ${ORDER[sort]}) as ord
      from hits order by ${ORDER[sort]} limit ${PAGE_SIZE} offset ${(filters.page - 1) * PAGE_SIZE}
    )
    select json_build_object(
      'total', (select count(*)::int from hits),
      'hits', (select coalesce(json_agg(json_build_object(
          'actionId', ${pa.actionId}, 'slug', ${pa.slug}, 'title', ${pa.title}, 'objectives', ${pa.objectives},
          'permanentEntry', ${pa.permanentEntry}, 'organisationId', organisations.id, 'organisationName', organisations.name, 'organisationSlug', organisations.slug,
          'nextStartDate', page.next_start, 'distance', page.distance,
          'towns', coalesce((select array_agg(distinct communes.name order by communes.name) from sess join communes on communes.insee_code = sess.commune_insee
            where sess.action_id = page.action_id and in_place and in_dates and (open or ${!filters.placesOnly})), '{}')
        ) order by page.ord), '[]')
        from page join ${pa} on ${pa.actionId} = page.action_id join organisations on organisations.id = ${pa.organisationId}),
      'facets', json_build_object(
        'department', (select coalesce(json_object_agg(department, n), '{}') from (
            select sess.department, count(distinct sess.action_id)::int as n
            from sess join scored on scored.action_id = sess.action_id
            where ${and(actionConditions(filters))} and in_dates and (open or ${!filters.placesOnly}) and sess.department is not null group by 1) x),
        'field', ${valueCounts(sql`unnest(formacode_fields)`, filters, "field")},
        'funder', ${valueCounts(sql`unnest(funders)`, filters, "funder")},
        'publicCode', ${valueCounts(sql`unnest(public_codes)`, filters, "publicCode")},
        'level', ${valueCounts(sql`exit_level`, filters, "level")},
        'teachingMode', ${valueCounts(sql`teaching_mode`, filters, "teachingMode")},
        'certifying', ${flagCount(sql`certifying`, filters, "certifying")},
        'permanentEntry', ${flagCount(sql`permanent_entry`, filters, "permanentEntry")},
        'placesOnly', (select count(*)::int from scored where ${and(actionConditions(filters))} and s_places)
      )
    ) as data`;
  const result = (await db.execute(statement)) as unknown as { rows: { data: unknown }[] };
  const raw = result.rows[0]!.data;
  const data = (typeof raw === "string" ? JSON.parse(raw) : raw) as Omit<SearchPage, "sort">;
  return { ...data, hits: data.hits.map((h) => ({ ...h, towns: h.towns ?? [], distance: h.distance === null ? null : Math.round(h.distance * 10) / 10 })), sort };
}
