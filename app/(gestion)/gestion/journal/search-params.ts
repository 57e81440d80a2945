// The journal's address: its filters and cursor as GET parameters (the filter form works without
// JavaScript), read back with every value checked. A value that cannot be right is ignored rather
// than refused, and a date out of any sensible range is brought back into it: a hand-edited or
// old link still opens the journal.

import type { AuditEvent } from "@/db/queries/audit";
import type { JournalCursor, JournalFilters } from "@/db/queries/journal";
import { EVENT_LABELS } from "@/app/(gestion)/gestion/journal/labels";
import { isIsoDate } from "@/lib/dates";

export const PARAM = {
  organisation: "organisme",
  action: "action",
  user: "personne",
  event: "evenement",
  from: "du",
  to: "au",
  before: "avant",
  after: "apres",
} as const;

/** No entry is older than the product; nothing is logged after today. */
export const EARLIEST_DAY = "2000-01-01";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRY_ID = /^[1-9]\d{0,15}$/;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function read(params: Params, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

function uuid(value: string | undefined) {
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** A day written YYYY-MM-DD; one before EARLIEST_DAY or after today is brought back to it. */
function day(value: string | undefined, today: string) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  if (value < EARLIEST_DAY) return EARLIEST_DAY;
  if (value > today) return today;
  return isIsoDate(value) ? value : undefined;
}

function entryId(value: string | undefined) {
  if (!value || !ENTRY_ID.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function isAuditEvent(value: string | undefined): value is AuditEvent {
  return value !== undefined && Object.hasOwn(EVENT_LABELS, value);
}

export function parseJournalParams(params: Params, today: string): { filters: JournalFilters; cursor: JournalCursor } {
  const event = read(params, PARAM.event);
  let from = day(read(params, PARAM.from), today);
  let to = day(read(params, PARAM.to), today);
  if (from && to && from > to) [from, to] = [to, from];
  const filters: JournalFilters = {
    organisationId: uuid(read(params, PARAM.organisation)),
    actionId: uuid(read(params, PARAM.action)),
    userId: uuid(read(params, PARAM.user)),
    event: isAuditEvent(event) ? event : undefined,
    from,
    to,
  };
  for (const key of Object.keys(filters) as (keyof JournalFilters)[]) if (filters[key] === undefined) delete filters[key];
  const before = entryId(read(params, PARAM.before));
  const after = entryId(read(params, PARAM.after));
  return { filters, cursor: before !== undefined ? { before } : after !== undefined ? { after } : null };
}

/** The filters as GET parameters, in the form's order. */
export function journalSearch(filters: JournalFilters, cursor: JournalCursor = null): string {
  const search = new URLSearchParams();
  const set = (name: string, value: string | number | undefined) => value !== undefined && search.set(name, String(value));
  set(PARAM.organisation, filters.organisationId);
  set(PARAM.action, filters.actionId);
  set(PARAM.user, filters.userId);
  set(PARAM.event, filters.event);
  set(PARAM.from, filters.from);
  set(PARAM.to, filters.to);
  if (cursor && "before" in cursor) set(PARAM.before, cursor.before);
  if (cursor && "after" in cursor) set(PARAM.after, cursor.after);
  const text = search.toString();
  return text ? `?${text}` : "";
}
