import "server-only";
import { expireDossiers } from "@/db/jobs/expire-dossiers";
import { reorderSearch } from "@/db/jobs/reorder-search";
import { runJob, type JobName, type JobTrigger, type RunResult } from "@/db/jobs/runner";
import { sendMail } from "@/db/jobs/send-mail";
import { sendStaffDigest } from "@/db/jobs/staff-digest";
import { withdrawSessions } from "@/db/jobs/withdraw-sessions";
import { smtpTransport, type Transport } from "@/lib/mail/transport";

export { isJobName, JOB_NAMES, type JobName } from "@/db/jobs/runner";

/**
 * Runs a scheduled job as of a Paris day and records the run. `transport` replaces the SMTP
 * transport of SMTP_URL for the mail job (tests).
 */
export async function runScheduledJob(
  job: JobName,
  { asOf, now = new Date(), trigger, transport }: { asOf: string; now?: Date; trigger: JobTrigger; transport?: Transport | null },
): Promise<RunResult> {
  switch (job) {
    case "withdraw-sessions":
      return runJob(job, withdrawSessions, { asOf, now, trigger });
    case "expire-dossiers":
      return runJob(job, expireDossiers, { asOf, now, trigger });
    case "staff-digest":
      return runJob(job, sendStaffDigest, { asOf, now, trigger });
    case "reorder-search":
      return runJob(job, reorderSearch, { asOf, now, trigger });
    case "send-mail": {
      const chosen = transport === undefined ? await smtpTransport() : transport;
      return runJob(job, (context) => sendMail(context, chosen), { asOf, now, trigger });
    }
  }
}
