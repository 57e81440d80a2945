// The withdrawal (R9) and expiry (R8) jobs on the real database: what they record, that a
// second run or a concurrent run changes nothing more, and the reminders queued once.

import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { runScheduledJob } from "@/db/jobs";
import { dueReminder } from "@/db/jobs/expire-dossiers";
import { listActionHistory } from "@/db/queries/actions";
import { diffusionChanges, mailOutbox, organisationDossiers, organisations } from "@/db/schema";
import { actionContent, createProviderAndStaff, dossierContent, publishAction, sessionContent } from "@/db/test-utils/fixtures";
import { addDays, addMonths } from "@/lib/dates";

/** A day well after everything the other test files create, so that each run sees our data only as new. */
const D = "2031-06-16";

async function changesOf(actionIds: string[]) {
  const db = await getDb();
  return db
    .select({ entity: diffusionChanges.entity, change: diffusionChanges.change, reason: diffusionChanges.reason, actionId: diffusionChanges.actionId, sessionId: diffusionChanges.sessionId, onDate: diffusionChanges.onDate })
    .from(diffusionChanges)
    .where(inArray(diffusionChanges.actionId, actionIds))
    .orderBy(diffusionChanges.id);
}

/** An organisation approved `approvedAt`, with a published action whose sessions start on `starts`. */
async function published({ starts, permanentEntry = false, approvedAt = new Date(`${addDays(D, -30)}T10:00:00Z`) }: { starts: string[]; permanentEntry?: boolean; approvedAt?: Date }) {
  const people = await createProviderAndStaff({ dossierApprovedAt: approvedAt });
  const sessions = starts.map((startDate) => sessionContent({ startDate, endDate: addDays(startDate, 30) }));
  // Published as of a day when every session was still to come.
  const { actionId } = await publishAction({
    organisationId: people.organisation.id,
    provider: people.providerActor,
    staff: people.staffActor,
    content: actionContent({ sessions, permanentEntry }),
    now: new Date(`${addDays(D, -20)}T10:00:00Z`),
  });
  return { ...people, actionId, sessions };
}

describe("withdrawal at J+8 (R9)", () => {
  it("records a session that started 8 days before, not one that started 7 days before; the action leaves with its last session", async () => {
    const eight = await published({ starts: [addDays(D, -8)] });
    const seven = await published({ starts: [addDays(D, -7)] });
    const permanent = await published({ starts: [addDays(D, -8)], permanentEntry: true });

    const run = await runScheduledJob("withdraw-sessions", { asOf: D, trigger: "test" });
    expect(run.status).toBe("succeeded");

    expect(await changesOf([eight.actionId])).toEqual([
      { entity: "session", change: "left", reason: "j8", actionId: eight.actionId, sessionId: eight.sessions[0]!.id, onDate: D },
      { entity: "action", change: "left", reason: "no-session", actionId: eight.actionId, sessionId: null, onDate: D },
    ]);
    expect(await changesOf([seven.actionId])).toEqual([]);
    // Permanent entry: the session leaves, the action stays online.
    expect((await changesOf([permanent.actionId])).map((c) => c.entity)).toEqual(["session"]);
    expect(run.tags).toEqual(expect.arrayContaining(["catalogue", `action:${eight.actionId}`, `organisation:${eight.organisation.id}`]));

    // The next day the J+7 session reaches J+8.
    await runScheduledJob("withdraw-sessions", { asOf: addDays(D, 1), trigger: "test" });
    expect((await changesOf([seven.actionId])).map((c) => [c.entity, c.onDate])).toEqual([
      ["session", addDays(D, 1)],
      ["action", addDays(D, 1)],
    ]);
  });

  it("changes nothing more when run again, or twice at once", async () => {
    const day = addDays(D, 20);
    const a = await published({ starts: [addDays(day, -9), addDays(day, 30)] });
    const b = await published({ starts: [addDays(day, -10)] });
    const [first, second] = await Promise.all([
      runScheduledJob("withdraw-sessions", { asOf: day, trigger: "test" }),
      runScheduledJob("withdraw-sessions", { asOf: day, trigger: "test" }),
    ]);
    expect([first.status, second.status]).toEqual(["succeeded", "succeeded"]);
    const recorded = await changesOf([a.actionId, b.actionId]);
    expect(recorded.map((c) => [c.actionId === a.actionId ? "a" : "b", c.entity])).toEqual(
      expect.arrayContaining([
        ["a", "session"],
        ["b", "session"],
        ["b", "action"],
      ]),
    );
    expect(recorded).toHaveLength(3);

    const again = await runScheduledJob("withdraw-sessions", { asOf: day, trigger: "test" });
    expect(again.counts).toEqual({ sessionsWithdrawn: 0, actionsLeft: 0 });
    expect(await changesOf([a.actionId, b.actionId])).toHaveLength(3);
  });

  it("shows the provider, in the action's history, the session withdrawn and the action that left with it", async () => {
    const day = addDays(D, 40);
    const { actionId, organisation } = await published({ starts: [addDays(day, -8)] });
    expect((await listActionHistory({ actionId, organisationId: organisation.id }))!.diffusion).toEqual([]);

    await runScheduledJob("withdraw-sessions", { asOf: day, trigger: "test" });
    const history = await listActionHistory({ actionId, organisationId: organisation.id });
    expect(history!.diffusion).toEqual([
      { entity: "session", change: "left", reason: "j8", sessionStart: addDays(day, -8), onDate: day },
      { entity: "action", change: "left", reason: "no-session", sessionStart: null, onDate: day },
    ]);
    // Another organisation reads nothing of it.
    const other = await createProviderAndStaff();
    expect(await listActionHistory({ actionId, organisationId: other.organisation.id })).toBeNull();
  });

  it("records an action that left on a night the job missed with the day it left, and no return for a run of an earlier day", async () => {
    const day = addDays(D, 200);
    const approvedAt = new Date(`${addDays(day, -30)}T10:00:00Z`);
    const missed = await published({ starts: [addDays(day, -30)], approvedAt });
    const twoSessions = await published({ starts: [addDays(day, -14), addDays(day, -8)], approvedAt });

    await runScheduledJob("withdraw-sessions", { asOf: day, trigger: "test" });
    // Its only session reached J+8 22 days ago: the session and the action left that day.
    expect((await changesOf([missed.actionId])).map((c) => [c.entity, c.onDate])).toEqual([
      ["session", addDays(day, -22)],
      ["action", addDays(day, -22)],
    ]);
    const byDay = (rows: { entity: string; change: string; onDate: string }[]) =>
      rows.map((c) => [c.entity, c.change, c.onDate]).sort((a, b) => (a.join() < b.join() ? -1 : 1));
    expect(byDay(await changesOf([twoSessions.actionId]))).toEqual([
      ["action", "left", day],
      ["session", "left", addDays(day, -6)],
      ["session", "left", day],
    ]);

    // Run again for four days before (a catch-up, --as-of): the action was online then, and its
    // departure recorded for a later day is no reason to record it « back on the site ».
    const earlier = await runScheduledJob("withdraw-sessions", { asOf: addDays(day, -4), trigger: "test" });
    expect(earlier.status).toBe("succeeded");
    expect((await changesOf([twoSessions.actionId])).map((c) => c.change)).toEqual(["left", "left", "left"]);
  });
});

describe("dossier expiry (R8)", () => {
  const approvedOn = (day: string) => new Date(`${day}T10:00:00Z`);

  it("withdraws at 12 months, not at 12 months minus one day; a renewal sent in time keeps it online", async () => {
    const day = addDays(D, 40);
    const expiresToday = await published({ starts: [addDays(day, 30)], approvedAt: approvedOn(addMonths(day, -12)) });
    const expiresTomorrow = await published({ starts: [addDays(day, 30)], approvedAt: approvedOn(addDays(addMonths(day, -12), 1)) });
    const renewed = await published({ starts: [addDays(day, 30)], approvedAt: approvedOn(addMonths(day, -12)) });
    const db = await getDb();
    await db.insert(organisationDossiers).values({
      organisationId: renewed.organisation.id,
      number: 1,
      status: "submitted",
      content: dossierContent(),
      submittedAt: approvedOn(addDays(day, -3)),
    });

    const run = await runScheduledJob("expire-dossiers", { asOf: day, trigger: "test" });
    expect(run.status).toBe("succeeded");
    const orgChanges = await db
      .select({ organisationId: diffusionChanges.organisationId, entity: diffusionChanges.entity, change: diffusionChanges.change, reason: diffusionChanges.reason })
      .from(diffusionChanges)
      .where(inArray(diffusionChanges.organisationId, [expiresToday.organisation.id, expiresTomorrow.organisation.id, renewed.organisation.id]));
    expect(orgChanges).toEqual(
      expect.arrayContaining([
        { organisationId: expiresToday.organisation.id, entity: "organisation", change: "left", reason: "dossier-expired" },
        { organisationId: expiresToday.organisation.id, entity: "action", change: "left", reason: "dossier-expired" },
      ]),
    );
    expect(orgChanges).toHaveLength(2);
    expect(run.tags).toEqual(expect.arrayContaining([`action:${expiresToday.actionId}`, `organisation:${expiresToday.organisation.id}`]));

    // Idempotent; and a new approval is recorded as a return.
    expect((await runScheduledJob("expire-dossiers", { asOf: day, trigger: "test" })).counts.organisationsChanged).toBe(0);
    await db.update(organisations).set({ dossierApprovedAt: approvedOn(day) }).where(eq(organisations.id, expiresToday.organisation.id));
    await runScheduledJob("expire-dossiers", { asOf: day, trigger: "test" });
    expect((await changesOf([expiresToday.actionId])).map((c) => c.change)).toEqual(["left", "returned"]);
  });

  it("queues each reminder once, 60, 30 and 7 days before and on the day", async () => {
    expect(dueReminder("2031-09-01", "2031-07-03")).toBe(60);
    expect(dueReminder("2031-09-01", "2031-07-02")).toBeNull();
    expect(dueReminder("2031-09-01", "2031-08-05")).toBe(30);
    expect(dueReminder("2031-09-01", "2031-08-25")).toBe(7);
    expect(dueReminder("2031-09-01", "2031-09-01")).toBe(0);
    expect(dueReminder("2031-09-01", "2031-09-08")).toBeNull();

    const day = addDays(D, 60);
    const people = await createProviderAndStaff({ dossierApprovedAt: approvedOn(addDays(addMonths(day, -12), 30)) });
    const db = await getDb();
    const mine = () =>
      db
        .select({ dedupeKey: mailOutbox.dedupeKey, subject: mailOutbox.subject })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.kind, "dossier-reminder"), eq(mailOutbox.toUserId, people.provider.id)));
    for (let i = 0; i < 3; i++) await runScheduledJob("expire-dossiers", { asOf: day, trigger: "test" });
    expect(await mine()).toEqual([{ dedupeKey: expect.stringContaining(":30:"), subject: "Votre dossier d’organisme arrive à échéance dans 30 jours" }]);
    await runScheduledJob("expire-dossiers", { asOf: addDays(day, 23), trigger: "test" });
    await runScheduledJob("expire-dossiers", { asOf: addDays(day, 24), trigger: "test" });
    expect((await mine()).map((m) => m.dedupeKey!.split(":")[3])).toEqual(["30", "7"]);
  });

  it("says in a reminder sent late the days really left, or that the dossier has lapsed", async () => {
    const day = addDays(D, 90);
    const expiry = addDays(day, 20);
    const people = await createProviderAndStaff({ dossierApprovedAt: approvedOn(addMonths(expiry, -12)) });
    const db = await getDb();
    const mine = () =>
      db
        .select({ subject: mailOutbox.subject, text: mailOutbox.text })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.kind, "dossier-reminder"), eq(mailOutbox.toUserId, people.provider.id)))
        .orderBy(mailOutbox.id);
    // The 30-day reminder was not sent (a renewal waited, then was refused): sent now, 20 days before.
    await runScheduledJob("expire-dossiers", { asOf: day, trigger: "test" });
    expect((await mine()).at(-1)?.subject).toBe("Votre dossier d’organisme arrive à échéance dans 20 jours");
    // The day's reminder missed, then sent three days after the expiry.
    await runScheduledJob("expire-dossiers", { asOf: addDays(expiry, 3), trigger: "test" });
    const late = (await mine()).at(-1)!;
    expect(late.subject).toBe("Votre dossier d’organisme est arrivé à échéance");
    expect(late.text).toMatch(/Il est arrivé à échéance le .*\u00a0: vos actions sont retirées du site/);
  });
});
