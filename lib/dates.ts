// Calendar dates of the domain are ISO strings (YYYY-MM-DD) in Europe/Paris: a session starts
// on a day, not at an instant, and "J+8" counts calendar days where the centre is.

export const PARIS = "Europe/Paris";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const parisDayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in Paris at the given instant. */
export function parisDate(at: Date = new Date()): string {
  return parisDayFormat.format(at);
}

function toUtcDate(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not an ISO date: ${iso}`);
  return new Date(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  const date = toUtcDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The number of days from `from` to `to` (ISO dates; negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
}

/** Adds calendar months, clamping to the last day of the month (31 January + 1 month = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const date = toUtcDate(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

const longFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const dayMonthFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });
const dayMonthYearFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** « lundi 1 mars 2027 » */
export function formatLongDate(iso: string): string {
  return longFormat.format(toUtcDate(iso));
}

/** « 12 mars 2026 » */
export function formatDayMonthYear(iso: string): string {
  return dayMonthYearFormat.format(toUtcDate(iso));
}

/** « du 1 mars au 30 juin 2027 », « du 3 décembre 2026 au 12 janvier 2027 », « le 4 mai 2027 » */
export function formatDateRange(start: string, end: string): string {
  if (start === end) return `le ${dayMonthYearFormat.format(toUtcDate(start))}`;
  const sameYear = start.slice(0, 4) === end.slice(0, 4);
  const from = sameYear ? dayMonthFormat.format(toUtcDate(start)) : dayMonthYearFormat.format(toUtcDate(start));
  return `du ${from} au ${dayMonthYearFormat.format(toUtcDate(end))}`;
}

const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: PARIS,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** « 26 novembre 2026 à 19:40 », in Paris time. */
export function formatDateTime(at: Date): string {
  return dateTimeFormat.format(at);
}
