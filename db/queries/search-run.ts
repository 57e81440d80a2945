import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { communes, postcodes, publishedActions as pa } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { earliestDiffusedStartDate } from "@/lib/diffusion";
import { actionDiffusedSql } from "@/lib/diffusion-sql";
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

/** The columns of `sess` the place and date conditions read (a session, or an organisation's address). */
const at = { department: sql.raw("u.department"), latitude: sql.raw("u.latitude"), longitude: sql.raw("u.longitude"), startDate: sql.raw("u.start_date") };

/** Great-circle distance in km from the town to the session's commune. */
function distanceSql(town: Town): SQL {
  return sql`(6371 * 2 * asin(sqrt(power(sin(radians(${at.latitude} - ${town.latitude}) / 2), 2) + cos(radians(${town.latitude})) * cos(radians(${at.latitude})) * power(sin(radians(${at.longitude} - ${town.longitude}) / 2), 2))))`;
}

/** Sessions near the town: a bounding box first, then the exact distance. */
function nearSql(town: Town, radius: number): SQL {
  const dLat = radius / KM_PER_DEGREE;
  const dLon = radius / (KM_PER_DEGREE * Math.cos((town.latitude * Math.PI) / 180));
  return sql`${at.latitude} between ${town.latitude - dLat} and ${town.latitude + dLat} and ${at.longitude} between ${town.longitude - dLon} and ${town.longitude + dLon} and ${distanceSql(town)} <= ${radius}`;
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
  return filters.department ? sql`${at.department} = ${filters.department}` : null;
}

function datesSql({ filters }: Context): SQL | null {
  const dates = [filters.from ? sql`${at.startDate} >= ${filters.from}` : null, filters.to ? sql`${at.startDate} <= ${filters.to}` : null].filter((d) => d !== null);
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

/** Published actions with their organisation's place, under the names `base` and `sess` read. */
function actionsSql(text: TextMatch | null, where: SQL): SQL {
  return sql`
      select ${pa.actionId} as action_id, ${pa.title} as title, ${pa.formacodeFields} as formacode_fields, ${pa.funders} as funders,
        ${pa.publicCodes} as public_codes, ${pa.exitLevel} as exit_level, ${pa.certifying} as certifying,
        ${pa.teachingMode} as teaching_mode, ${pa.permanentEntry} as permanent_entry, ${text ? text.rank : sql`0`} as rank,
        ${pa.sessionStarts} as session_starts, ${pa.sessionKeys} as session_keys, ${pa.sessionCommunes} as session_communes,
        ${pa.sessionLatitudes} as session_latitudes, ${pa.sessionLongitudes} as session_longitudes, ${pa.sessionOpen} as session_open,
        ${pa.departments} as departments, ${pa.departmentLastStarts} as department_last_starts, ${pa.departmentLastOpenStarts} as department_last_open_starts,
        organisations.commune_insee as organisation_commune, organisation_place.department as organisation_department,
        organisation_place.latitude as organisation_latitude, organisation_place.longitude as organisation_longitude
      from ${pa}
      join organisations on organisations.id = ${pa.organisationId}
      join ${communes} organisation_place on organisation_place.insee_code = organisations.commune_insee
      where ${where}`;
}

/** Permanent entry and no session shown: the action is placed at its organisation's address. */
const atOrganisationSql = (context: Context) =>
  sql`permanent_entry and not coalesce(session_starts[cardinality(session_starts)] >= ${earliestDiffusedStartDate(context.today)}::date, false)`;

/**
 * The diffused sessions of the actions in `from` (a relation with the columns of actionsSql), read
 * from the copy each action carries, each with whether it is in the place, in the dates and open
 * with places left, and its distance from the town. An action with permanent entry and no session
 * shown is placed at its organisation's address (no start, no places): a place filter finds it there.
 */
function sessionsOf(context: Context, from: SQL): SQL {
  const { town } = context;
  return sql`
    select u.action_id, u.department, u.start_date, u.commune_insee, coalesce(${placeSql(context) ?? sql`true`}, false) as in_place,
      coalesce(${datesSql(context) ?? sql`true`}, false) as in_dates, u.open, ${town ? distanceSql(town) : sql`null::float8`} as distance
    from (
      select action_id, start_date, nullif(left(session_key, -1), '') as department, commune_insee, latitude, longitude, right(session_key, 1) = '+' as open from (
        select action_id, unnest(session_starts) as start_date, unnest(session_keys) as session_key, unnest(session_communes) as commune_insee,
          unnest(session_latitudes) as latitude, unnest(session_longitudes) as longitude
        from ${from}
      ) s where start_date >= ${earliestDiffusedStartDate(context.today)}::date
      union all
      select action_id, null::date, organisation_department, organisation_commune, organisation_latitude, organisation_longitude, false
      from ${from} where ${atOrganisationSql(context)}
    ) u`;
}

/**
 * Without dates nor a town, each action's answer is read from its arrays directly: the first
 * session shown is found by the day (its sessions are sorted by start), the first one in the
 * department (with places) from there by its key. `found` gets s_all, s_places, next_start and
 * distance; each position is computed once (`offset 0` keeps the planner from inlining it again).
 */
function sessionsByKey(context: Context, found: SQL): SQL {
  const { filters } = context;
  const first = sql`width_bucket(${addDays(earliestDiffusedStartDate(context.today), -1)}::date, session_starts) + 1`;
  const openAt = filters.department ? sql`array_position(session_keys, ${`${filters.department}+`}, first_shown)` : sql`array_position(session_open, true, first_shown)`;
  const anyAt = filters.department
    ? sql`least(open_at, array_position(session_keys, ${`${filters.department}-`}, first_shown))`
    : sql`case when first_shown <= cardinality(session_starts) then first_shown end`;
  const wantedAt = filters.placesOnly ? sql`open_at` : sql`any_at`;
  const atOrganisation = sql`${atOrganisationSql(context)} and ${filters.department ? sql`organisation_department = ${filters.department}` : sql`true`}`;
  return sql`
      select *, ${wantedAt} is not null or (${!filters.placesOnly} and ${atOrganisation}) as s_all, open_at is not null as s_places,
        session_starts[${wantedAt}] as next_start, null::float8 as distance
      from (
        select *, ${anyAt} as any_at from (
          select *, ${openAt} as open_at from (select *, ${first} as first_shown from (${found}) found offset 0) f offset 0
        ) o offset 0
      ) a`;
}

/** The dates and the town need each session's start and place: the sessions are then read one by one. */
const readsEachSession = ({ filters, town }: Context) => Boolean(filters.from || filters.to || town);

const ACTION_COLUMNS = sql.raw("action_id, title, formacode_fields, funders, public_codes, exit_level, certifying, teaching_mode, permanent_entry, rank");

/**
 * The matching actions as `hits`: the diffused actions with the words, each with whether one of
 * its diffused sessions meets every session filter, its next such start and its distance
 * (`scored`) — from `sess`, its sessions one by one, when dates or a town are asked (sessionsOf),
 * else from its arrays (sessionsByKey), with what the counts per department need.
 */
function matching(context: Context): SQL {
  const { filters, today, text } = context;
  const found = actionsSql(text, sql`${text ? text.where : sql`true`} and ${actionDiffusedSql(today)}`);
  const hits = sql`hits as materialized (select action_id, title, rank, next_start, distance from scored where ${and(actionConditions(filters))} and s_all)`;
  if (!readsEachSession(context)) {
    return sql`
    with scored as materialized (
      select ${ACTION_COLUMNS}, s_all, s_places, next_start, distance, departments,
        ${filters.placesOnly ? sql`department_last_open_starts` : sql`department_last_starts`} as department_last_starts,
        organisation_department, ${atOrganisationSql(context)} as at_organisation
      from (${sessionsByKey(context, found)}) a
    ),
    ${hits}`;
  }
  const wanted = sql`in_place and in_dates and (open or ${!filters.placesOnly})`;
  return sql`
    with base as materialized (${found}),
    sess as materialized (${sessionsOf(context, sql`base`)}),
    scored as materialized (
      select ${ACTION_COLUMNS}, coalesce(p.s_all, ${!hasSessionFilter(context)}) as s_all, coalesce(p.s_places, false) as s_places, p.next_start, p.distance
      from base left join (
        select action_id as id, bool_or(${wanted}) as s_all, bool_or(in_place and in_dates and open) as s_places,
          min(start_date) filter (where ${wanted}) as next_start, min(distance) filter (where ${wanted}) as distance
        from sess group by action_id
      ) p on p.id = base.action_id
    ),
    ${hits}`;
}

/**
 * Actions per department for the counts: those with a session shown there that is in the dates
 * (and open, with « places disponibles »), or placed there by their organisation. `within` narrows
 * the actions (the other filters).
 */
function departmentCounts(context: Context, within: SQL): SQL {
  const { filters } = context;
  const pairs = readsEachSession(context)
    ? sql`select distinct sess.department, sess.action_id from sess
        where in_dates and (open or ${!filters.placesOnly}) and sess.department is not null and sess.action_id in (select action_id from scored where ${within})`
    : sql`select department, action_id from (
          select action_id, unnest(departments) as department, unnest(department_last_starts) as last_start from scored where ${within}
        ) d where last_start >= ${earliestDiffusedStartDate(context.today)}::date
        union all
        select organisation_department, action_id from scored
        where ${within} and ${!filters.placesOnly} and at_organisation and organisation_department is not null`;
  return sql`(select coalesce(json_object_agg(department, n), '{}') from (select department, count(*)::int as n from (${pairs}) d group by 1) x)`;
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
          'towns', coalesce(towns.names, '{}')
        ) order by page.ord), '[]')
        from page join ${pa} on ${pa.actionId} = page.action_id join organisations on organisations.id = ${pa.organisationId}
        left join (
          select shown.action_id, array_agg(distinct communes.name order by communes.name) as names
          from (${sessionsOf(context, sql`(${actionsSql(null, sql`${pa.actionId} in (select action_id from page)`)}) page_actions`)}) shown
          join communes on communes.insee_code = shown.commune_insee
          where in_place and in_dates and (open or ${!filters.placesOnly}) group by 1
        ) towns on towns.action_id = page.action_id),
      'facets', json_build_object(
        'department', ${departmentCounts(context, and(actionConditions(filters)))},
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
