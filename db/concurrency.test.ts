// Issue 10, concurrency: provider edits and staff decisions on the same action at the same moment,
// on a PostgreSQL server (several connections; PGlite has one and would serialise them). One
// save of a given version wins and the others are told the page is stale; one decision wins over
// the others and over a withdrawal; nothing is lost and the audit log says exactly what happened.

import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { approveDossier, rejectDossier, saveDossier, withdrawDossier } from "@/db/queries/dossiers";
import { approveRevision, rejectRevision } from "@/db/queries/review";
import { saveActionContent, withdrawSubmission } from "@/db/queries/action-writes";
import { organisations, publishedActions, searchActions } from "@/db/schema";
import { actionContent, createProviderAndStaff, dossierContent, FORMACODE_NETTOYAGE, openRevisionId, publishAction } from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionRow } from "@/db/test-utils/rows";
import { parisDate } from "@/lib/dates";
import { searchDiffusedSql } from "@/lib/diffusion-sql";
import { UserFacingError } from "@/lib/errors";

const onServer = Boolean(process.env.DATABASE_URL);

function pgCode(error: unknown): string | undefined {
  for (let e = error; e instanceof Error; e = e.cause) if ("code" in e && typeof e.code === "string") return e.code;
  return undefined;
}

describe.runIf(onServer)("parallel writes on one action (PostgreSQL)", () => {
  it("eight saves of the same version: one wins, seven are refused as stale, one audit entry", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const { version } = await actionRow(actionId);
    const eventsBefore = (await auditEvents(actionId)).length;

    const titles = Array.from({ length: 8 }, (_, i) => `Agent de propreté, édition parallèle ${i + 1}`);
    const results = await Promise.allSettled(
      titles.map((title) => saveActionContent({ actionId, organisationId: organisation.id, actor: providerActor, content: actionContent({ title }), submit: false, expectedVersion: version })),
    );

    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [titles[i]!] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(UserFacingError);
    expect((await actionRow(actionId)).version).toBe(version + 1);
    expect((await revisionRow(await openRevisionId(actionId))).content.title).toBe(won[0]);
    const events = (await auditEvents(actionId)).slice(eventsBefore);
    expect(events.map((e) => e.event)).toEqual(["revision.saved"]);
  });

  it("approve, reject and two withdrawals at once: exactly one happens, and the log tells it", async () => {
    for (let round = 0; round < 3; round++) {
      const { organisation, providerActor, staffActor } = await createProviderAndStaff();
      const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
      const revisionId = await openRevisionId(actionId);
      const eventsBefore = (await auditEvents(actionId)).length;

      const outcomes = await Promise.allSettled([
        approveRevision({ revisionId, actor: staffActor, codification: { formacodes: [FORMACODE_NETTOYAGE] } }).then(() => "revision.approved"),
        rejectRevision({ revisionId, actor: staffActor, reason: "Les dates des sessions sont à revoir." }).then(() => "revision.rejected"),
        withdrawSubmission({ actionId, organisationId: organisation.id, actor: providerActor }).then(() => "revision.withdrawn"),
        withdrawSubmission({ actionId, organisationId: organisation.id, actor: providerActor }).then(() => "revision.withdrawn"),
      ]);

      const happened = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      expect(happened).toHaveLength(1);
      // A loser is told the revision was already dealt with (UserFacingError): decisions and
      // withdrawals lock the action before its revision, so none is stopped by a deadlock.
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason instanceof UserFacingError, `${String(o.reason)} (${pgCode(o.reason)})`).toBe(true);
      const status = { "revision.approved": "approved", "revision.rejected": "rejected", "revision.withdrawn": "draft" }[happened[0]!];
      expect((await revisionRow(revisionId)).status).toBe(status);
      const events = (await auditEvents(actionId)).slice(eventsBefore).map((e) => e.event);
      expect(events.filter((e) => e !== "mail.queued")).toEqual(happened);
    }
  });

  it("approve, reject and a withdrawal of one dossier at once: exactly one happens, none deadlocks", async () => {
    for (let round = 0; round < 3; round++) {
      const { organisation, providerActor, staffActor } = await createProviderAndStaff();
      const dossierId = await saveDossier({ organisationId: organisation.id, actor: providerActor, content: dossierContent(), submit: true });
      const outcomes = await Promise.allSettled([
        approveDossier({ dossierId, actor: staffActor }).then(() => "approved"),
        rejectDossier({ dossierId, actor: staffActor, reason: "L’attestation Qualiopi est à joindre." }).then(() => "rejected"),
        withdrawDossier({ organisationId: organisation.id, actor: providerActor }).then(() => "withdrawn"),
      ]);
      const happened = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      expect(happened).toHaveLength(1);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason instanceof UserFacingError, `${String(o.reason)} (${pgCode(o.reason)})`).toBe(true);
    }
  });
});

describe.runIf(onServer)("the search's copy under concurrent writes (PostgreSQL)", () => {
  it("an organisation archived while its published action is rewritten: the copy keeps both changes", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff();
    const { actionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const db = await getDb();
    const today = parisDate();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let archivedNow!: () => void;
    const archived = new Promise<void>((resolve) => (archivedNow = resolve));
    // The archive holds the organisation's row and its actions' search rows until released.
    const archive = db.transaction(async (tx) => {
      await tx.update(organisations).set({ archivedAt: new Date() }).where(eq(organisations.id, organisation.id));
      archivedNow();
      await held;
    });
    await archived;
    // Meanwhile the action's published row is written again (as a change of its sessions does):
    // its copy waits for the search row, then must not bring back the organisation's old state.
    const rewrite = db
      .update(publishedActions)
      .set({ diffusedUntil: sql`${publishedActions.diffusedUntil}` })
      .where(eq(publishedActions.actionId, actionId))
      .then(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([archive, rewrite]);
    const [row] = await db.select({ diffused: sql<boolean>`${searchDiffusedSql(today)}` }).from(searchActions).where(eq(searchActions.actionId, actionId));
    expect(row!.diffused).toBe(false);
  });
});
