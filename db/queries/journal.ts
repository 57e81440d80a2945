import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { AuditEvent } from "@/db/queries/audit";
import { actionRevisions, actions, auditLog, organisations, users, type UserRole } from "@/db/schema";
import { PARIS } from "@/lib/dates";

// The audit log for staff (« Journal »): every entry, newest first, filtered, paged with a keyset
// on (at, id) so that a deep page costs what the first one does and an entry written meanwhile
// never shifts a page. Indexes: audit_log (at, id), (event, at, id), (actor_id, at, id), and
// (entity_type, entity_id, at) for one action or organisation.

export interface JournalFilters {
  organisationId?: string;
  actionId?: string;
  userId?: string;
  event?: AuditEvent;
  /** Paris days, both included. */
  from?: string;
  to?: string;
}

/** Entries older than the entry `before`, or newer than the entry `after` (audit_log ids). */
export type JournalCursor = { before: number } | { after: number } | null;

export const JOURNAL_PAGE_SIZE = 50;

/** What an entry's details may show: the log holds no secret, and only these keys ever leave it. */
export interface JournalDetails {
  revisionId?: string;
  dossierId?: string;
  title?: string;
  reason?: string;
  formacodes?: string[];
  quickUpdate?: boolean;
  confirmedUnchanged?: boolean;
  duplicatedFrom?: string;
  copy?: string;
  /** A role change: from and to. */
  from?: string;
  to?: string;
  /** The password was chosen in place of temporary codes. */
  forced?: boolean;
  /** A login lock: what was locked (identifier or address), from where, after how many failures. */
  scope?: string;
  identifier?: string;
  address?: string;
  failures?: number;
  windowMinutes?: number;
  lockedMinutes?: number;
  /** « Se déconnecter de tous les appareils »: how many sessions ended. */
  sessions?: number;
}

export interface JournalEntry {
  id: number;
  at: Date;
  event: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string; role: UserRole } | null;
  /** The organisation concerned: the entry's own, or the one of its action. */
  organisation: { id: string; name: string } | null;
  action: { id: string; title: string } | null;
  /** The account an entry about an account concerns. */
  account: { id: string; name: string; role: UserRole } | null;
  /** The revision the entry is about, with its status now (a draft cannot be opened by staff). */
  revision: { id: string; status: string } | null;
  details: JournalDetails;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function safeDetails(raw: Record<string, unknown> | null): JournalDetails {
  if (!raw) return {};
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const flag = (key: string) => (raw[key] === true ? true : undefined);
  const count = (key: string) => (typeof raw[key] === "number" && Number.isInteger(raw[key]) ? (raw[key] as number) : undefined);
  const codes = Array.isArray(raw.formacodes) ? raw.formacodes.filter((c): c is string => typeof c === "string") : undefined;
  const details: JournalDetails = {
    revisionId: text("revisionId"),
    dossierId: text("dossierId"),
    title: text("title"),
    reason: text("reason"),
    formacodes: codes,
    quickUpdate: flag("quickUpdate"),
    confirmedUnchanged: flag("confirmedUnchanged"),
    duplicatedFrom: text("duplicatedFrom"),
    copy: text("copy"),
    from: text("from"),
    to: text("to"),
    forced: flag("forced"),
    scope: text("scope"),
    identifier: text("identifier"),
    address: text("address"),
    failures: count("failures"),
    windowMinutes: count("windowMinutes"),
    lockedMinutes: count("lockedMinutes"),
    sessions: count("sessions"),
  };
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined)) as JournalDetails;
}

/** The WHERE clause of the filters (the cursor apart). */
export function journalFilterSql(filters: JournalFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.event) conditions.push(eq(auditLog.event, filters.event));
  if (filters.userId) conditions.push(eq(auditLog.actorId, filters.userId));
  if (filters.actionId) conditions.push(and(eq(auditLog.entityType, "action"), eq(auditLog.entityId, filters.actionId)));
  if (filters.organisationId) {
    const itsActions = sql`(select ${actions.id}::text from ${actions} where ${actions.organisationId} = ${filters.organisationId})`;
    const itsAccounts = sql`(select ${users.id}::text from ${users} where ${users.organisationId} = ${filters.organisationId})`;
    conditions.push(
      or(
        and(eq(auditLog.entityType, "organisation"), eq(auditLog.entityId, filters.organisationId)),
        and(eq(auditLog.entityType, "action"), sql`${auditLog.entityId} in ${itsActions}`),
        and(eq(auditLog.entityType, "user"), sql`${auditLog.entityId} in ${itsAccounts}`),
      ),
    );
  }
  // Paris days: from midnight of the first to midnight after the last, whatever the offset that day.
  if (filters.from) conditions.push(sql`${auditLog.at} >= (${filters.from}::date)::timestamp at time zone ${PARIS}`);
  if (filters.to) conditions.push(sql`${auditLog.at} < (${filters.to}::date + 1)::timestamp at time zone ${PARIS}`);
  return and(...conditions);
}

const cursorRow = (id: number) => sql`((select ${auditLog.at} from ${auditLog} where ${auditLog.id} = ${id}), ${id}::bigint)`;

/** One page of raw entries; the SQL is built here so that benchmarks can show its plan. */
export function journalPageQuery(db: Awaited<ReturnType<typeof getDb>>, filters: JournalFilters, cursor: JournalCursor, limit: number) {
  const newer = cursor !== null && "after" in cursor;
  const keyset = cursor === null ? undefined : newer ? sql`(${auditLog.at}, ${auditLog.id}) > ${cursorRow(cursor.after)}` : sql`(${auditLog.at}, ${auditLog.id}) < ${cursorRow(cursor.before)}`;
  const order = newer ? [asc(auditLog.at), asc(auditLog.id)] : [desc(auditLog.at), desc(auditLog.id)];
  return db
    .select()
    .from(auditLog)
    .where(and(journalFilterSql(filters), keyset))
    .orderBy(...order)
    .limit(limit);
}

type RawEntry = typeof auditLog.$inferSelect;

/** Names and titles for a page of entries: who acted, on which organisation, action and revision. */
async function describe(rows: RawEntry[]): Promise<JournalEntry[]> {
  const db = await getDb();
  const accountIds = new Set(rows.filter((r) => r.entityType === "user" && UUID.test(r.entityId)).map((r) => r.entityId));
  const actorIds = [...new Set([...rows.map((r) => r.actorId).filter((id): id is string => id !== null), ...accountIds])];
  const actionIds = [...new Set(rows.filter((r) => r.entityType === "action" && UUID.test(r.entityId)).map((r) => r.entityId))];
  const organisationIds = [...new Set(rows.filter((r) => r.entityType === "organisation" && UUID.test(r.entityId)).map((r) => r.entityId))];
  const revisionIds = [...new Set(rows.map((r) => safeDetails(r.details).revisionId).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const latestTitle = sql<string>`(select ${actionRevisions.content}->>'title' from ${actionRevisions} where ${actionRevisions.actionId} = ${actions.id} order by ${actionRevisions.number} desc limit 1)`;
  const [actors, actionRows, organisationRows, revisionRows] = await Promise.all([
    actorIds.length
      ? db
          .select({ id: users.id, name: users.displayName, role: users.role, organisationId: users.organisationId, organisationName: organisations.name })
          .from(users)
          .leftJoin(organisations, eq(organisations.id, users.organisationId))
          .where(inArray(users.id, actorIds))
      : [],
    actionIds.length
      ? db
          .select({ id: actions.id, title: latestTitle, organisationId: organisations.id, organisationName: organisations.name })
          .from(actions)
          .innerJoin(organisations, eq(organisations.id, actions.organisationId))
          .where(inArray(actions.id, actionIds))
      : [],
    organisationIds.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, organisationIds)) : [],
    revisionIds.length
      ? db.select({ id: actionRevisions.id, status: actionRevisions.status, title: sql<string>`${actionRevisions.content}->>'title'` }).from(actionRevisions).where(inArray(actionRevisions.id, revisionIds))
      : [],
  ]);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const actionById = new Map(actionRows.map((a) => [a.id, a]));
  const organisationById = new Map(organisationRows.map((o) => [o.id, o]));
  const revisionById = new Map(revisionRows.map((r) => [r.id, r]));
  return rows.map((row) => {
    const details = safeDetails(row.details);
    const action = row.entityType === "action" ? actionById.get(row.entityId) : undefined;
    const revision = details.revisionId ? revisionById.get(details.revisionId) : undefined;
    const account = row.entityType === "user" ? actorById.get(row.entityId) : undefined;
    const organisation = action
      ? { id: action.organisationId, name: action.organisationName }
      : row.entityType === "organisation"
        ? organisationById.get(row.entityId)
        : account?.organisationId
          ? { id: account.organisationId, name: account.organisationName ?? "" }
          : undefined;
    const person = (user: typeof actors[number] | undefined) => (user ? { id: user.id, name: user.name, role: user.role } : null);
    return {
      id: row.id,
      at: row.at,
      event: row.event,
      entityType: row.entityType,
      entityId: row.entityId,
      actor: row.actorId ? person(actorById.get(row.actorId)) : null,
      organisation: organisation ?? null,
      // The title as the entry recorded it, else the revision's, else the action's latest.
      action: action ? { id: action.id, title: details.title ?? revision?.title ?? action.title } : null,
      account: person(account),
      revision: revision ? { id: revision.id, status: revision.status } : null,
      details,
    };
  });
}

export interface JournalPage {
  entries: JournalEntry[];
  /** Cursor of the next page towards older entries, or null at the end. */
  older: number | null;
  /** Cursor of the page of newer entries, or null on the first page. */
  newer: number | null;
}

export async function listJournal({ filters, cursor = null, limit = JOURNAL_PAGE_SIZE }: { filters: JournalFilters; cursor?: JournalCursor; limit?: number }): Promise<JournalPage> {
  const db = await getDb();
  const rows = await journalPageQuery(db, filters, cursor, limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (cursor !== null && "after" in cursor) {
    // Nothing newer beyond this page: it is the first page, shown whole.
    if (!more) return listJournal({ filters, cursor: null, limit });
    page.reverse();
    return { entries: await describe(page), older: page.at(-1)!.id, newer: page[0]!.id };
  }
  return {
    entries: await describe(page),
    older: more ? page.at(-1)!.id : null,
    newer: cursor === null ? null : (page[0]?.id ?? cursor.before),
  };
}

/** Every entry the filters select, newest first, read page by page (for the CSV export). */
export async function* allJournalEntries({ filters, batch = 1000 }: { filters: JournalFilters; batch?: number }): AsyncGenerator<JournalEntry> {
  const db = await getDb();
  let cursor: JournalCursor = null;
  for (;;) {
    const rows = await journalPageQuery(db, filters, cursor, batch);
    if (rows.length === 0) return;
    yield* await describe(rows);
    if (rows.length < batch) return;
    cursor = { before: rows.at(-1)!.id };
  }
}

/**
 * The filters and cursor with every id checked against the database: an organisation, action,
 * person or entry that does not exist is dropped (the page then shows what it would without it).
 * Also returns the names to show for the chosen action and person.
 */
export async function resolveJournalQuery({ filters, cursor }: { filters: JournalFilters; cursor: JournalCursor }) {
  const db = await getDb();
  const cursorId = cursor === null ? null : "before" in cursor ? cursor.before : cursor.after;
  const [organisation, action, user, entry] = await Promise.all([
    filters.organisationId ? db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, filters.organisationId)) : [],
    filters.actionId
      ? db
          .select({ id: actionRevisions.actionId, title: sql<string>`${actionRevisions.content}->>'title'` })
          .from(actionRevisions)
          .where(eq(actionRevisions.actionId, filters.actionId))
          .orderBy(desc(actionRevisions.number))
          .limit(1)
      : [],
    filters.userId ? db.select({ id: users.id, name: users.displayName, role: users.role }).from(users).where(eq(users.id, filters.userId)) : [],
    cursorId !== null ? db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, cursorId)) : [],
  ]);
  const resolved: JournalFilters = { ...filters };
  if (organisation.length === 0) delete resolved.organisationId;
  if (action.length === 0) delete resolved.actionId;
  if (user.length === 0) delete resolved.userId;
  return {
    filters: resolved,
    cursor: entry.length > 0 ? cursor : null,
    action: action[0] ?? null,
    user: user[0] ?? null,
  };
}

/** The choices of the filter form: every organisation, and the staff (whose decisions are looked for most). */
export async function listJournalFilterOptions() {
  const db = await getDb();
  const [organisationOptions, staff] = await Promise.all([
    db.select({ id: organisations.id, name: organisations.name }).from(organisations).orderBy(asc(organisations.name), asc(organisations.id)),
    db
      .select({ id: users.id, name: users.displayName, role: users.role })
      .from(users)
      .where(inArray(users.role, ["staff", "admin"]))
      .orderBy(asc(users.displayName), asc(users.id)),
  ]);
  return { organisations: organisationOptions, staff };
}
