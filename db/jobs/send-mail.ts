import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { mailOutbox } from "@/db/schema";
import type { JobContext, JobOutcome } from "@/db/jobs/runner";
import type { Transport } from "@/lib/mail/transport";

/** After this many tries a mail is marked failed (and shown to admins, who may send it again). */
export const MAX_ATTEMPTS = 5;
const BATCH = 50;
/** Growing delays between tries: 1, 5, 30 minutes, then 2 hours. */
const RETRY_DELAYS_MINUTES = [1, 5, 30, 120];
/** A claim older than this was interrupted (a crash): the mail may have left, so it is not sent again. */
const STUCK_AFTER_MINUTES = 15;

function retryAt(now: Date, attempts: number): Date {
  const minutes = RETRY_DELAYS_MINUTES[Math.min(attempts - 1, RETRY_DELAYS_MINUTES.length - 1)]!;
  return new Date(now.getTime() + minutes * 60_000);
}

/**
 * Sends the mails due: claims a batch (FOR UPDATE SKIP LOCKED, so that two runs never take the
 * same mail), sends each, and marks it sent, or to retry later, or failed after MAX_ATTEMPTS.
 * Without a transport (no SMTP_URL: the demo), mails are kept for admins to read.
 */
export async function sendMail({ db, now }: JobContext, transport: Transport | null): Promise<JobOutcome> {
  const counts = { sent: 0, retried: 0, failed: 0, kept: 0, interrupted: 0 };
  const interrupted = await db
    .update(mailOutbox)
    .set({ status: "failed", lastError: "Envoi interrompu : le courriel est peut-être parti. Vérifiez auprès du destinataire avant de le renvoyer." })
    .where(and(eq(mailOutbox.status, "sending"), lt(mailOutbox.nextAttemptAt, new Date(now.getTime() - STUCK_AFTER_MINUTES * 60_000))))
    .returning({ id: mailOutbox.id });
  counts.interrupted = interrupted.length;

  for (let round = 0; round < 20; round++) {
    const claimed = await db.transaction(async (tx) => {
      const due = tx
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.status, "pending"), sql`${mailOutbox.nextAttemptAt} <= ${now.toISOString()}::timestamptz`))
        .orderBy(mailOutbox.id)
        .limit(BATCH)
        .for("update", { skipLocked: true });
      return tx
        .update(mailOutbox)
        .set({ status: transport ? "sending" : "kept", attempts: sql`${mailOutbox.attempts} + ${transport ? 1 : 0}`, nextAttemptAt: now })
        .where(inArray(mailOutbox.id, due))
        .returning();
    });
    if (claimed.length === 0) break;
    if (!transport) {
      counts.kept += claimed.length;
      continue;
    }
    for (const mail of claimed) {
      try {
        await transport({ to: mail.toAddress, subject: mail.subject, text: mail.text });
        await db.update(mailOutbox).set({ status: "sent", sentAt: new Date(), lastError: null }).where(eq(mailOutbox.id, mail.id));
        counts.sent++;
      } catch (error) {
        const lastError = error instanceof Error ? error.message.slice(0, 500) : String(error);
        const failed = mail.attempts >= MAX_ATTEMPTS;
        await db
          .update(mailOutbox)
          .set({ status: failed ? "failed" : "pending", nextAttemptAt: retryAt(now, mail.attempts), lastError })
          .where(eq(mailOutbox.id, mail.id));
        counts[failed ? "failed" : "retried"]++;
      }
    }
    if (claimed.length < BATCH) break;
  }
  return { counts, tags: [] };
}
