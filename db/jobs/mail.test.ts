// Mail: written in the transaction of the event that causes it, then sent by the send-mail job —
// retried with growing delays, never lost, never sent twice — on the real database.

import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { runScheduledJob } from "@/db/jobs";
import { MAX_ATTEMPTS } from "@/db/jobs/send-mail";
import { saveActionContent } from "@/db/queries/action-writes";
import { enqueueMail } from "@/db/queries/mail";
import { rejectRevision } from "@/db/queries/review";
import { mailOutbox } from "@/db/schema";
import { actionContent, createProviderAndStaff, openRevisionId, publishAction } from "@/db/test-utils/fixtures";
import type { Transport } from "@/lib/mail/transport";

const MINUTE = 60_000;

async function queueOne(subject: string) {
  const db = await getDb();
  await enqueueMail(db, [{ kind: "test", to: { address: "organisme@example.org" }, message: { subject, text: `Texte de ${subject}` } }]);
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.subject, subject));
  return row!.id;
}

async function mail(id: number) {
  const db = await getDb();
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row!;
}

/** A transport that refuses the given subjects `failures` times, then delivers; it records every delivery. */
function flakyTransport(failures: number) {
  const delivered: string[] = [];
  const tries = new Map<string, number>();
  const transport: Transport = async ({ subject }) => {
    const attempt = (tries.get(subject) ?? 0) + 1;
    tries.set(subject, attempt);
    if (attempt <= failures) throw new Error(`421 Service temporairement indisponible (essai ${attempt})`);
    delivered.push(subject);
  };
  return { transport, delivered };
}

describe("send-mail", () => {
  it("a mail that fails twice then succeeds is sent exactly once", async () => {
    const subject = `Essai ${crypto.randomUUID()}`;
    const id = await queueOne(subject);
    const { transport, delivered } = flakyTransport(2);
    let now = new Date(Date.now() + MINUTE);

    await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
    expect(await mail(id)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("essai 1") });
    // Not retried before its delay.
    await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
    expect((await mail(id)).attempts).toBe(1);

    now = new Date(now.getTime() + 2 * MINUTE);
    await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
    expect(await mail(id)).toMatchObject({ status: "pending", attempts: 2 });
    now = new Date(now.getTime() + 10 * MINUTE);
    await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
    expect(await mail(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });

    now = new Date(now.getTime() + 240 * MINUTE);
    await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
    expect(delivered.filter((s) => s === subject)).toEqual([subject]);
  });

  it("gives up after the last try, and keeps the mail for admins to resend", async () => {
    const subject = `Refusé ${crypto.randomUUID()}`;
    const id = await queueOne(subject);
    const { transport, delivered } = flakyTransport(100);
    let now = new Date(Date.now() + MINUTE);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport });
      now = new Date(now.getTime() + 300 * MINUTE);
    }
    expect(await mail(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(delivered).toEqual([]);
  });

  it("never sends a mail twice when two runs overlap", async () => {
    const subjects = await Promise.all(Array.from({ length: 8 }, (_, i) => `Parallèle ${i} ${crypto.randomUUID()}`).map(async (s) => (await queueOne(s), s)));
    const delivered: string[] = [];
    const slow: Transport = async ({ subject }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      delivered.push(subject);
    };
    const now = new Date(Date.now() + MINUTE);
    await Promise.all([
      runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport: slow }),
      runScheduledJob("send-mail", { asOf: "2030-01-01", now, trigger: "test", transport: slow }),
    ]);
    const mine = delivered.filter((s) => subjects.includes(s));
    expect(mine.sort()).toEqual([...subjects].sort());
  });

  it("without a mail server, keeps the mails for admins to read", async () => {
    const id = await queueOne(`Démo ${crypto.randomUUID()}`);
    await runScheduledJob("send-mail", { asOf: "2030-01-01", now: new Date(Date.now() + MINUTE), trigger: "test", transport: null });
    expect(await mail(id)).toMatchObject({ status: "kept", attempts: 0 });
  });
});

describe("decision mails", () => {
  it("are queued with the decision, to the organisation's users, with the reason or the link", async () => {
    const people = await createProviderAndStaff();
    const rejectedId = await saveActionContent({ organisationId: people.organisation.id, actor: people.providerActor, content: actionContent(), submit: true });
    const reason = "Le programme ne précise pas la durée des stages en entreprise.";
    await rejectRevision({ revisionId: await openRevisionId(rejectedId), actor: people.staffActor, reason });
    const { slug } = await publishAction({ organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor });

    const db = await getDb();
    const mails = await db
      .select({ kind: mailOutbox.kind, to: mailOutbox.toAddress, text: mailOutbox.text })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toUserId, people.provider.id), inArray(mailOutbox.kind, ["decision-rejected", "decision-approved"])))
      .orderBy(mailOutbox.id);
    expect(mails.map((m) => [m.kind, m.to])).toEqual([
      ["decision-rejected", people.provider.email],
      ["decision-approved", people.provider.email],
    ]);
    expect(mails[0]!.text).toContain(reason);
    expect(mails[1]!.text).toContain(`/formations/${slug}`);
  });
});
