// The provider's server actions on the organisation dossier (« Enregistrer le brouillon »,
// « Envoyer pour validation », « Retirer de la validation », « Je confirme que ces informations
// sont à jour »), per role, called as the page calls them, on the real database: the organisation
// is always the session user's, and a refused call writes nothing.

import {
  databaseFingerprint,
  FIELDS_TO_FIX,
  NO_RIGHTS,
  outcome,
  SESSION_EXPIRED,
  signInAs,
  updateTagMock as updateTag,
} from "@/app/test-utils/server-action-harness";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  confirmDossierUpToDate,
  saveDossierDraft,
  submitDossier,
  withdrawDossierFromValidation,
} from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { getDb } from "@/db";
import { approveDossier, confirmDossierUnchanged, saveDossier, STALE_DOSSIER } from "@/db/queries/dossiers";
import { organisationDossiers, organisations, users } from "@/db/schema";
import { createProviderAndStaff, createProviderUser, createStaffUser, dossierContent } from "@/db/test-utils/fixtures";
import type { ActionState } from "@/lib/auth/safe-action";
import { DOSSIER_SUBMISSION_REFUSED } from "@/lib/validations/organisation";

const PAGE = "/espace-organisme/dossier";
const NOT_WAITING = "Votre dossier n’est plus en attente de validation\u00a0: il a peut-être déjà été traité.";

async function versionOf(organisationId: string) {
  const db = await getDb();
  const [row] = await db.select({ version: organisations.dossierVersion }).from(organisations).where(eq(organisations.id, organisationId));
  return row!.version;
}

async function dossiersOf(organisationId: string) {
  const db = await getDb();
  return db.select().from(organisationDossiers).where(eq(organisationDossiers.organisationId, organisationId)).orderBy(asc(organisationDossiers.number));
}

/** An organisation with an approved dossier and nothing open, its provider, staff, an administrator, and a provider of another organisation. */
async function seed() {
  const { organisation, provider, staff, providerActor, staffActor } = await createProviderAndStaff({ dossierApprovedAt: null });
  const admin = await createStaffUser({ role: "admin" });
  const otherProvider = await createProviderUser();
  const dossierId = await saveDossier({ organisationId: organisation.id, actor: providerActor, content: dossierContent(), submit: true });
  await approveDossier({ dossierId, actor: staffActor });
  return { organisation, provider, providerActor, staff, admin, otherProvider };
}

type Seed = Awaited<ReturnType<typeof seed>>;

/** Sends the approved dossier again: a renewal waiting for staff. */
async function renewalWaiting(s: Seed) {
  await confirmDossierUnchanged({ organisationId: s.organisation.id, actor: s.providerActor });
}

/** Each action with input that would succeed for the organisation's provider, in the state `prepare` leaves. */
const validCalls: Record<string, { prepare?: (s: Seed) => Promise<void>; call: (s: Seed) => Promise<ActionState | void> }> = {
  saveDossierDraft: { call: async (s) => saveDossierDraft({ expectedVersion: await versionOf(s.organisation.id), values: dossierContent() }) },
  submitDossier: { call: async (s) => submitDossier({ expectedVersion: await versionOf(s.organisation.id), values: dossierContent() }) },
  withdrawDossierFromValidation: { prepare: renewalWaiting, call: () => withdrawDossierFromValidation({}) },
  confirmDossierUpToDate: { call: async (s) => confirmDossierUpToDate({ expectedVersion: await versionOf(s.organisation.id), confirmed: true }) },
};

async function expectRefused(s: Seed, name: string, message: string) {
  await validCalls[name]!.prepare?.(s);
  const before = await databaseFingerprint();
  expect(await outcome(validCalls[name]!.call(s))).toEqual({ state: { message } });
  expect(await databaseFingerprint()).toEqual(before);
  expect(updateTag).not.toHaveBeenCalled();
}

describe("who may call the provider's dossier actions", () => {
  it.each(Object.keys(validCalls))("%s, anonymous: session expired, nothing written", async (name) => {
    const s = await seed();
    signInAs(null);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(Object.keys(validCalls))("%s, disabled provider account: session expired, nothing written", async (name) => {
    const s = await seed();
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.provider.id));
    signInAs(s.provider);
    await expectRefused(s, name, SESSION_EXPIRED);
  });

  it.each(Object.keys(validCalls).flatMap((name) => [["staff", name], ["admin", name]] as const))("%s calling %s: refused, nothing written", async (role, name) => {
    const s = await seed();
    signInAs(role === "staff" ? s.staff : s.admin);
    await expectRefused(s, name, NO_RIGHTS);
  });
});

describe("the organisation's provider", () => {
  it("saves a draft, sends it, pulls it back: each redirects to the dossier page", async () => {
    const s = await seed();
    signInAs(s.provider);
    const values = dossierContent({ usualName: "Atelier des métiers" });

    expect(await outcome(saveDossierDraft({ expectedVersion: await versionOf(s.organisation.id), values }))).toEqual({ redirectedTo: `${PAGE}?statut=brouillon` });
    expect((await dossiersOf(s.organisation.id)).at(-1)).toMatchObject({ number: 2, status: "draft", createdBy: s.provider.id, content: { usualName: "Atelier des métiers" } });

    expect(await outcome(submitDossier({ expectedVersion: await versionOf(s.organisation.id), values }))).toEqual({ redirectedTo: `${PAGE}?statut=envoye` });
    expect((await dossiersOf(s.organisation.id)).at(-1)).toMatchObject({ number: 2, status: "submitted", submittedBy: s.provider.id });

    expect(await outcome(withdrawDossierFromValidation({}))).toEqual({ redirectedTo: `${PAGE}?statut=retire` });
    expect((await dossiersOf(s.organisation.id)).at(-1)).toMatchObject({ number: 2, status: "draft" });
    // The renewal may have been what kept the actions online.
    expect(updateTag).toHaveBeenCalledWith("catalogue");
  });

  it("confirms the dossier is up to date: the approved content is sent again", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();

    expect(await outcome(confirmDossierUpToDate({ expectedVersion: await versionOf(s.organisation.id), confirmed: false }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { confirmed: "Cochez la case pour confirmer que ces informations sont à jour." } },
    });
    expect(await databaseFingerprint()).toEqual(before);

    expect(await outcome(confirmDossierUpToDate({ expectedVersion: await versionOf(s.organisation.id), confirmed: true }))).toEqual({ redirectedTo: `${PAGE}?statut=confirme` });
    const [approved, resent] = await dossiersOf(s.organisation.id);
    expect(resent).toMatchObject({ status: "submitted", confirmedUnchanged: true, submittedBy: s.provider.id, content: approved!.content });
  });

  it("invalid values, a malformed or stale version: refused with the reason, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const version = await versionOf(s.organisation.id);
    const before = await databaseFingerprint();

    expect(await outcome(submitDossier({ expectedVersion: version, values: dossierContent({ siret: "00000000000001", contacts: [], premises: "" }) }))).toEqual({
      state: {
        message: DOSSIER_SUBMISSION_REFUSED,
        errors: {
          siret: expect.stringContaining("Ce numéro SIRET n’existe pas"),
          contacts: "Indiquez au moins une personne à contacter.",
          premises: "Indiquez vos locaux.",
        },
      },
    });
    for (const expectedVersion of [-1, 1.5, "3"]) {
      const result = await outcome(saveDossierDraft({ expectedVersion: expectedVersion as number, values: dossierContent() }));
      expect(result).toEqual({ state: { message: FIELDS_TO_FIX, errors: { expectedVersion: expect.stringContaining("rechargez-la") } } });
    }
    // A tab opened before the last change.
    for (const save of [saveDossierDraft, submitDossier]) {
      expect(await outcome(save({ expectedVersion: version - 1, values: dossierContent() }))).toEqual({ state: { message: STALE_DOSSIER } });
    }
    expect(await outcome(confirmDossierUpToDate({ expectedVersion: version - 1, confirmed: true }))).toEqual({ state: { message: STALE_DOSSIER } });

    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("a provider of another organisation", () => {
  it("only ever reaches their own organisation's dossier: the input cannot name another one", async () => {
    const s = await seed();
    await renewalWaiting(s);
    const theirs = s.otherProvider.organisationId!;
    const before = await dossiersOf(s.organisation.id);
    const organisationBefore = await versionOf(s.organisation.id);
    signInAs(s.otherProvider);

    // An organisationId slipped into the input is not read.
    const input = { expectedVersion: await versionOf(theirs), values: dossierContent(), organisationId: s.organisation.id };
    expect(await outcome(saveDossierDraft(input))).toEqual({ redirectedTo: `${PAGE}?statut=brouillon` });
    expect(await dossiersOf(theirs)).toEqual([expect.objectContaining({ status: "draft", createdBy: s.otherProvider.id })]);

    // Their own organisation has nothing waiting, and no approved dossier to confirm.
    expect(await outcome(withdrawDossierFromValidation({ organisationId: s.organisation.id } as never))).toEqual({ state: { message: NOT_WAITING } });
    expect(await outcome(confirmDossierUpToDate({ expectedVersion: await versionOf(theirs), confirmed: true }))).toEqual({
      state: { message: expect.stringContaining("n’a pas encore de dossier validé") },
    });

    expect(await dossiersOf(s.organisation.id)).toEqual(before);
    expect(await versionOf(s.organisation.id)).toBe(organisationBefore);
  });

  it("a provider account without an organisation cannot save", async () => {
    const s = await seed();
    const db = await getDb();
    await db.update(users).set({ organisationId: null }).where(eq(users.id, s.otherProvider.id));
    signInAs(s.otherProvider);
    const before = await databaseFingerprint();
    expect(await outcome(saveDossierDraft({ expectedVersion: 0, values: dossierContent() }))).toEqual({
      state: { message: "Votre compte n’est rattaché à aucun organisme\u00a0: contactez l’équipe du centre." },
    });
    expect(await outcome(withdrawDossierFromValidation({}))).toEqual({ state: { message: expect.stringContaining("aucun organisme") } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
