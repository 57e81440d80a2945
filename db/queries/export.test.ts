// The transmission feed holds exactly the diffused offer: for the demo data and for generated
// data, on several days, the actions and sessions of the LHÉO document are those the public site
// shows (db/queries/catalogue.ts), and the document is valid against the official schema. What
// leaves diffusion (J+8, lapsed dossier) leaves the feed and is listed in removed.json.

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { recordActionChanges, recordOrganisationChanges, recordSessionWithdrawals } from "@/db/jobs/diffusion-changes";
import { getDiffusedAction, listDiffusedActions } from "@/db/queries/catalogue";
import { listRemovedSince } from "@/db/queries/export";
import { generate } from "@/db/generate";
import { seedDemo } from "@/db/seed/demo";
import { actionContent, createProviderAndStaff, dossierContent, publishAction, sessionContent } from "@/db/test-utils/fixtures";
import { diffusionChanges } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { feedContents, writeFeed } from "@/db/test-utils/lheo-feed";
import { addDays, parisDate } from "@/lib/dates";
import { numeros } from "@/lib/lheo/writer";
import { validateLheo } from "@/lib/lheo/xmllint";

/** The actions and dated sessions the public site shows on `today`. */
async function publicSite(today: string) {
  const listed = await listDiffusedActions({ today, limit: 1_000_000 });
  const sessions = new Set<string>();
  for (const action of listed) {
    const page = await getDiffusedAction({ slug: action.slug, today });
    if (page?.kind !== "found") throw new Error(`${action.slug} is listed but has no page`);
    for (const s of page.sessions) sessions.add(`${action.actionId}/${s.id}`);
  }
  return { actions: new Set(listed.map((a) => a.actionId)), sessions };
}

async function expectFeedIsThePublicSite(today: string) {
  const xml = await writeFeed({ today, pageSize: 7 });
  const feed = feedContents(xml);
  const site = await publicSite(today);
  expect(feed.actions.size).toBeGreaterThan(0);
  expect([...feed.actions].sort()).toEqual([...site.actions].sort());
  expect([...feed.sessions].sort()).toEqual([...site.sessions].sort());
  return xml!;
}

describe("LHÉO feed: exactly the diffused offer", () => {
  const today = parisDate();

  beforeAll(async () => {
    const db = await getDb();
    await seedDemo(db, { now: new Date(), today });
    await generate({ db, seed: 9_009, organisations: 6, actions: 120, sessionsPerAction: 3, revisionsPerAction: 1.5, auditEntries: 0, today });
  }, 180_000);

  it("for the demo and generated data, today: the same actions and sessions as the public site, valid against the schema", async () => {
    const xml = await expectFeedIsThePublicSite(today);
    const { valid, errors } = validateLheo(xml);
    expect(valid, errors).toBe(true);
    // The demo's lapsed organisation (R8) is not in the feed.
    expect(xml).not.toContain("Maison des langues de Moselle-Est");
    expect(xml).toContain("<nom-organisme>Bâtiment Formation Lorraine</nom-organisme>");
  }, 120_000);

  it.each([5, 9, 30, 120])("on the day %i days from now, as the public site will show it", async (days) => {
    await expectFeedIsThePublicSite(addDays(today, days));
  }, 120_000);

  it("reads the same document whatever the page size, and whether organisations are kept between pages or read again", async () => {
    const whole = await writeFeed({ today, pageSize: 500 });
    expect(await writeFeed({ today, pageSize: 3 })).toBe(whole);
    // One organisation kept: nearly every page reads its organisations again (new objects, written anew).
    expect(await writeFeed({ today, pageSize: 3, organisationsKept: 1 })).toBe(whole);
  }, 120_000);
});

/** A day far from the other test files' data, so that recording changes finds only ours. */
const D = "2033-05-10";

describe("LHÉO feed: what leaves diffusion", () => {
  it("drops a session at J+8 and lists it in removed.json; the action stays with its other session", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -30)}T10:00:00Z`) });
    const leaving = sessionContent({ startDate: addDays(D, -7), endDate: addDays(D, 30) });
    const staying = sessionContent({ startDate: addDays(D, 20), endDate: addDays(D, 60) });
    const { actionId } = await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ sessions: [leaving, staying] }),
      now: new Date(`${addDays(D, -20)}T10:00:00Z`),
    });
    expect(feedContents(await writeFeed({ today: D })).sessions).toContain(`${actionId}/${leaving.id}`);

    const tomorrow = addDays(D, 1);
    const db = await getDb();
    await db.transaction(async (tx) => {
      await recordSessionWithdrawals(tx, { asOf: tomorrow, since: addDays(D, -40), runId: null });
      await recordActionChanges(tx, { asOf: tomorrow, actionIds: [actionId], returnReason: "approved" });
    });

    const feed = feedContents(await writeFeed({ today: tomorrow }));
    expect(feed.actions).toContain(actionId);
    expect(feed.sessions).not.toContain(`${actionId}/${leaving.id}`);
    expect(feed.sessions).toContain(`${actionId}/${staying.id}`);
    expect(await listRemovedSince({ since: D, today: tomorrow })).toContainEqual({
      type: "session",
      numero: numeros.session(actionId, leaving.id),
      formation: numeros.formation(actionId),
      siret: people.organisation.siret,
      reason: "j8",
      on: tomorrow,
    });
    // Asked from the day after, it is no longer news.
    expect((await listRemovedSince({ since: addDays(D, 2), today: tomorrow })).map((r) => r.numero)).not.toContain(numeros.session(actionId, leaving.id));
  });

  it("a session withdrawn at J+8 then moved to a later date is online again: sent, and not listed as removed", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -30)}T10:00:00Z`) });
    const leaving = sessionContent({ startDate: addDays(D, -7), endDate: addDays(D, 30) });
    const staying = sessionContent({ startDate: addDays(D, 20), endDate: addDays(D, 60) });
    const publish = (sessions: ReturnType<typeof sessionContent>[], on: string, actionId?: string) =>
      publishAction({ actionId, organisationId: people.organisation.id, provider: people.providerActor, staff: people.staffActor, content: actionContent({ sessions }), now: new Date(`${on}T10:00:00Z`) });
    const { actionId } = await publish([leaving, staying], addDays(D, -20));
    const tomorrow = addDays(D, 1);
    const db = await getDb();
    await db.transaction((tx) => recordSessionWithdrawals(tx, { asOf: tomorrow, since: addDays(D, -40), runId: null }));
    const removed = numeros.session(actionId, leaving.id);
    expect((await listRemovedSince({ since: D, today: tomorrow })).map((r) => r.numero)).toContain(removed);
    // The provider corrects its date, as the refusal of a past session asks: the same session, later.
    await publish([{ ...leaving, startDate: addDays(D, 40), endDate: addDays(D, 70) }, staying], tomorrow, actionId);
    expect(feedContents(await writeFeed({ today: tomorrow, since: tomorrow })).sessions).toContain(`${actionId}/${leaving.id}`);
    expect((await listRemovedSince({ since: D, today: tomorrow })).map((r) => r.numero)).not.toContain(removed);
  });

  it("an action with permanent entry whose last dated session leaves is sent again, with its permanent-entry session", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -30)}T10:00:00Z`) });
    const { actionId } = await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ permanentEntry: true, sessions: [sessionContent({ startDate: addDays(D, -7), endDate: addDays(D, 30) })] }),
      now: new Date(`${addDays(D, -20)}T10:00:00Z`),
    });
    const tomorrow = addDays(D, 1);
    const db = await getDb();
    await db.transaction((tx) => recordSessionWithdrawals(tx, { asOf: tomorrow, since: addDays(D, -40), runId: null }));
    const delta = await writeFeed({ today: tomorrow, since: tomorrow });
    expect(feedContents(delta).actions).toContain(actionId);
    expect(delta).toContain(`<session numero="S-${actionId}-permanente"`);
  });

  it("a removal recorded late (a night the job missed) reaches a receiver asking since it was recorded; nothing after today", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -30)}T10:00:00Z`) });
    const leaving = sessionContent({ startDate: addDays(D, -7), endDate: addDays(D, 30) });
    const { actionId } = await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ sessions: [leaving, sessionContent({ startDate: addDays(D, 20), endDate: addDays(D, 60) })] }),
      now: new Date(`${addDays(D, -20)}T10:00:00Z`),
    });
    const tomorrow = addDays(D, 1);
    const db = await getDb();
    await db.transaction((tx) => recordSessionWithdrawals(tx, { asOf: tomorrow, since: addDays(D, -40), runId: null }));
    const removed = numeros.session(actionId, leaving.id);
    // It took effect tomorrow, but was recorded three days later.
    await db
      .update(diffusionChanges)
      .set({ recordedAt: new Date(`${addDays(D, 4)}T08:00:00Z`) })
      .where(and(eq(diffusionChanges.actionId, actionId), eq(diffusionChanges.entity, "session")));
    expect((await listRemovedSince({ since: addDays(D, 3), today: addDays(D, 4) })).map((r) => r.numero)).toContain(removed);
    // Asked as of today (D), tomorrow's removal is not news yet.
    expect((await listRemovedSince({ since: addDays(D, -1), today: D })).map((r) => r.numero)).not.toContain(removed);
  });

  it("writes the organisation's two address lines once each", async () => {
    const dossier = dossierContent();
    const people = await createProviderAndStaff({
      street: "7 allée des Tilleuls, Bâtiment B",
      dossier: { ...dossier, address: { ...dossier.address, street: "7 allée des Tilleuls", street2: "Bâtiment B" } },
      dossierApprovedAt: new Date(`${addDays(D, -30)}T10:00:00Z`),
    });
    await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ sessions: [sessionContent({ startDate: addDays(D, 20), endDate: addDays(D, 60) })] }),
      now: new Date(`${addDays(D, -20)}T10:00:00Z`),
    });
    const xml = await writeFeed({ today: D, since: addDays(D, -21) });
    expect(xml).toMatch(/<ligne>7 allée des Tilleuls<\/ligne>\s*<ligne>Bâtiment B<\/ligne>/);
    expect(xml).not.toContain("Tilleuls, Bâtiment B");
  });

  it("drops every action of an organisation whose dossier lapsed (R8) and lists them", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -300)}T10:00:00Z`) });
    const { actionId } = await publishAction({
      organisationId: people.organisation.id,
      provider: people.providerActor,
      staff: people.staffActor,
      content: actionContent({ sessions: [sessionContent({ startDate: addDays(D, 90), endDate: addDays(D, 120) })] }),
      now: new Date(`${addDays(D, -200)}T10:00:00Z`),
    });
    expect(feedContents(await writeFeed({ today: D })).actions).toContain(actionId);

    const lapsed = addDays(D, 70);
    expect(feedContents(await writeFeed({ today: lapsed })).actions).not.toContain(actionId);
    const db = await getDb();
    await db.transaction((tx) => recordOrganisationChanges(tx, { asOf: lapsed, organisationIds: [people.organisation.id], returnReason: "dossier-approved" }));
    expect(await listRemovedSince({ since: D, today: lapsed })).toContainEqual(
      expect.objectContaining({ type: "formation", numero: numeros.formation(actionId), reason: "dossier-expired", on: lapsed }),
    );
  });

  it("with ?since, holds only what was approved since that day", async () => {
    const people = await createProviderAndStaff({ dossierApprovedAt: new Date(`${addDays(D, -60)}T10:00:00Z`) });
    const publish = (on: string) =>
      publishAction({
        organisationId: people.organisation.id,
        provider: people.providerActor,
        staff: people.staffActor,
        content: actionContent({ sessions: [sessionContent({ startDate: addDays(D, 30), endDate: addDays(D, 60) })] }),
        now: new Date(`${on}T10:00:00Z`),
      });
    const older = await publish(addDays(D, -10));
    const newer = await publish(addDays(D, -2));
    const since = feedContents(await writeFeed({ today: D, since: addDays(D, -3) }));
    expect(since.actions).toContain(newer.actionId);
    expect(since.actions).not.toContain(older.actionId);
    expect(await writeFeed({ today: D, since: addDays(D, 400) })).toBeNull();
  });
});
