import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database, Transaction } from "@/db/client";
import { mailOutbox, users } from "@/db/schema";
import type { MailMessage } from "@/lib/mail/messages";

type Executor = Database | Transaction;

export interface QueuedMail {
  kind: string;
  to: { address: string; userId?: string | null };
  message: MailMessage;
  /** Given for mails that must go out once only (a reminder): a second queuing is ignored. */
  dedupeKey?: string;
}

/** Queues mails in the caller's transaction: they exist only if the event that causes them does. */
export async function enqueueMail(tx: Executor, mails: QueuedMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const inserted = await tx
    .insert(mailOutbox)
    .values(
      mails.map((m) => ({
        kind: m.kind,
        toAddress: m.to.address,
        toUserId: m.to.userId ?? null,
        subject: m.message.subject,
        text: m.message.text,
        dedupeKey: m.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return inserted.length;
}

/** The active users of an organisation who have an e-mail address: whom its mails go to. */
export async function organisationRecipients(tx: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return tx
    .select({ id: users.id, email: users.email, name: users.displayName, organisationId: users.organisationId })
    .from(users)
    .where(and(inArray(users.organisationId, organisationIds), eq(users.role, "provider"), isNull(users.disabledAt), isNotNull(users.email)))
    .then((rows) => rows.filter((r): r is typeof r & { email: string; organisationId: string } => Boolean(r.email && r.organisationId)));
}

/** Queues a mail to each of the organisation's users, in the caller's transaction (a decision). */
export async function notifyOrganisation(tx: Executor, organisationId: string, kind: string, message: MailMessage) {
  const recipients = await organisationRecipients(tx, [organisationId]);
  await enqueueMail(tx, recipients.map((user) => ({ kind, to: { address: user.email, userId: user.id }, message })));
}

/** The mails for admins to read (`/gestion/courriels`), newest first, keyset-paginated by id. */
export async function listMails({ before, limit = 50 }: { before?: number; limit?: number } = {}) {
  const db = await getDb();
  return db
    .select()
    .from(mailOutbox)
    .where(before ? lt(mailOutbox.id, before) : sql`true`)
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
}

/** « Renvoyer »: a mail that failed goes back to the queue, once more. */
export async function requeueMail({ id }: { id: number }) {
  const db = await getDb();
  const [row] = await db
    .update(mailOutbox)
    .set({ status: "pending", nextAttemptAt: new Date(), attempts: 0, lastError: null })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, "failed")))
    .returning({ id: mailOutbox.id });
  return Boolean(row);
}
