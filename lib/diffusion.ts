// The one rule that decides what is diffused (DESIGN.md: "Diffusion"); every public read uses it. The SQL form used by queries is in lib/diffusion-sql.ts, right next to it, and
// db/queries/catalogue.test.ts checks that both agree.

import { addDays, addMonths, parisDate } from "@/lib/dates";

/** R9: a session is withdrawn 8 calendar days (Europe/Paris) after its start date J. */
export const WITHDRAWAL_DAYS_AFTER_START = 8;
/** R8: the organisation dossier must be validated at least once every 12 months. */
export const DOSSIER_VALIDITY_MONTHS = 12;
/** R8: providers are reminded to renew their dossier from this many days before it expires. */
export const DOSSIER_REMINDER_DAYS = 60;

/** The first day on which a session starting on `startDate` is no longer diffused (J+8). */
export function sessionWithdrawalDate(startDate: string): string {
  return addDays(startDate, WITHDRAWAL_DAYS_AFTER_START);
}

export function isSessionDiffused(session: { startDate: string }, today: string): boolean {
  return today < sessionWithdrawalDate(session.startDate);
}

/** The first Paris day on which a dossier approved at `approvedAt` no longer counts as valid. */
export function dossierExpiryDate(approvedAt: Date): string {
  return addMonths(parisDate(approvedAt), DOSSIER_VALIDITY_MONTHS);
}

/**
 * True from DOSSIER_REMINDER_DAYS before `expiryDate` (the first day the dossier no longer counts),
 * and after it: the provider's pages put the renewal first, and staff review such renewals first.
 */
export function isRenewalDue(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && today >= addDays(expiryDate, -DOSSIER_REMINDER_DAYS);
}

export interface DossierState {
  /** The last approval of the organisation's dossier. */
  dossierApprovedAt: Date | null;
  /** When the dossier now waiting for staff was sent, if one is. */
  dossierSubmittedAt: Date | null;
}

/**
 * R8: valid for 12 months after the last approval. A renewal sent before the expiry keeps it
 * valid while staff review it: a slow review never withdraws a diligent provider.
 */
export function isDossierValid({ dossierApprovedAt, dossierSubmittedAt }: DossierState, today: string): boolean {
  if (dossierApprovedAt === null) return false;
  const expiry = dossierExpiryDate(dossierApprovedAt);
  return today < expiry || (dossierSubmittedAt !== null && parisDate(dossierSubmittedAt) < expiry);
}

export interface DiffusionInput {
  /** The action has an approved revision (it is in the published catalogue). */
  approved: boolean;
  archivedAt: Date | null;
  organisation: DossierState & { archivedAt: Date | null };
  permanentEntry: boolean;
  sessions: { startDate: string }[];
}

export interface DiffusionResult {
  diffused: boolean;
  /** The sessions that are still shown, in the order given. */
  sessions: { startDate: string }[];
  reason: "diffused" | "not-approved" | "archived" | "dossier-expired" | "no-session";
}

export function diffusionOf<T extends DiffusionInput>(
  action: T,
  today: string,
): { diffused: boolean; sessions: T["sessions"]; reason: DiffusionResult["reason"] } {
  const sessions = action.sessions.filter((s) => isSessionDiffused(s, today));
  if (!action.approved) return { diffused: false, sessions: [], reason: "not-approved" };
  if (action.archivedAt || action.organisation.archivedAt) return { diffused: false, sessions: [], reason: "archived" };
  if (!isDossierValid(action.organisation, today)) {
    return { diffused: false, sessions: [], reason: "dossier-expired" };
  }
  if (sessions.length === 0 && !action.permanentEntry) return { diffused: false, sessions, reason: "no-session" };
  return { diffused: true, sessions, reason: "diffused" };
}

/** Equivalent form for queries: a session is diffused when it starts on or after this day. */
export function earliestDiffusedStartDate(today: string): string {
  return addDays(today, 1 - WITHDRAWAL_DAYS_AFTER_START);
}
