// What the scheduled jobs and the decisions recorded about an action's presence on the site
// (db/schema.ts `diffusion_changes`), in the words the provider reads in the action's history.

import { formatDayMonthYear } from "@/lib/dates";
import { WITHDRAWAL_DAYS_AFTER_START } from "@/lib/diffusion";

export interface DiffusionChange {
  entity: "session" | "action" | "organisation";
  change: "left" | "returned";
  reason: string;
  /** The session's start date, for a session. */
  sessionStart: string | null;
  /** The Paris day on which the change took effect. */
  onDate: string;
}

const LEFT_BECAUSE: Record<string, string> = {
  "no-session": "plus aucune session à venir",
  "dossier-expired": "le dossier de l’organisme est à renouveler",
  archived: "l’action est archivée",
};

/** One sentence per recorded change, e.g. « Session du 2 décembre 2026 retirée du site le 10 décembre 2026, 8 jours après son début ». */
export function describeDiffusionChange(change: DiffusionChange): string {
  const on = formatDayMonthYear(change.onDate);
  if (change.entity === "session") {
    const session = change.sessionStart ? `Session du ${formatDayMonthYear(change.sessionStart)}` : "Session";
    return change.reason === "j8"
      ? `${session} retirée du site le ${on}, ${WITHDRAWAL_DAYS_AFTER_START}\u00a0jours après son début`
      : `${session} retirée du site le ${on}`;
  }
  if (change.change === "returned") return `Action de nouveau sur le site le ${on}`;
  const why = LEFT_BECAUSE[change.reason];
  return why ? `Action retirée du site le ${on}\u00a0: ${why}` : `Action retirée du site le ${on}`;
}
