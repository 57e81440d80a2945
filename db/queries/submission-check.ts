import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

// Staff decide on the submission they opened. A provider may withdraw a submission and send it
// again (the same open row, with new content) while staff are reading it: the decision then finds
// another submission time and is refused, instead of approving content nobody has seen.

/** The row's submission is the one sent at `submittedAt` (any, when the caller names none). */
export function isSubmissionOf(column: AnyPgColumn, submittedAt: string | undefined): SQL {
  return submittedAt === undefined ? sql`true` : sql`date_trunc('milliseconds', ${column}) = ${submittedAt}::timestamptz`;
}

export const RESUBMITTED_MESSAGE =
  "L’organisme a retiré puis renvoyé cette demande depuis que vous l’avez ouverte : rechargez la page pour examiner ce qu’il a envoyé.";
