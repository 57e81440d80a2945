// The staff overview on a small known data set, looked at on Thursday 15 March 2091: no other
// test writes anything dated then, and counts that other tests' rows could reach (the queue, the
// catalogue) are compared before and after this data set is written.

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { saveActionContent } from "@/db/queries/action-writes";
import { getDiffusionCounts, getOverview, weekStart } from "@/db/queries/overview";
import { actionRevisions, auditLog, organisationDossiers } from "@/db/schema";
import {
  actionContent,
  createOrganisation,
  createProviderAndStaff,
  dossierContent,
  openRevisionId,
  publishAction,
  sessionContent,
} from "@/db/test-utils/fixtures";

const TODAY = "2091-03-15";
const MONDAY = "2091-03-12";

async function knownDataSet() {
  const db = await getDb();
  // Dossier approved 2090-04-20: valid until 19 April 2091, so due for renewal on TODAY.
  const { organisation, provider, staff, providerActor, staffActor } = await createProviderAndStaff({ dossierApprovedAt: new Date("2090-04-20T10:00:00Z") });
  const sessions = ["2091-03-10", "2091-04-01", "2091-03-05", "2091-02-01"].map((startDate) => sessionContent({ startDate, endDate: "2091-06-30" }));
  await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor, content: actionContent({ sessions }) });

  // One action waiting since 3 January 2000: the oldest of the queue.
  const waiting = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
  await db.update(actionRevisions).set({ submittedAt: new Date("2000-01-03T09:00:00Z") }).where(eq(actionRevisions.id, await openRevisionId(waiting)));

  // A renewal sent by an organisation whose dossier lapses on 1 May 2091; one valid much longer; one lapsed.
  const renewing = await createOrganisation({ dossierApprovedAt: new Date("2090-05-01T10:00:00Z") });
  await db.insert(organisationDossiers).values({
    organisationId: renewing.id,
    number: 1,
    status: "submitted",
    content: dossierContent(),
    submittedAt: new Date("2091-03-01T10:00:00Z"),
  });
  await createOrganisation({ dossierApprovedAt: new Date("2090-06-30T10:00:00Z") });
  await createOrganisation({ dossierApprovedAt: new Date("2090-03-10T10:00:00Z") });

  const entry = (event: string, at: string) => ({ event, at: new Date(at), entityType: "action", entityId: randomUUID(), actorId: staff.id, actorRole: "staff" as const });
  await db.insert(auditLog).values([
    { ...entry("revision.submitted", "2091-03-13T10:00:00Z"), actorId: provider.id, actorRole: "provider" },
    { ...entry("revision.submitted", "2091-03-06T10:00:00Z"), actorId: provider.id, actorRole: "provider" },
    entry("revision.approved", "2091-03-13T11:00:00Z"),
    entry("revision.rejected", "2091-03-14T09:00:00Z"),
    entry("dossier.approved", "2091-03-12T08:00:00Z"),
    // 23:30 on Sunday in Paris: last week. 00:30 on Monday in Paris: this week.
    entry("revision.approved", "2091-03-11T22:30:00Z"),
    entry("dossier.rejected", "2091-03-11T23:30:00Z"),
    // Not a submission nor a decision.
    entry("revision.saved", "2091-03-14T10:00:00Z"),
  ]);
  return { organisation, renewing };
}

describe("getOverview", () => {
  it("weeks start on Monday", () => {
    expect(weekStart(TODAY)).toBe(MONDAY);
    expect(weekStart(MONDAY)).toBe(MONDAY);
    expect(weekStart("2091-03-18")).toBe(MONDAY);
  });

  it("counts the queue, the week's decisions, the catalogue today and what lapses", async () => {
    const overview = async () => ({ ...(await getOverview({ today: TODAY })), diffused: await getDiffusionCounts({ today: TODAY }) });
    const before = await overview();
    const { organisation, renewing } = await knownDataSet();
    const after = await overview();

    expect(after.weekStart).toBe(MONDAY);
    expect(after.queue.actions.count - before.queue.actions.count).toBe(1);
    // Other test files share the database: the oldest is ours or older.
    expect(after.queue.actions.oldest!.getTime()).toBeLessThanOrEqual(new Date("2000-01-03T09:00:00Z").getTime());
    expect(after.queue.dossiers.count - before.queue.dossiers.count).toBe(1);
    expect(after.decisions).toEqual({ actionsApproved: 1, actionsRejected: 1, dossiersApproved: 1, dossiersRejected: 1 });

    // Sessions of 10 March and 1 April are online; the one of 5 March reached J+8 on Tuesday.
    expect(after.diffused.actions - before.diffused.actions).toBe(1);
    expect(after.diffused.sessions - before.diffused.sessions).toBe(2);
    expect(after.diffused.sessionsWithdrawnThisWeek - before.diffused.sessionsWithdrawnThisWeek).toBe(1);

    const mine = after.expiringDossiers.filter((d) => [organisation.id, renewing.id].includes(d.organisationId));
    expect(mine).toEqual([
      { organisationId: organisation.id, name: organisation.name, approvedAt: new Date("2090-04-20T10:00:00Z"), expiryDate: "2091-04-20", renewalSentAt: null },
      { organisationId: renewing.id, name: renewing.name, approvedAt: new Date("2090-05-01T10:00:00Z"), expiryDate: "2091-05-01", renewalSentAt: new Date("2091-03-01T10:00:00Z") },
    ]);
    expect(after.expiringDossiers).toHaveLength(2);
  });

  it("draws twelve weeks of submissions and decisions, the current week last", async () => {
    const { weeks } = await getOverview({ today: TODAY });
    expect(weeks).toHaveLength(12);
    expect(weeks[0]!.weekStart).toBe("2090-12-25");
    expect(weeks.at(-1)).toEqual({ weekStart: MONDAY, submissions: 1, decisions: 4 });
    expect(weeks.at(-2)).toEqual({ weekStart: "2091-03-05", submissions: 1, decisions: 1 });
    expect(weeks.slice(0, -2).every((w) => w.submissions === 0 && w.decisions === 0)).toBe(true);
  });
});
