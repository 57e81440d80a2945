// The organisation dossier (R8): draft → submitted → approved | rejected, the copy into
// `organisations` on approval, and the 12 months it restarts, checked through the public catalogue
// on chosen days. On the real database of the project (PGlite, PostgreSQL or Neon).

import { asc, and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listDiffusedActions } from "@/db/queries/catalogue";
import {
  approveDossier,
  confirmDossierUnchanged,
  getDossierForOrganisation,
  getDossierForReview,
  listDossierQueue,
  rejectDossier,
  saveDossier,
  STALE_DOSSIER,
  withdrawDossier,
} from "@/db/queries/dossiers";
import { auditLog, organisationDossiers, organisations } from "@/db/schema";
import {
  actionContent,
  createOrganisation,
  createProviderAndStaff,
  dossierContent,
  publishAction,
  UNKNOWN_FORMACODE,
} from "@/db/test-utils/fixtures";
import { addMonths, parisDate } from "@/lib/dates";

async function dossiersOf(organisationId: string) {
  const db = await getDb();
  return db.select().from(organisationDossiers).where(eq(organisationDossiers.organisationId, organisationId)).orderBy(asc(organisationDossiers.number));
}

async function organisationRow(organisationId: string) {
  const db = await getDb();
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row!;
}

async function dossierEvents(organisationId: string) {
  const db = await getDb();
  const rows = await db
    .select({ event: auditLog.event })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "organisation"), eq(auditLog.entityId, organisationId)))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => r.event);
}

/** Everything a dossier write could touch for this organisation. */
async function snapshot(organisationId: string) {
  return { organisation: await organisationRow(organisationId), dossiers: await dossiersOf(organisationId), events: await dossierEvents(organisationId) };
}

async function diffusedOn(actionId: string, today: string) {
  return (await listDiffusedActions({ today, limit: 10_000 })).some((a) => a.actionId === actionId);
}

/** An organisation that never sent a dossier, with one published action (permanent entry: only R8 decides). */
async function organisationWithAction() {
  const parties = await createProviderAndStaff({ dossierApprovedAt: null });
  const { actionId } = await publishAction({
    organisationId: parties.organisation.id,
    provider: parties.providerActor,
    staff: parties.staffActor,
    content: actionContent({ permanentEntry: true, sessions: [] }),
  });
  return { ...parties, actionId };
}

/** Sends a dossier at `sentAt` and has it approved at `approvedAt`. */
async function sendAndApprove(p: Awaited<ReturnType<typeof organisationWithAction>>, sentAt: Date, approvedAt: Date) {
  const dossierId = await saveDossier({ organisationId: p.organisation.id, actor: p.providerActor, content: dossierContent(), submit: true, now: sentAt });
  await approveDossier({ dossierId, actor: p.staffActor, now: approvedAt });
  return dossierId;
}

describe("the provider's dossier", () => {
  it("starts from the organisation's columns when none was ever sent", async () => {
    const { organisation } = await createProviderAndStaff({ dossierApprovedAt: null });
    const dossier = await getDossierForOrganisation({ organisationId: organisation.id, today: parisDate() });
    expect(dossier).toMatchObject({ latest: null, approvedAt: null, expiryDate: null, valid: false, keptByRenewal: false, version: 0 });
    expect(dossier!.approved).toMatchObject({
      legalName: organisation.name,
      siret: organisation.siret,
      address: { street: "12 rue des Lilas", postcode: "31000", communeInsee: organisation.communeInsee, communeName: "Toulouse" },
      contacts: [],
    });
  });

  it("is saved as a draft, sent, pulled back, and never shown to staff as a draft", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const content = dossierContent({ address: { ...dossierContent().address, communeName: "" } });

    const dossierId = await saveDossier({ organisationId: organisation.id, actor: providerActor, content, submit: false, expectedVersion: 0 });
    let [row] = await dossiersOf(organisation.id);
    expect(row).toMatchObject({ id: dossierId, number: 1, status: "draft", submittedAt: null, createdBy: providerActor.id });
    // The commune name is filled in from the reference list.
    expect(row!.content.address.communeName).toBe("Toulouse");
    expect(await getDossierForReview({ dossierId })).toBeNull();
    expect((await listDossierQueue()).some((d) => d.dossierId === dossierId)).toBe(false);

    await saveDossier({ organisationId: organisation.id, actor: providerActor, content, submit: true, expectedVersion: 1 });
    [row] = await dossiersOf(organisation.id);
    expect(row).toMatchObject({ id: dossierId, number: 1, status: "submitted", submittedBy: providerActor.id });
    expect((await getDossierForReview({ dossierId }))?.dossier.status).toBe("submitted");
    expect((await listDossierQueue()).some((d) => d.dossierId === dossierId)).toBe(true);
    // Waiting for staff: the provider must pull it back before changing it.
    await expect(saveDossier({ organisationId: organisation.id, actor: providerActor, content, submit: false })).rejects.toMatchObject({
      name: "UserFacingError",
      kind: "conflict",
    });

    await withdrawDossier({ organisationId: organisation.id, actor: providerActor });
    expect(await dossiersOf(organisation.id)).toEqual([expect.objectContaining({ id: dossierId, status: "draft" })]);
    await expect(withdrawDossier({ organisationId: organisation.id, actor: providerActor })).rejects.toMatchObject({ kind: "conflict" });
    expect(await dossierEvents(organisation.id)).toEqual(["dossier.saved", "dossier.submitted", "dossier.withdrawn"]);
    expect((await organisationRow(organisation.id)).dossierVersion).toBe(3);
    // Edited again in the same row: the content as sent stays in the audit log.
    const db = await getDb();
    const [withdrawn] = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.entityId, organisation.id), eq(auditLog.event, "dossier.withdrawn")));
    expect(withdrawn?.details).toMatchObject({ dossierId, sent: { siret: content.siret, accessibility: content.accessibility, address: { street: content.address.street } } });
  });

  it("refuses a save from a stale page, and writes nothing", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const loaded = (await getDossierForOrganisation({ organisationId: organisation.id, today: parisDate() }))!.version;
    await saveDossier({ organisationId: organisation.id, actor: providerActor, content: dossierContent(), submit: false, expectedVersion: loaded });
    const before = await snapshot(organisation.id);

    for (const submit of [false, true]) {
      const stale = saveDossier({ organisationId: organisation.id, actor: providerActor, content: dossierContent(), submit, expectedVersion: loaded });
      await expect(stale).rejects.toMatchObject({ name: "UserFacingError", message: STALE_DOSSIER, kind: "conflict" });
    }
    expect(await snapshot(organisation.id)).toEqual(before);
  });

  it("refuses a postcode that is not the commune's, and an unknown Formacode, with field errors", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const before = await snapshot(organisation.id);
    const wrongPostcode = dossierContent({ address: { ...dossierContent().address, postcode: "75001" } });
    await expect(saveDossier({ organisationId: organisation.id, actor: providerActor, content: wrongPostcode, submit: false })).rejects.toMatchObject({
      name: "UserFacingError",
      errors: { "address.postcode": expect.stringMatching(/^Le code postal 75001 n’est pas celui de Toulouse \(.*31000.*\)\u00a0: corrigez le code postal ou la commune\.$/) },
    });
    const unknownField = dossierContent({ trainingFields: ["42093", UNKNOWN_FORMACODE] });
    await expect(saveDossier({ organisationId: organisation.id, actor: providerActor, content: unknownField, submit: true })).rejects.toMatchObject({
      errors: { trainingFields: `Code Formacode inconnu\u00a0: ${UNKNOWN_FORMACODE}. Choisissez les domaines dans la liste.` },
    });
    expect(await snapshot(organisation.id)).toEqual(before);
  });
});

describe("staff decisions on a dossier", () => {
  it("approval copies the content into the organisation, restarts the 12 months and brings its actions back", async () => {
    const p = await organisationWithAction();
    const db = await getDb();
    await db.update(organisations).set({ dossierApprovedAt: new Date(Date.now() - 400 * 24 * 3600 * 1000) }).where(eq(organisations.id, p.organisation.id));
    const today = parisDate();
    expect(await diffusedOn(p.actionId, today)).toBe(false);

    const content = dossierContent({ usualName: "Atelier des métiers", website: "https://atelier.example.org" });
    const dossierId = await saveDossier({ organisationId: p.organisation.id, actor: p.providerActor, content, submit: true });
    await approveDossier({ dossierId, actor: p.staffActor });

    const organisation = await organisationRow(p.organisation.id);
    expect(organisation).toMatchObject({
      name: "Atelier des métiers",
      legalName: content.legalName,
      siret: content.siret,
      activityNumber: content.activityNumber,
      street: "12 rue des Lilas",
      postalCode: "31000",
      email: content.email,
      phone: content.phone,
      website: "https://atelier.example.org",
      dossier: { ...content, address: { ...content.address, communeName: "Toulouse" } },
    });
    expect((await dossiersOf(p.organisation.id))[0]).toMatchObject({ status: "approved", decidedBy: p.staffActor.id });
    expect(await diffusedOn(p.actionId, today)).toBe(true);
    const dossier = await getDossierForOrganisation({ organisationId: p.organisation.id, today });
    expect(dossier).toMatchObject({ valid: true, keptByRenewal: false, expiryDate: addMonths(parisDate(organisation.dossierApprovedAt!), 12) });
    expect(await dossierEvents(p.organisation.id)).toEqual(["dossier.submitted", "dossier.approved"]);
  });

  it("a renewal sent before the expiry keeps the actions online past the 12 months; one sent after does not", async () => {
    const early = await organisationWithAction();
    await sendAndApprove(early, new Date("2024-03-01T10:00:00Z"), new Date("2024-03-10T10:00:00Z"));
    expect(await diffusedOn(early.actionId, "2025-03-09")).toBe(true);
    expect(await diffusedOn(early.actionId, "2025-03-10")).toBe(false);
    // Sent on 5 March 2025, five days before the expiry, approved on 20 April.
    const renewal = await saveDossier({ organisationId: early.organisation.id, actor: early.providerActor, content: dossierContent(), submit: true, now: new Date("2025-03-05T10:00:00Z") });
    expect(await diffusedOn(early.actionId, "2025-03-10")).toBe(true);
    expect(await diffusedOn(early.actionId, "2025-04-19")).toBe(true);
    const waiting = await getDossierForOrganisation({ organisationId: early.organisation.id, today: "2025-04-19" });
    expect(waiting).toMatchObject({ valid: true, keptByRenewal: true, expiryDate: "2025-03-10" });
    await approveDossier({ dossierId: renewal, actor: early.staffActor, now: new Date("2025-04-20T10:00:00Z") });
    expect(await diffusedOn(early.actionId, "2026-04-19")).toBe(true);
    expect(await diffusedOn(early.actionId, "2026-04-20")).toBe(false);

    const late = await organisationWithAction();
    await sendAndApprove(late, new Date("2024-03-01T10:00:00Z"), new Date("2024-03-10T10:00:00Z"));
    const lateRenewal = await saveDossier({ organisationId: late.organisation.id, actor: late.providerActor, content: dossierContent(), submit: true, now: new Date("2025-03-12T10:00:00Z") });
    expect(await diffusedOn(late.actionId, "2025-03-15")).toBe(false);
    expect(await getDossierForOrganisation({ organisationId: late.organisation.id, today: "2025-03-15" })).toMatchObject({ valid: false, keptByRenewal: false });
    await approveDossier({ dossierId: lateRenewal, actor: late.staffActor, now: new Date("2025-03-20T10:00:00Z") });
    expect(await diffusedOn(late.actionId, "2025-03-20")).toBe(true);
  });

  it("a renewal rejected after the expiry withdraws the actions", async () => {
    const p = await organisationWithAction();
    await sendAndApprove(p, new Date("2024-03-01T10:00:00Z"), new Date("2024-03-10T10:00:00Z"));
    const renewal = await saveDossier({ organisationId: p.organisation.id, actor: p.providerActor, content: dossierContent(), submit: true, now: new Date("2025-03-01T10:00:00Z") });
    expect(await diffusedOn(p.actionId, "2025-04-01")).toBe(true);

    await rejectDossier({ dossierId: renewal, actor: p.staffActor, reason: "Le numéro de déclaration d’activité est celui d’un autre organisme.", now: new Date("2025-04-02T10:00:00Z") });

    expect(await diffusedOn(p.actionId, "2025-04-02")).toBe(false);
    const dossier = await getDossierForOrganisation({ organisationId: p.organisation.id, today: "2025-04-02" });
    expect(dossier).toMatchObject({ valid: false, latest: { id: renewal, status: "rejected", rejectionReason: expect.stringContaining("déclaration d’activité") } });
    await expect(approveDossier({ dossierId: renewal, actor: p.staffActor })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("« Je confirme que ces informations sont à jour » resends the approved dossier unchanged", async () => {
    const p = await organisationWithAction();
    await expect(confirmDossierUnchanged({ organisationId: p.organisation.id, actor: p.providerActor })).rejects.toMatchObject({ kind: "conflict" });
    await sendAndApprove(p, new Date("2024-03-01T10:00:00Z"), new Date("2024-03-10T10:00:00Z"));
    const { version } = (await getDossierForOrganisation({ organisationId: p.organisation.id, today: "2025-02-01" }))!;

    const dossierId = await confirmDossierUnchanged({ organisationId: p.organisation.id, actor: p.providerActor, expectedVersion: version, now: new Date("2025-02-01T10:00:00Z") });

    const [, resent] = await dossiersOf(p.organisation.id);
    expect(resent).toMatchObject({ id: dossierId, number: 2, status: "submitted", confirmedUnchanged: true, content: (await organisationRow(p.organisation.id)).dossier });
    expect((await listDossierQueue()).find((d) => d.dossierId === dossierId)).toMatchObject({ confirmedUnchanged: true });
    expect(await diffusedOn(p.actionId, "2025-05-01")).toBe(true);
  });

  it("refuses at approval a SIRET already used by another organisation, and writes nothing", async () => {
    const p = await organisationWithAction();
    const other = await createOrganisation();
    const dossierId = await saveDossier({ organisationId: p.organisation.id, actor: p.providerActor, content: dossierContent({ siret: other.siret }), submit: true });
    const before = await snapshot(p.organisation.id);

    await expect(approveDossier({ dossierId, actor: p.staffActor })).rejects.toMatchObject({
      name: "UserFacingError",
      message: `Le numéro SIRET ${other.siret} est déjà celui d’un autre organisme («\u00a0${other.name}\u00a0»).`,
    });

    expect(await snapshot(p.organisation.id)).toEqual(before);
    expect(await diffusedOn(p.actionId, parisDate())).toBe(false);
  });
});
