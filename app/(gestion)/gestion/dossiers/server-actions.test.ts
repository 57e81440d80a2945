// Staff decisions on an organisation dossier (« Valider le dossier », « Refuser »), per role,
// called as the review form calls them, on the real database: one decision wins, a refused or
// invalid call writes nothing and refreshes nothing.

import {
  databaseFingerprint,
  FIELDS_TO_FIX,
  NO_RIGHTS,
  outcome,
  SESSION_EXPIRED,
  signInAs,
  updateTagMock as updateTag,
} from "@/app/test-utils/server-action-harness";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { approveDossierSubmission, rejectDossierSubmission } from "@/app/(gestion)/gestion/dossiers/server-actions";
import { getDb } from "@/db";
import { saveDossier, withdrawDossier } from "@/db/queries/dossiers";
import { organisationDossiers, organisations, users } from "@/db/schema";
import { actorOf, createOrganisation, createProviderAndStaff, createProviderUser, createStaffUser, dossierContent } from "@/db/test-utils/fixtures";
import type { ActionState } from "@/lib/auth/safe-action";
import { seenDossier } from "@/app/test-utils/submissions";

const REASON = "Le numéro de déclaration d’activité ne correspond pas à l’organisme.";

async function dossierRow(dossierId: string) {
  const db = await getDb();
  const [row] = await db.select().from(organisationDossiers).where(eq(organisationDossiers.id, dossierId));
  return row!;
}

async function organisationRow(organisationId: string) {
  const db = await getDb();
  const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId));
  return row!;
}

/** An organisation whose first dossier waits for staff, a draft of another, the people who may or may not decide. */
async function seed() {
  const { organisation, provider, staff, providerActor } = await createProviderAndStaff({ dossierApprovedAt: null });
  const admin = await createStaffUser({ role: "admin" });
  const otherProvider = await createProviderUser();
  const content = dossierContent({ usualName: "Atelier des métiers" });
  const submitted = await saveDossier({ organisationId: organisation.id, actor: providerActor, content, submit: true });
  const otherOrganisation = otherProvider.organisationId!;
  const draft = await saveDossier({ organisationId: otherOrganisation, actor: actorOf(otherProvider), content: dossierContent(), submit: false });
  return { organisation, provider, otherProvider, staff, admin, submitted, draft, content };
}

type Seed = Awaited<ReturnType<typeof seed>>;

const validCalls: Record<string, (s: Seed) => Promise<ActionState | void>> = {
  approveDossierSubmission: async (s) => approveDossierSubmission(await seenDossier(s.submitted)),
  rejectDossierSubmission: async (s) => rejectDossierSubmission({ ...(await seenDossier(s.submitted)), reason: REASON }),
};

async function expectRefused(s: Seed, name: string, message: string) {
  const before = await databaseFingerprint();
  expect(await outcome(validCalls[name]!(s))).toEqual({ state: { message } });
  expect(await databaseFingerprint()).toEqual(before);
  expect(await dossierRow(s.submitted)).toMatchObject({ status: "submitted", decidedBy: null });
  expect(updateTag).not.toHaveBeenCalled();
}

describe("who may decide on a dossier", () => {
  it.each(Object.keys(validCalls))("%s, anonymous: session expired, nothing written", async (name) => {
    const s = await seed();
    signInAs(null);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(Object.keys(validCalls))("%s, disabled staff account: session expired, nothing written", async (name) => {
    const s = await seed();
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.staff.id));
    signInAs(s.staff);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(Object.keys(validCalls).flatMap((name) => [["the organisation's provider", name], ["another provider", name]] as const))(
    "%s calling %s: refused, nothing written",
    async (who, name) => {
      const s = await seed();
      signInAs(who === "another provider" ? s.otherProvider : s.provider);
      await expectRefused(s, name, NO_RIGHTS);
    },
  );

  it("a token claiming the staff role for a provider account gives no staff rights", async () => {
    const s = await seed();
    signInAs({ ...s.provider, role: "staff" });
    await expectRefused(s, "approveDossierSubmission", NO_RIGHTS);
  });
});

describe.each(["staff", "admin"] as const)("%s", (role) => {
  const reviewerOf = (s: Seed) => (role === "staff" ? s.staff : s.admin);

  it("approves: the organisation takes the dossier, the catalogue is refreshed, back to the queue", async () => {
    const s = await seed();
    signInAs(reviewerOf(s));

    expect(await outcome(approveDossierSubmission(await seenDossier(s.submitted)))).toEqual({ redirectedTo: `/gestion/validation?dossier-valide=${s.submitted}` });

    expect(await dossierRow(s.submitted)).toMatchObject({ status: "approved", decidedBy: reviewerOf(s).id });
    expect(await organisationRow(s.organisation.id)).toMatchObject({ name: "Atelier des métiers", siret: s.content.siret, dossierApprovedAt: expect.any(Date) });
    expect(updateTag).toHaveBeenCalledWith("catalogue");
  });

  it("rejects with a reason: the dossier goes back to the organisation", async () => {
    const s = await seed();
    signInAs(reviewerOf(s));

    expect(await outcome(rejectDossierSubmission({ ...(await seenDossier(s.submitted)), reason: REASON }))).toEqual({ redirectedTo: `/gestion/validation?dossier-refuse=${s.submitted}` });

    expect(await dossierRow(s.submitted)).toMatchObject({ status: "rejected", rejectionReason: REASON, decidedBy: reviewerOf(s).id });
    expect((await organisationRow(s.organisation.id)).dossierApprovedAt).toBeNull();
  });
});

describe("decisions refused for what was sent", () => {
  it("a reject without a reason, or a malformed id: field errors, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    for (const reason of ["", "   "]) {
      expect(await outcome(rejectDossierSubmission({ ...(await seenDossier(s.submitted)), reason }))).toEqual({
        state: { message: FIELDS_TO_FIX, errors: { reason: "Indiquez le motif du refus." } },
      });
    }
    expect(await outcome(approveDossierSubmission({ dossierId: "pas-un-identifiant", submittedAt: new Date().toISOString() }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { dossierId: "Ce dossier est introuvable." } },
    });

    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("an unknown dossier, a draft, or one already decided: refused, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    await outcome(approveDossierSubmission(await seenDossier(s.submitted)));
    updateTag.mockClear();
    const before = await databaseFingerprint();

    expect(await outcome(approveDossierSubmission(await seenDossier(randomUUID())))).toEqual({ state: { message: "Ce dossier est introuvable." } });
    for (const dossierId of [s.draft, s.submitted]) {
      expect(await outcome(approveDossierSubmission(await seenDossier(dossierId)))).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
      expect(await outcome(rejectDossierSubmission({ ...(await seenDossier(dossierId)), reason: REASON }))).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
    }

    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("sent again after staff opened it: the decision on what staff saw is refused, nothing written", async () => {
    const s = await seed();
    const seen = await seenDossier(s.submitted);
    const actor = actorOf(s.provider);
    await withdrawDossier({ organisationId: s.organisation.id, actor });
    const resent = await saveDossier({ organisationId: s.organisation.id, actor, content: dossierContent({ usualName: "Autre nom, jamais vu" }), submit: true });
    expect(resent).toBe(s.submitted);
    signInAs(s.staff);
    const before = await databaseFingerprint();
    const resubmitted = { state: { message: "L’organisme a retiré puis renvoyé cette demande depuis que vous l’avez ouverte : rechargez la page pour examiner ce qu’il a envoyé." } };
    expect(await outcome(approveDossierSubmission(seen))).toEqual(resubmitted);
    expect(await outcome(rejectDossierSubmission({ ...seen, reason: REASON }))).toEqual(resubmitted);
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
    expect((await organisationRow(s.organisation.id)).dossierApprovedAt).toBeNull();
  });

  it("a SIRET already used by another organisation: refused at approval, nothing written", async () => {
    const s = await seed();
    const other = await createOrganisation();
    const organisationId = s.otherProvider.organisationId!;
    const dossierId = await saveDossier({ organisationId, actor: actorOf(s.otherProvider), content: dossierContent({ siret: other.siret }), submit: true });
    signInAs(s.staff);
    const before = await databaseFingerprint();

    expect(await outcome(approveDossierSubmission(await seenDossier(dossierId)))).toEqual({ state: { message: expect.stringContaining(`Le numéro SIRET ${other.siret} est déjà celui d’un autre organisme`) } });

    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});
