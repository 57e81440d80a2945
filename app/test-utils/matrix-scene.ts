// The authorization matrix's data and calls: one call per declared server action, with input that
// succeeds for a caller the declaration allows, so that only authorization can stop it. The
// record is typed by lib/auth/permissions.ts: declaring an action without its call here does not
// compile, and app/authorization-matrix.test.ts fails on an action that is not declared.

import { eq } from "drizzle-orm";
import { login } from "@/app/(auth)/connexion/server-actions";
import { completeReset, requestReset } from "@/app/(auth)/mot-de-passe-oublie/server-actions";
import { signOutEverywhere } from "@/app/(auth)/mon-compte/server-actions";
import { logout } from "@/app/(auth)/server-actions";
import { changePassword } from "@/app/(auth)/mot-de-passe/server-actions";
import { importLheoBatch, readLheoFile } from "@/app/(organisme)/espace-organisme/actions/importer/server-actions";
import { changeAccountRole, createTeamAccount, resetAccountCodes, setAccountDisabled } from "@/app/(gestion)/gestion/comptes/server-actions";
import { resendMail } from "@/app/(gestion)/gestion/courriels/server-actions";
import { approveDossierSubmission, rejectDossierSubmission } from "@/app/(gestion)/gestion/dossiers/server-actions";
import { createOrganisation } from "@/app/(gestion)/gestion/organismes/server-actions";
import { saveAccessContact, saveRejectionReasons } from "@/app/(gestion)/gestion/parametres/server-actions";
import { approveMinorSubmission, approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import * as actionForms from "@/app/(organisme)/espace-organisme/actions/server-actions";
import * as dossierForms from "@/app/(organisme)/espace-organisme/dossier/server-actions";
import { seed, type Seed } from "@/app/test-utils/action-seed";
import { seenDossier, seenRevision } from "@/app/test-utils/submissions";
import { getDb } from "@/db";
import { approveDossier, saveDossier } from "@/db/queries/dossiers";
import { mailOutbox, organisations, users, type User } from "@/db/schema";
import { actionContent, actorOf, createOrganisation as createOrganisationRow, createProviderUser, dossierContent, FORMACODE_NETTOYAGE, TOULOUSE, validSiret } from "@/db/test-utils/fixtures";
import { writeFeed } from "@/db/test-utils/lheo-feed";
import { hashPassword } from "@/lib/auth/password";
import { parisDate } from "@/lib/dates";
import type { ServerActionName } from "@/lib/auth/permissions";

export const CALLERS = ["anonymous", "disabled", "other-provider", "provider", "staff", "admin"] as const;
export type Caller = (typeof CALLERS)[number];

export interface Scene extends Seed {
  otherProvider: User;
  disabled: User;
  /** A dossier of another organisation, waiting for staff. */
  dossierId: string;
  failedMailId: number;
}

export async function scene(): Promise<Scene> {
  const s = await seed();
  const db = await getDb();
  const otherProvider = await createProviderUser();
  const disabled = await createProviderUser({ organisationId: s.organisation.id });
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
  const waiting = await createOrganisationRow();
  const waitingProvider = await createProviderUser({ organisationId: waiting.id });
  const dossierId = await saveDossier({ organisationId: waiting.id, actor: actorOf(waitingProvider), content: dossierContent(), submit: true, expectedVersion: waiting.dossierVersion });
  const [mail] = await db
    .insert(mailOutbox)
    .values({ kind: "test", toAddress: "personne@example.org", subject: "Essai", text: "Essai", status: "failed", attempts: 5 })
    .returning({ id: mailOutbox.id });
  return { ...s, otherProvider, disabled, dossierId, failedMailId: mail!.id };
}

/** The user a caller signs in as (null: nobody). */
export function userOf(s: Scene, caller: Caller): User | null {
  return { anonymous: null, disabled: s.disabled, "other-provider": s.otherProvider, provider: s.provider, staff: s.staff, admin: s.admin }[caller];
}

const PASSWORD = "Quatre chevaux blancs galopent vers Toul";
const NEW_PASSWORD = "Sept hérons gris pêchent dans la Moselle";

async function dossierVersion(organisationId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ version: organisations.dossierVersion }).from(organisations).where(eq(organisations.id, organisationId));
  return row!.version;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

export interface MatrixCall {
  /** Brings the caller's own data where the action needs it (before the fingerprint is taken). */
  prepare?: (s: Scene, user: User | null) => Promise<void>;
  /** What the form would send: input that succeeds for a caller the declaration allows. */
  input: (s: Scene, user: User | null) => unknown;
  /** Sends it as the form does (an object, or FormData for the forms that post one). */
  send: (input: never) => Promise<unknown>;
}

/** The call as the page makes it. */
export async function callAs(c: MatrixCall, s: Scene, user: User | null): Promise<unknown> {
  return c.send((await c.input(s, user)) as never);
}

/** A form posts text only: whatever a test puts in a field arrives as text. */
function asText(value: unknown): string {
  try {
    return typeof value === "string" ? value : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

const fields = (values: unknown) =>
  form(Object.fromEntries(Object.entries(values && typeof values === "object" ? values : {}).map(([k, v]) => [k, asText(v)])));

/** A provider caller's own organisation gets a dossier in the state the action needs. */
function withDossier(state: "submitted" | "approved"): MatrixCall["prepare"] {
  return async (_s, user) => {
    if (user?.role !== "provider" || !user.organisationId || user.disabledAt) return;
    const id = await saveDossier({ organisationId: user.organisationId, actor: actorOf(user), content: dossierContent(), submit: true, expectedVersion: await dossierVersion(user.organisationId) });
    if (state === "approved") await approveDossier({ dossierId: id, actor: { id: user.id, role: "staff" } });
  };
}

const version = async (user: User | null) => (user?.organisationId ? dossierVersion(user.organisationId) : 0);

export const MATRIX_CALLS: Record<ServerActionName, MatrixCall> = {
  login: { input: () => ({ identifier: "personne", password: PASSWORD }), send: (v: unknown) => login({}, fields(v)) },
  requestReset: { input: () => ({ login: "personne" }), send: (v: unknown) => requestReset({}, fields(v)) },
  completeReset: {
    input: () => ({ token: "a".repeat(43), password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    send: (v: unknown) => completeReset({}, fields(v)),
  },
  changePassword: {
    prepare: async (_s, user) => {
      if (user) await (await getDb()).update(users).set({ passwordHash: await hashPassword(PASSWORD) }).where(eq(users.id, user.id));
    },
    input: () => ({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }),
    send: changePassword,
  },
  logout: { input: () => new FormData(), send: logout },
  signOutEverywhere: { input: () => ({}), send: signOutEverywhere },
  readLheoFile: {
    input: async () => ({ file: (await writeFeed({ today: parisDate(), pageSize: 50 }))! }),
    send: (input: { file?: unknown } | null) => {
      const data = new FormData();
      data.set("file", new File([asText(input?.file)], "offre.xml", { type: "application/xml" }));
      return readLheoFile(data);
    },
  },
  importLheoBatch: { input: () => ({ fileName: "offre.xml", formations: [{ position: 1, numero: "F-1", content: actionContent(), notes: [] }] }), send: importLheoBatch },
  saveDraft: { input: (s) => ({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: actionContent() }), send: actionForms.saveDraft },
  submitForValidation: { input: (s) => ({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: actionContent() }), send: actionForms.submitForValidation },
  withdrawFromValidation: { input: (s) => ({ actionId: s.submitted.actionId }), send: actionForms.withdrawFromValidation },
  sendQuickUpdate: {
    input: (s) => ({ actionId: s.published.actionId, expectedVersion: s.published.version, sessions: [{ id: s.published.sessionId, placesAvailable: 3, recruitment: "1" }] }),
    send: actionForms.sendQuickUpdate,
  },
  duplicate: { input: (s) => ({ actionId: s.published.actionId }), send: actionForms.duplicate },
  archive: { input: (s) => ({ actionId: s.published.actionId }), send: actionForms.archive },
  restore: { input: (s) => ({ actionId: s.archived.actionId }), send: actionForms.restore },
  saveDossierDraft: { input: async (_s, user) => ({ expectedVersion: await version(user), values: dossierContent() }), send: dossierForms.saveDossierDraft },
  submitDossier: { input: async (_s, user) => ({ expectedVersion: await version(user), values: dossierContent() }), send: dossierForms.submitDossier },
  withdrawDossierFromValidation: { prepare: withDossier("submitted"), input: () => ({}), send: dossierForms.withdrawDossierFromValidation },
  confirmDossierUpToDate: {
    prepare: withDossier("approved"),
    input: async (_s, user) => ({ expectedVersion: await version(user), confirmed: true }),
    send: dossierForms.confirmDossierUpToDate,
  },
  approveSubmission: {
    input: async (s) => ({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }),
    send: approveSubmission,
  },
  approveMinorSubmission: { input: async (s) => ({ ...(await seenRevision(s.minor.revisionId)) }), send: approveMinorSubmission },
  rejectSubmission: {
    input: async (s) => ({ ...(await seenRevision(s.submitted.revisionId)), reason: "Les objectifs ne décrivent pas la formation." }),
    send: rejectSubmission,
  },
  approveDossierSubmission: { input: async (s) => ({ ...(await seenDossier(s.dossierId)) }), send: approveDossierSubmission },
  rejectDossierSubmission: {
    input: async (s) => ({ ...(await seenDossier(s.dossierId)), reason: "Le numéro de déclaration d’activité est à vérifier." }),
    send: rejectDossierSubmission,
  },
  createOrganisation: {
    input: () => ({
      name: "Atelier lorrain de formation",
      siret: validSiret(),
      address: { street: "3 rue de la Gare", street2: "", postcode: "31000", communeInsee: TOULOUSE, communeName: "" },
      email: `contact-${crypto.randomUUID()}@example.org`,
      userName: "Camille Durand",
      userEmail: `camille-${crypto.randomUUID()}@example.org`,
    }),
    send: createOrganisation,
  },
  resetAccountCodes: { input: (s) => ({ userId: s.provider.id }), send: resetAccountCodes },
  setAccountDisabled: { input: (s) => ({ userId: s.provider.id, disabled: true }), send: setAccountDisabled },
  changeAccountRole: { input: (s) => ({ userId: s.staff.id, role: "admin" }), send: changeAccountRole },
  createTeamAccount: { input: () => ({ displayName: "Dominique Petit", email: `dominique-${crypto.randomUUID()}@example.org`, role: "staff" }), send: createTeamAccount },
  saveAccessContact: { input: () => ({ name: "", phone: "03 83 00 00 00", email: "", details: "" }), send: saveAccessContact },
  saveRejectionReasons: { input: () => ({ reasons: [] }), send: saveRejectionReasons },
  resendMail: { input: (s) => ({ mailId: s.failedMailId }), send: resendMail },
};
