import "server-only";
import { listDossierQueue } from "@/db/queries/dossiers";
import { listValidationQueue } from "@/db/queries/review";
import { dossierExpiryDate, isRenewalDue } from "@/lib/diffusion";
import { parisDate } from "@/lib/dates";
import { workingDaysBetween } from "@/lib/working-days";

/** Staff answer within 5 working days: items waiting longer stand out. */
export const LATE_AFTER_WORKING_DAYS = 5;

export interface QueueFilters {
  kind?: "action" | "dossier";
  organisationId?: string;
  /** Only minor changes (places, recruitment), or only the others. */
  minor?: boolean;
  /** Only the items waiting more than LATE_AFTER_WORKING_DAYS. */
  late?: boolean;
}

export interface QueueItem {
  kind: "action" | "dossier";
  id: string;
  href: string;
  title: string;
  organisationId: string;
  organisationName: string;
  submittedAt: Date | null;
  firstEnteredAt: Date | null;
  /** Working days since it was sent. */
  waitingDays: number;
  late: boolean;
  isUpdate: boolean;
  minorChange: boolean;
  quickUpdate: boolean;
  /** Dossiers: the first day the current dossier no longer counts (null: never approved). */
  expiry: string | null;
  confirmedUnchanged: boolean;
  /** A renewal of a dossier close to (or past) its expiry: listed first, soonest expiry first. */
  urgent: boolean;
}

/**
 * Action revisions and organisation dossiers waiting for staff in one list: renewals of dossiers
 * close to their expiry first (R8), then the oldest submission first.
 */
export async function listReviewQueue({ filters = {}, today }: { filters?: QueueFilters; today: string }) {
  // Both lists whatever the filters: `total` is the whole queue, so that a filter that leaves
  // nothing never reads « Rien n’attend de validation » while other items wait.
  const [revisions, dossiers] = await Promise.all([listValidationQueue(), listDossierQueue()]);
  const waiting = (at: Date | null) => (at ? workingDaysBetween(parisDate(at), today) : 0);
  const items: QueueItem[] = [
    ...revisions.map((r) => ({
      kind: "action" as const,
      id: r.revisionId,
      href: `/gestion/validation/${r.revisionId}`,
      title: r.title,
      organisationId: r.organisationId,
      organisationName: r.organisationName,
      submittedAt: r.submittedAt,
      firstEnteredAt: r.firstEnteredAt,
      waitingDays: waiting(r.submittedAt),
      late: waiting(r.submittedAt) > LATE_AFTER_WORKING_DAYS,
      isUpdate: r.isUpdate,
      minorChange: r.minorChange,
      quickUpdate: r.quickUpdate,
      expiry: null,
      confirmedUnchanged: false,
      urgent: false,
    })),
    ...dossiers.map((d) => {
      const expiry = d.dossierApprovedAt ? dossierExpiryDate(d.dossierApprovedAt) : null;
      return {
        kind: "dossier" as const,
        id: d.dossierId,
        href: `/gestion/dossiers/${d.dossierId}`,
        title: `Dossier de ${d.organisationName}`,
        organisationId: d.organisationId,
        organisationName: d.organisationName,
        submittedAt: d.submittedAt,
        firstEnteredAt: null,
        waitingDays: waiting(d.submittedAt),
        late: waiting(d.submittedAt) > LATE_AFTER_WORKING_DAYS,
        isUpdate: expiry !== null,
        minorChange: false,
        quickUpdate: false,
        expiry,
        confirmedUnchanged: d.confirmedUnchanged,
        urgent: isRenewalDue(expiry, today),
      };
    }),
  ];
  const time = (at: Date | null) => at?.getTime() ?? 0;
  // The organisations offered are those the other filters leave something for, and the one chosen.
  const byOtherFilters = items
    .filter((i) => !filters.kind || i.kind === filters.kind)
    .filter((i) => filters.minor === undefined || i.minorChange === filters.minor)
    .filter((i) => !filters.late || i.late);
  const offered = filters.organisationId ? [...byOtherFilters, ...items.filter((i) => i.organisationId === filters.organisationId)] : byOtherFilters;
  const organisations = [...new Map(offered.map((i) => [i.organisationId, i.organisationName])).entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
  const shown = byOtherFilters
    .filter((i) => !filters.organisationId || i.organisationId === filters.organisationId)
    .sort((a, b) => {
      if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
      if (a.urgent && b.urgent && a.expiry !== b.expiry) return (a.expiry ?? "") < (b.expiry ?? "") ? -1 : 1;
      return time(a.submittedAt) - time(b.submittedAt) || a.id.localeCompare(b.id);
    });
  return { items: shown, total: items.length, organisations };
}
