// The public catalogue, and the agreement between the two forms of the diffusion rule: the pure
// function (lib/diffusion.ts) and its SQL form (lib/diffusion-sql.ts, used
// by the catalogue queries). The same cases go through both, for several days, and must agree.

import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { saveActionContent } from "@/db/queries/action-writes";
import type { Actor } from "@/db/queries/audit";
import { getDiffusedAction, getDiffusedOrganisation, listDiffusedActions, ORGANISATION_PAGE_SIZE } from "@/db/queries/catalogue";
import { actions, organisationDossiers, organisations, publishedActions, publishedSessions, searchActions } from "@/db/schema";
import {
  actionContent,
  actorOf,
  createOrganisation,
  createProviderAndStaff,
  createProviderUser,
  createStaffUser,
  dossierContent,
  publishAction,
  sessionContent,
} from "@/db/test-utils/fixtures";
import { addDays, parisDate } from "@/lib/dates";
import { diffusionOf, type DiffusionInput } from "@/lib/diffusion";
import { searchDiffusedSql } from "@/lib/diffusion-sql";

describe("public catalogue", () => {
  it("finds an action by the start of its id when its address is incomplete or outdated", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId, slug } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const today = parisDate();
    expect(await getDiffusedAction({ slug: `ancien-intitule-${actionId.slice(0, 8)}`, today })).toEqual({ kind: "redirect", slug });
    expect(await getDiffusedAction({ slug: "adresse-inconnue", today })).toBeNull();
  });

  it("lists sessions in diffusion only, soonest first; a card announces the next session to start", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const past = sessionContent({ startDate: addDays(today, -8) });
    const lastDay = sessionContent({ startDate: addDays(today, -7) });
    const later = sessionContent({ startDate: addDays(today, 20) });
    const { slug, actionId } = await publishAction({
      organisationId: organisation.id,
      provider: providerActor,
      staff: staffActor,
      content: actionContent({ sessions: [later, past, lastDay] }),
    });
    const page = await getDiffusedAction({ slug, today });
    expect(page?.kind === "found" ? page.sessions.map((s) => s.id) : null).toEqual([lastDay.id, later.id]);
    const listed = (await listDiffusedActions({ today, limit: 10_000 })).find((a) => a.actionId === actionId);
    expect(listed?.nextStartDate).toBe(later.startDate);
  });

  it("lists the actions with sessions to come first, then those whose sessions have all started", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const started = sessionContent({ startDate: addDays(today, -3) });
    const startedEarlier = sessionContent({ startDate: addDays(today, -6) });
    const toCome = sessionContent({ startDate: addDays(today, 30) });
    const publish = (sessions: ReturnType<typeof sessionContent>[]) =>
      publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor, content: actionContent({ sessions }) });
    const onlyStarted = await publish([started]);
    const both = await publish([startedEarlier, toCome]);
    const found = await getDiffusedOrganisation({ slug: organisation.slug, today });
    expect(found!.actions.map((a) => [a.actionId, a.nextStartDate])).toEqual([
      [both.actionId, toCome.startDate],
      [onlyStarted.actionId, started.startDate],
    ]);
  });

  it("lists an organisation's actions by pages, soonest first, each action once", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const today = parisDate();
    const count = ORGANISATION_PAGE_SIZE + 3;
    for (let i = 0; i < count; i++) {
      await publishAction({
        organisationId: organisation.id,
        provider: providerActor,
        staff: staffActor,
        // Two actions per start date: the title, then the id, break the tie the same way every time.
        content: actionContent({ sessions: [sessionContent({ startDate: addDays(today, 10 + Math.floor(i / 2)) })] }),
      });
    }
    const first = await getDiffusedOrganisation({ slug: organisation.slug, today });
    const second = await getDiffusedOrganisation({ slug: organisation.slug, today, page: 2 });
    expect(first).toMatchObject({ total: count, page: 1, pageCount: 2 });
    expect(first!.actions).toHaveLength(ORGANISATION_PAGE_SIZE);
    expect(second!.actions).toHaveLength(3);
    const listed = [...first!.actions, ...second!.actions];
    expect(new Set(listed.map((a) => a.actionId)).size).toBe(count);
    const starts = listed.map((a) => a.nextStartDate!);
    expect(starts).toEqual([...starts].sort());
    expect(await getDiffusedOrganisation({ slug: organisation.slug, today, page: 3 })).toBeNull();
  });

  it("has a first page for an organisation with no action online", async () => {
    const { organisation } = await createProviderAndStaff();
    expect(await getDiffusedOrganisation({ slug: organisation.slug, today: parisDate() })).toMatchObject({ total: 0, pageCount: 1, actions: [] });
  });

  it("shows nothing of an organisation whose dossier has lapsed", async () => {
    const today = parisDate();
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { slug, actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const db = await getDb();
    await db
      .update(organisations)
      .set({ dossierApprovedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) })
      .where(eq(organisations.id, organisation.id));
    expect(await getDiffusedAction({ slug, today })).toBeNull();
    expect((await listDiffusedActions({ today, limit: 10_000 })).some((a) => a.actionId === actionId)).toBe(false);
  });
});

// ---------------------------------------------------------------- agreement of the two rules

/** The day the cases are built around: J+8 of a session starting on 1 March 2027. */
const BASE = "2027-03-09";
/** Every case is checked on each of these days. */
const DAYS = ["2027-03-01", "2027-03-08", BASE, "2027-03-10", "2027-03-31", "2027-04-01", "2029-02-27", "2029-02-28"];
/** A dossier valid around BASE (until 1 September 2027). */
const VALID_DOSSIER = new Date("2026-09-01T10:00:00Z");

interface Case {
  name: string;
  /** What the rule must say on BASE, so that the cases are known to test both outcomes. */
  onBase: boolean;
  sessions?: string[];
  permanentEntry?: boolean;
  dossierApprovedAt?: Date | null;
  /** A renewal of the dossier sent at this instant and waiting for staff. */
  renewalSentAt?: Date;
  archiveAction?: boolean;
  /** Archived, then brought back. */
  restoreAction?: boolean;
  archiveOrganisation?: boolean;
  /** The renewal waiting for staff is then rejected. */
  rejectRenewal?: boolean;
  approve?: boolean;
  /** A later version approved with these sessions (its sessions replace the first ones). */
  newVersion?: { sessions: string[]; permanentEntry?: boolean };
}

const cases: Case[] = [
  // R9 — sessions around J+8 (withdrawn on start + 8 days).
  { name: "session started 9 days ago", onBase: false, sessions: [addDays(BASE, -9)] },
  { name: "session started 8 days ago (J+8)", onBase: false, sessions: [addDays(BASE, -8)] },
  { name: "session started 7 days ago (J+7)", onBase: true, sessions: [addDays(BASE, -7)] },
  { name: "session starting today", onBase: true, sessions: [BASE] },
  { name: "session starting in a month", onBase: true, sessions: [addDays(BASE, 30)] },
  { name: "one session withdrawn, two still shown", onBase: true, sessions: [addDays(BASE, -8), addDays(BASE, -7), addDays(BASE, 30)] },
  { name: "all sessions withdrawn", onBase: false, sessions: [addDays(BASE, -30), addDays(BASE, -8)] },
  // R8 — dossier approved 11, 12 and 13 months before BASE, and around Paris midnight.
  { name: "dossier approved 11 months ago", onBase: true, dossierApprovedAt: new Date("2026-04-09T10:00:00Z") },
  { name: "dossier approved 12 months ago to the day", onBase: false, dossierApprovedAt: new Date("2026-03-09T10:00:00Z") },
  { name: "dossier approved 13 months ago", onBase: false, dossierApprovedAt: new Date("2026-02-09T10:00:00Z") },
  // 23:30 UTC on 9 March 2026 is 00:30 on 10 March in Paris: valid until 9 March 2027 included.
  { name: "dossier approved just after Paris midnight", onBase: true, dossierApprovedAt: new Date("2026-03-09T23:30:00Z") },
  // 23:30 UTC on 8 March 2026 is 9 March in Paris: expired on 9 March 2027, valid on the 8th.
  { name: "dossier approved at 23:30 UTC the day before", onBase: false, dossierApprovedAt: new Date("2026-03-08T23:30:00Z") },
  // Summer time: 21:30 UTC is 23:30 on 31 March in Paris; 22:30 UTC is already 1 April.
  { name: "dossier approved late on 31 March (Paris)", onBase: true, dossierApprovedAt: new Date("2026-03-31T21:30:00Z") },
  { name: "dossier approved early on 1 April (Paris)", onBase: true, dossierApprovedAt: new Date("2026-03-31T22:30:00Z") },
  // 29 February + 12 months = 28 February: checked on the 2029 days (the approval dates lie after
  // BASE, which both forms of the rule accept alike).
  { name: "dossier approved on 29 February", onBase: true, dossierApprovedAt: new Date("2028-02-29T12:00:00Z"), permanentEntry: true, sessions: [] },
  // 23:30 UTC on 29 February 2028 is 1 March in Paris: still valid on 28 February 2029.
  { name: "dossier approved at 23:30 UTC on 29 February", onBase: true, dossierApprovedAt: new Date("2028-02-29T23:30:00Z"), permanentEntry: true, sessions: [] },
  { name: "dossier never approved", onBase: false, dossierApprovedAt: null },
  // A renewal sent before the expiry keeps the organisation diffused while staff review it.
  { name: "dossier 12 months old, renewal sent the day before", onBase: true, dossierApprovedAt: new Date("2026-03-09T10:00:00Z"), renewalSentAt: new Date("2027-03-08T10:00:00Z") },
  { name: "dossier 12 months old, renewal sent on the day", onBase: false, dossierApprovedAt: new Date("2026-03-09T10:00:00Z"), renewalSentAt: new Date("2027-03-09T08:00:00Z") },
  // 23:30 UTC on 8 March 2027 is 9 March in Paris: too late.
  { name: "dossier 12 months old, renewal sent at 23:30 UTC the day before", onBase: false, dossierApprovedAt: new Date("2026-03-09T10:00:00Z"), renewalSentAt: new Date("2027-03-08T23:30:00Z") },
  { name: "dossier never approved, first dossier waiting", onBase: false, dossierApprovedAt: null, renewalSentAt: new Date("2027-03-01T10:00:00Z") },
  // Archived, permanent entry, never approved.
  { name: "archived action", onBase: false, archiveAction: true },
  { name: "archived organisation", onBase: false, archiveOrganisation: true },
  { name: "permanent entry without sessions", onBase: true, permanentEntry: true, sessions: [] },
  { name: "permanent entry with withdrawn sessions only", onBase: true, permanentEntry: true, sessions: [addDays(BASE, -20)] },
  { name: "submitted, never approved", onBase: false, approve: false },
  // The same rule after later writes (the dates the catalogue compares with the day follow them).
  { name: "archived action brought back", onBase: true, archiveAction: true, restoreAction: true },
  { name: "renewal sent in time, then rejected", onBase: false, dossierApprovedAt: new Date("2026-03-09T10:00:00Z"), renewalSentAt: new Date("2027-03-08T10:00:00Z"), rejectRenewal: true },
  { name: "new version with later sessions", onBase: true, sessions: [addDays(BASE, -20)], newVersion: { sessions: [addDays(BASE, 30)] } },
  { name: "new version whose sessions are withdrawn", onBase: false, sessions: [addDays(BASE, 30)], newVersion: { sessions: [addDays(BASE, -8)] } },
  { name: "new version without permanent entry", onBase: false, permanentEntry: true, sessions: [], newVersion: { sessions: [addDays(BASE, -10)], permanentEntry: false } },
];

describe("diffusion: lib/diffusion.ts and the catalogue's SQL agree", () => {
  const created: { case: Case; actionId: string; slug: string | null }[] = [];

  beforeAll(async () => {
    const staff: Actor = actorOf(await createStaffUser());
    const db = await getDb();
    for (const c of cases) {
      const organisation = await createOrganisation({
        dossierApprovedAt: c.dossierApprovedAt === undefined ? VALID_DOSSIER : c.dossierApprovedAt,
      });
      const provider = actorOf(await createProviderUser({ organisationId: organisation.id }));
      const content = actionContent({
        permanentEntry: c.permanentEntry ?? false,
        sessions: (c.sessions ?? [addDays(BASE, 60)]).map((startDate) => sessionContent({ startDate })),
      });
      let actionId: string;
      let slug: string | null = null;
      if (c.approve === false) {
        actionId = await saveActionContent({ organisationId: organisation.id, actor: provider, content, submit: true });
      } else {
        ({ actionId, slug } = await publishAction({ organisationId: organisation.id, provider, staff, content }));
      }
      if (c.newVersion) {
        const later = actionContent({ permanentEntry: c.newVersion.permanentEntry ?? false, sessions: c.newVersion.sessions.map((startDate) => sessionContent({ startDate })) });
        ({ slug } = await publishAction({ actionId, organisationId: organisation.id, provider, staff, content: later }));
      }
      if (c.archiveAction) await db.update(actions).set({ archivedAt: new Date() }).where(eq(actions.id, actionId));
      if (c.restoreAction) await db.update(actions).set({ archivedAt: null }).where(eq(actions.id, actionId));
      if (c.renewalSentAt) {
        const [renewal] = await db
          .insert(organisationDossiers)
          .values({ organisationId: organisation.id, number: 1, status: "submitted", content: dossierContent(), submittedAt: c.renewalSentAt })
          .returning({ id: organisationDossiers.id });
        if (c.rejectRenewal) {
          await db
            .update(organisationDossiers)
            .set({ status: "rejected", decidedAt: new Date(), rejectionReason: "Le numéro de déclaration d’activité manque." })
            .where(eq(organisationDossiers.id, renewal!.id));
        }
      }
      if (c.archiveOrganisation) {
        await db.update(organisations).set({ archivedAt: new Date() }).where(eq(organisations.id, organisation.id));
      }
      created.push({ case: c, actionId, slug });
    }
  });

  /** What lib/diffusion.ts is given: the same rows the catalogue reads. */
  async function diffusionInputs() {
    const db = await getDb();
    const ids = created.map((c) => c.actionId);
    const rows = await db
      .select({
        actionId: actions.id,
        archivedAt: actions.archivedAt,
        publishedActionId: publishedActions.actionId,
        permanentEntry: publishedActions.permanentEntry,
        organisation: {
          dossierApprovedAt: organisations.dossierApprovedAt,
          dossierSubmittedAt: sql<Date | null>`(select max(${organisationDossiers.submittedAt}) from ${organisationDossiers} where ${organisationDossiers.organisationId} = ${organisations.id} and ${organisationDossiers.status} = 'submitted')`.mapWith(organisationDossiers.submittedAt),
          archivedAt: organisations.archivedAt,
        },
      })
      .from(actions)
      .innerJoin(organisations, eq(organisations.id, actions.organisationId))
      .leftJoin(publishedActions, eq(publishedActions.actionId, actions.id))
      .where(inArray(actions.id, ids));
    const sessions = await db
      .select({ id: publishedSessions.id, actionId: publishedSessions.actionId, startDate: publishedSessions.startDate })
      .from(publishedSessions)
      .where(inArray(publishedSessions.actionId, ids));
    return new Map(
      rows.map((row) => {
        const input: Omit<DiffusionInput, "sessions"> & { sessions: { id: string; startDate: string }[] } = {
          approved: row.publishedActionId !== null,
          archivedAt: row.archivedAt,
          organisation: row.organisation,
          permanentEntry: row.permanentEntry ?? false,
          sessions: sessions.filter((s) => s.actionId === row.actionId),
        };
        return [row.actionId, input];
      }),
    );
  }

  it("has cases for both outcomes on the reference day", async () => {
    const inputs = await diffusionInputs();
    const wrong = created
      .filter(({ case: c, actionId }) => diffusionOf(inputs.get(actionId)!, BASE).diffused !== c.onBase)
      .map(({ case: c }) => c.name);
    expect(wrong).toEqual([]);
  });

  it.each(DAYS)("on %s", async (today) => {
    const inputs = await diffusionInputs();
    const listed = new Map((await listDiffusedActions({ today, limit: 10_000 })).map((row) => [row.actionId, row]));
    // The search's copy (search_actions) carries the whole rule as one date.
    const db = await getDb();
    const ids = created.map((c) => c.actionId);
    const searched = new Set(
      (await db.select({ id: searchActions.actionId }).from(searchActions).where(and(searchDiffusedSql(today), inArray(searchActions.actionId, ids)))).map((r) => r.id),
    );

    const disagreements: string[] = [];
    for (const { case: c, actionId, slug } of created) {
      const expected = diffusionOf(inputs.get(actionId)!, today);
      if (searched.has(actionId) !== expected.diffused) {
        disagreements.push(`${c.name}: lib says ${expected.diffused}, search_actions says ${searched.has(actionId)}`);
      }
      const row = listed.get(actionId);
      if (Boolean(row) !== expected.diffused) {
        disagreements.push(`${c.name}: lib says ${expected.diffused}, listDiffusedActions says ${Boolean(row)}`);
        continue;
      }
      const page = slug ? await getDiffusedAction({ slug, today }) : null;
      if (!expected.diffused) {
        if (page !== null) disagreements.push(`${c.name}: getDiffusedAction shows an action that is not diffused`);
        continue;
      }
      const expectedSessions = expected.sessions.map((s) => s.id).sort();
      const pageSessions = page?.kind === "found" ? page.sessions.map((s) => s.id).sort() : null;
      if (JSON.stringify(pageSessions) !== JSON.stringify(expectedSessions)) {
        disagreements.push(`${c.name}: sessions ${JSON.stringify(pageSessions)} instead of ${JSON.stringify(expectedSessions)}`);
      }
      // The card announces the first session to start from the day on, else the last one started.
      const starts = expected.sessions.map((s) => s.startDate).sort();
      const nextStart = starts.find((start) => start >= today) ?? starts.at(-1) ?? null;
      if (row!.nextStartDate !== nextStart) {
        disagreements.push(`${c.name}: next start ${row!.nextStartDate} instead of ${nextStart}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
