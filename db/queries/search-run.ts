import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { communes, postcodes, publishedActions as pa, searchActions as sa } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { earliestDiffusedStartDate } from "@/lib/diffusion";
import { searchDiffusedSql } from "@/lib/diffusion-sql";
import { REGION_DEPARTMENTS } from "@/lib/region";
import { countsByFilter, FACET_LETTER, requiredKeys, type ValueCounts } from "@/lib/search/facet-keys";
import { PAGE_SIZE, pageLength, sortOf, type SearchFilters, type Sort } from "@/lib/search/params";

// The catalogue search of /formations. Only diffused content (lib/diffusion-sql.ts, for the Paris
// day given), found by words in the stored search document (French stemming, accents ignored,
// every word a prefix; filled by the triggers of the search migration), narrowed by the filters,
// with a count per filter value computed without that filter (so that the other choices show
// what they would give). Two statements answer, side by side: one the total and the counts, one
// the page; both read search_actions only (the narrow copy of what the search needs, migration
// 0014), and the page its published rows.

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
 * each word found in the title (A) or the Formacode labels and organisation (B), without the
 * closeness of the words to each other that ts_rank gives an « and » query; an action that has
 * the words only in its texts comes after, by its next start.
 */
export function wordsMatch(terms: string[]): TextMatch | null {
  if (terms.length === 0) return null;
  const query = (operator: string) => sql`to_tsquery(${CONFIG}, ${terms.map((t) => `${t}:*`).join(operator)})`;
  return { where: sql`${sa.document} @@ ${query(" & ")}`, rank: sql`ts_rank(${sa.rankDocument}, ${query(" | ")})` };
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

/**
 * The letters of the action filters asked for that the action does not meet ('' when it meets
 * them all): a result has none, and the counts of a filter's values take the actions that miss
 * that filter only.
 */
function missedSql(filters: SearchFilters): SQL {
  const required = requiredKeys(filters);
  if (required.length === 0) return sql`''`;
  return sql`concat(${sql.join(
    required.map(([filter, key]) => sql`case when not (${key} = any(facet_keys)) then ${FACET_LETTER[filter]} end`),
    sql`, `,
  )})`;
}

// The action's id last: actions alike in everything else keep one order, so that no page repeats
// or skips one of them.
// By start, the actions with a session to come before those whose sessions have all started (still
// shown for a week, R9), as the catalogue's lists order them (db/queries/catalogue.ts).
function orderSql(sort: Sort, today: string): SQL {
  const soonest = sql`next_start < ${today}::date nulls last, next_start asc nulls last`;
  if (sort === "date") return sql`${soonest}, rank desc, title, action_id`;
  if (sort === "distance") return sql`distance asc nulls last, rank desc, ${soonest}, title, action_id`;
  return sql`rank desc, ${soonest}, title, action_id`;
}

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

export interface Facets extends ValueCounts {
  department: Record<string, number>;
  placesOnly: number;
}

export interface SearchPage {
  total: number;
  hits: SearchHit[];
  facets: Facets;
  sort: Sort;
}

/** The search rows that `where` keeps, with the columns `sessionsOf` and `positionsByKey` read. */
function actionsSql(text: TextMatch | null, where: SQL): SQL {
  return sql`
      select action_id, title, facet_keys, facet_text, permanent_entry, ${text ? text.rank : sql`0`} as rank,
        session_starts, session_keys, session_communes, session_latitudes, session_longitudes, session_open,
        departments, departments_text, department_last_starts, department_last_open_starts,
        organisation_commune, organisation_department, organisation_latitude, organisation_longitude
      from ${sa}
      where ${where}`;
}

/** Permanent entry and no session shown: the action is placed at its organisation's address. */
const atOrganisationSql = (context: Context) =>
  sql`permanent_entry and not coalesce(session_starts[cardinality(session_starts)] >= ${earliestDiffusedStartDate(context.today)}::date, false)`;

/**
 * The diffused sessions of the actions in `from` (a relation with the columns of actionsSql), read
 * from the copy each action carries, each with whether it is in the place, in the dates and open
 * with places left, and its distance from the town. An action with permanent entry and no session
 * shown is placed at its organisation's address (no start, no places): a place filter finds it there,
 * and any dates asked (one can start it any day).
 */
function sessionsOf(context: Context, from: SQL): SQL {
  const { town } = context;
  return sql`
    select u.action_id, u.department, u.start_date, u.commune_insee, coalesce(${placeSql(context) ?? sql`true`}, false) as in_place,
      (u.start_date is null or coalesce(${datesSql(context) ?? sql`true`}, false)) as in_dates, u.open, ${town ? distanceSql(town) : sql`null::float8`} as distance
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
 * How many departments of an action the counts group as a mask of bits (one per department where a
 * session is still shown, in the order of its departments; an int, so at most 31); an action
 * listing more is grouped by its departments' last starts.
 */
const MASKED_DEPARTMENTS = 4;

/**
 * Without dates nor a town, each action's answer is read from its arrays directly: the first
 * session shown is found by the day (its sessions are sorted by start), the first one in the
 * department (with places) from there by its key. Gives the positions `open_at` (the first shown
 * session with places, in the department if one is asked) and, unless « places disponibles » is
 * asked, `other_at` (the first shown without places in the department, or the first shown: the
 * least of the two is the first shown there), computed once for each match with the caller's
 * `shown` columns (`offset 0` keeps the planner from inlining them into every expression that
 * reads them; the columns a statement does not read are not computed).
 */
function positionsByKey(context: Context, found: SQL, shown: SQL): SQL {
  const { openAt, otherAt } = positionsFrom(context, earliestDiffusedStartDate(context.today));
  return sql`select *, ${openAt} as open_at, ${context.filters.placesOnly ? sql`null::int` : otherAt} as other_at, ${shown} from (${found}) found offset 0`;
}

/**
 * From the first session starting on `day` or later (the sessions are sorted by start), the
 * positions of the first one with places and of the first one without, in the department when
 * one is asked (or of the first one at all, without).
 */
function positionsFrom({ filters }: Context, day: string): { openAt: SQL; otherAt: SQL } {
  const first = sql`width_bucket(${addDays(day, -1)}::date, session_starts) + 1`;
  return {
    openAt: filters.department ? sql`array_position(session_keys, ${`${filters.department}+`}, ${first})` : sql`array_position(session_open, true, ${first})`,
    otherAt: filters.department
      ? sql`array_position(session_keys, ${`${filters.department}-`}, ${first})`
      : sql`case when ${first} <= cardinality(session_starts) then ${first} end`,
  };
}

/** The dates and the town need each session's start and place: the sessions are then read one by one. */
const readsEachSession = ({ filters, town }: Context) => Boolean(filters.from || filters.to || town);

const ACTION_COLUMNS = sql.raw("action_id, title, facet_text, rank");

/** The action filters asked for are all met: the action has the key of each. */
function meetsActionFiltersSql(filters: SearchFilters): SQL {
  const required = requiredKeys(filters);
  return required.length ? sql`facet_keys @> array[${sql.join(required.map(([, key]) => sql`${key}`), sql`, `)}]::text[]` : sql`true`;
}

/** The search rows diffused on the day, with the words, that also meet `also` when given. */
function diffusedMatches({ text, today }: Context, also: SQL | null): SQL {
  return actionsSql(text, sql`${text ? text.where : sql`true`} and ${searchDiffusedSql(today)}${also ? sql` and ${also}` : sql``}`);
}

/**
 * The diffused actions with the words as `scored`, each with whether one of its diffused sessions
 * meets every session filter (s_all; s_places: one with places), its next such start (from today
 * on; the last one started this week when none is to come), its distance and the action filters
 * it misses — from `sess`, its sessions one by one, when dates or a town are asked (sessionsOf),
 * else from its arrays (positionsByKey), with the departments where it counts (departmentCounts).
 * The results are the rows with s_all that miss nothing; with `hitsOnly`, `scored` holds only
 * those (the page's statement), else every match (the counts').
 */
function matching(context: Context, hitsOnly: boolean): SQL {
  const { filters, today } = context;
  const missed = hitsOnly ? sql`''` : missedSql(filters);
  if (!readsEachSession(context)) {
    const { department, placesOnly } = filters;
    const day = sql`${earliestDiffusedStartDate(today)}::date`;
    const lastStarts = placesOnly ? sql`department_last_open_starts` : sql`department_last_starts`;
    const wantedAt = placesOnly ? sql`open_at` : sql`least(open_at, other_at)`;
    // The card announces the first session wanted from today on; when none is to come, the last
    // one started this week (as db/queries/catalogue.ts). Looked for only when the first wanted
    // has started (a few actions).
    const fromToday = positionsFrom(context, today);
    const wantedFromToday = placesOnly ? fromToday.openAt : sql`least(${fromToday.openAt}, ${fromToday.otherAt})`;
    const lastAt = (values: SQL, value: unknown) => sql`(array_positions(${values}, ${value}))[cardinality(array_positions(${values}, ${value}))]`;
    const key = (open: boolean) => `${department}${open ? "+" : "-"}`;
    const lastWantedAt = department
      ? placesOnly
        ? lastAt(sql`session_keys`, key(true))
        : sql`greatest(${lastAt(sql`session_keys`, key(true))}, ${lastAt(sql`session_keys`, key(false))})`
      : placesOnly
        ? lastAt(sql`session_open`, sql`true`)
        : sql`cardinality(session_starts)`;
    const nextStart = sql`case when session_starts[${wantedAt}] < ${today}::date then coalesce(session_starts[${wantedFromToday}], session_starts[${lastWantedAt}]) else session_starts[${wantedAt}] end`;
    // Whether a session is shown (start on or after the day) in the department asked for, or in any
    // without one: read from the last start of the action's sessions in each department (or of those
    // with places; '-infinity' when none has), since every session has a department, its commune's
    // (check published_sessions_department). Only the page's hits need the sessions' positions.
    const shownIn = (starts: SQL) =>
      department ? sql`coalesce(${starts}[array_position(departments, ${department})] >= ${day}, false)` : sql`coalesce(${day} <= any(${starts}), false)`;
    const atOrganisation = sql`${!placesOnly} and ${atOrganisationSql(context)} and ${department ? sql`organisation_department = ${department}` : sql`true`}`;
    const onlyHits = hitsOnly ? sql`${meetsActionFiltersSql(filters)} and (${shownIn(lastStarts)} or ${atOrganisation})` : null;
    // Computed once per match (with « places disponibles », the two are the same).
    const shown = sql`${shownIn(lastStarts)} as shown_wanted, ${placesOnly ? sql`null::boolean` : shownIn(sql`department_last_open_starts`)} as shown_open`;
    const found = diffusedMatches(context, onlyHits);
    // For the counts per department: the departments the action lists and, when no session is
    // shown any more in one of them (all passed, or, with « places disponibles », all full; null
    // when shown in all), those where one still is: as a mask of their positions when the action
    // lists at most MASKED_DEPARTMENTS (an integer is far cheaper to group by than an array), else
    // by their last starts; and organisation_place when the action counts at its organisation's address.
    const passed = sql`not ${day} <= all(${lastStarts})`;
    const shownMask = sql.join(
      Array.from({ length: MASKED_DEPARTMENTS }, (_, bit) => sql`(coalesce(${lastStarts}[${sql.raw(String(bit + 1))}] >= ${day}, false)::int << ${sql.raw(String(bit))})`),
      sql` | `,
    );
    const masked = sql`cardinality(${lastStarts}) <= ${sql.raw(String(MASKED_DEPARTMENTS))}`;
    return sql`
    with scored as (
      select ${ACTION_COLUMNS}, ${missed} as missed, shown_wanted or ${atOrganisation} as s_all, ${placesOnly ? sql`shown_wanted` : sql`shown_open`} as s_places,
        ${nextStart} as next_start, null::float8 as distance, departments_text,
        case when ${passed} and ${masked} then ${shownMask} end as shown_mask,
        case when not ${masked} and ${passed} then ${lastStarts} end as passed_last_starts,
        case when ${!placesOnly} and ${atOrganisationSql(context)} then organisation_department end as organisation_place
      from (${positionsByKey(context, found, shown)}) a
    )`;
  }
  const found = diffusedMatches(context, hitsOnly ? meetsActionFiltersSql(filters) : null);
  const wanted = sql`in_place and in_dates and (open or ${!filters.placesOnly})`;
  return sql`
    with base as materialized (${found}),
    sess as materialized (${sessionsOf(context, sql`base`)}),
    scored as ${hitsOnly ? sql`not materialized` : sql`materialized`} (
      select ${ACTION_COLUMNS}, ${missed} as missed, coalesce(p.s_all, ${!hasSessionFilter(context)}) as s_all,
        coalesce(p.s_places, false) as s_places, p.next_start, p.distance
      from base left join (
        select action_id as id, bool_or(${wanted}) as s_all, bool_or(in_place and in_dates and open) as s_places,
          coalesce(min(start_date) filter (where ${wanted} and start_date >= ${today}::date), max(start_date) filter (where ${wanted})) as next_start,
          min(distance) filter (where ${wanted}) as distance
        from sess group by action_id
      ) p on p.id = base.action_id
    )`;
}

/**
 * The matches counted by all that the totals and the counts read (their filter keys, the filters
 * they miss, their session flags, their departments and those where a session is still shown), so
 * that these read a few groups: a few hundred, and one more for each action with a department
 * where no session is shown any more among more than four (grouped by its last starts: rare).
 */
function groupsSql(context: Context): SQL {
  const byArrays = !readsEachSession(context);
  // Grouped by bytes ("C"): the database's own collation compares texts more slowly.
  const keys = byArrays
    ? sql`facet_text collate "C" as facet_text, missed, s_all, s_places, departments_text collate "C" as departments_text, shown_mask, passed_last_starts, organisation_place`
    : sql`facet_text collate "C" as facet_text, missed, s_all, s_places`;
  return sql`${matching(context, false)},
    groups as materialized (select ${keys}, count(*)::int as n from scored group by ${byArrays ? sql`1, 2, 3, 4, 5, 6, 7, 8` : sql`1, 2, 3, 4`})`;
}

const HIT = sql.raw("s_all and missed = ''");

/** Splits a text of keys (public.search_keys_text, migration 0015). */
const keysOf = (column: string) => sql.raw(`string_to_array(${column}, E'\\x1f')`);

/**
 * Actions per department for the counts: those that miss no action filter, with a session shown
 * there that is in the dates (and open, with « places disponibles »), or placed there by their
 * organisation.
 */
function departmentCounts(context: Context): SQL {
  const { filters } = context;
  const pairs = readsEachSession(context)
    ? sql`select department, 1 as n from (select distinct sess.department, sess.action_id from sess
        where in_dates and (open or ${!filters.placesOnly}) and sess.department is not null and sess.action_id in (select action_id from scored where missed = '')) p`
    : sql`select department, n from groups, unnest(${keysOf("departments_text")}) with ordinality as d(department, i)
        where missed = '' and passed_last_starts is null and (shown_mask is null or shown_mask & (1 << (i::int - 1)) <> 0)
        union all
        select department, n from (
          select unnest(${keysOf("departments_text")}) as department, unnest(passed_last_starts) as last_start, n from groups where missed = '' and passed_last_starts is not null
        ) d where last_start >= ${earliestDiffusedStartDate(context.today)}::date
        union all
        select organisation_place, n from groups where missed = '' and organisation_place is not null`;
  return sql`(select coalesce(json_object_agg(department, n), '{}') from (select department, sum(n)::int as n from (${pairs}) d group by 1) x)`;
}

/**
 * The counts per value of every action filter: an action that meets the session filters and
 * misses no action filter counts for each of its values, one that misses exactly one counts for
 * that filter's values only. Read from the groups of actions with the same values.
 */
const VALUE_COUNTS = sql`(select coalesce(json_object_agg(k, n), '{}') from (
      select k, sum(n)::int as n
      from (select facet_text, missed, sum(n) as n from groups where s_all and length(missed) <= 1 group by 1, 2) g, unnest(${keysOf("g.facet_text")}) as k
      where missed = '' or left(k, 1) = missed group by k
    ) x)`;

/** The one value a statement answers (its column `data`; JSON comes parsed or as text, by driver). */
async function readData<T>(statement: SQL): Promise<T> {
  const db = await getDb();
  const result = (await db.execute(statement)) as unknown as { rows: { data: unknown }[] };
  const raw = result.rows[0]!.data;
  return (typeof raw === "string" ? JSON.parse(raw) : raw) as T;
}

/** How many actions diffused on `today` match (for the alternatives offered to an empty search). */
export async function countSearch(context: Context): Promise<number> {
  return readData<number>(sql`${matching(context, true)} select count(*)::int as data from scored where ${HIT}`);
}

interface Counted {
  total: number;
  placesOnly: number;
  department: Record<string, number>;
  values: Record<string, number>;
}

/** The total, the actions with places and the counts per department and per filter value. */
function countsStatement(context: Context): SQL {
  return sql`${groupsSql(context)}
    select json_build_object(
      'total', (select coalesce(sum(n) filter (where ${HIT}), 0)::int from groups),
      'placesOnly', (select coalesce(sum(n) filter (where s_places and missed = ''), 0)::int from groups),
      'department', ${departmentCounts(context)},
      'values', ${VALUE_COUNTS}
    ) as data`;
}

/** The page asked for, in the order asked for, each hit with the towns of its sessions that match. */
function pageStatement(context: Context, sort: Sort): SQL {
  const { filters } = context;
  const order = orderSql(sort, context.today);
  return sql`${matching(context, true)},
    page as (
      select action_id, next_start, distance, row_number() over (order by ${order}) as ord from (
        select action_id, next_start, distance, rank, title
        from scored where ${HIT} order by ${order} limit ${PAGE_SIZE} offset ${(filters.page - 1) * PAGE_SIZE}
      ) top
    )
    select coalesce(json_agg(json_build_object(
        'actionId', ${pa.actionId}, 'slug', ${pa.slug}, 'title', ${pa.title}, 'objectives', ${pa.objectives},
        'permanentEntry', ${pa.permanentEntry}, 'organisationId', organisations.id, 'organisationName', organisations.name, 'organisationSlug', organisations.slug,
        'nextStartDate', page.next_start, 'distance', page.distance,
        'towns', coalesce(towns.names, '{}')
      ) order by page.ord), '[]') as data
    from page join ${pa} on ${pa.actionId} = page.action_id join organisations on organisations.id = ${pa.organisationId}
    left join (
      select page_sessions.action_id, array_agg(distinct communes.name order by communes.name) as names
      from (${sessionsOf(context, sql`(${actionsSql(null, sql`${sa.actionId} in (select action_id from page)`)}) page_actions`)}) page_sessions
      join communes on communes.insee_code = page_sessions.commune_insee
      where in_place and in_dates and (open or ${!filters.placesOnly}) group by 1
    ) towns on towns.action_id = page.action_id`;
}

/**
 * One page of the actions diffused on `today` that match, their total and the counts per filter
 * value. The counts read every match and the page only the hits, each in a statement of its own:
 * sent together, they run side by side on two connections of the pool (PGlite answers them one
 * after the other). Each reads its own snapshot: should a change committed between the two make
 * them disagree (a total of 0 above hits, or a page the total says exists without its hits), the
 * search is asked again, once.
 */
export async function runSearch(context: Context): Promise<SearchPage> {
  const sort = sortOf(context.filters, context.town !== null);
  const read = () => Promise.all([readData<Counted>(countsStatement(context)), readData<SearchHit[]>(pageStatement(context, sort))]);
  let [counted, hits] = await read();
  if (hits.length !== pageLength(counted.total, context.filters.page)) [counted, hits] = await read();
  const facets: Facets = { department: counted.department, ...countsByFilter(counted.values), placesOnly: counted.placesOnly };
  return {
    total: counted.total,
    hits: hits.map((h) => ({ ...h, towns: h.towns ?? [], distance: h.distance === null ? null : Math.round(h.distance * 10) / 10 })),
    facets,
    sort,
  };
}
