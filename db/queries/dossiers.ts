import "server-only";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { communes, organisationDossiers, organisations, users, type Organisation } from "@/db/schema";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { checkAddresses, unknownFormacodes } from "@/db/queries/reference-checks";
import { dossierExpiryDate, isDossierValid } from "@/lib/diffusion";
import { UserFacingError } from "@/lib/errors";
import { displayName, type DossierContent } from "@/lib/validations/organisation";
import { recordOrganisationChanges } from "@/db/jobs/diffusion-changes";
import { notifyOrganisation } from "@/db/queries/mail";
import { parisDate } from "@/lib/dates";
import { dossierDecided } from "@/lib/mail/messages";
import { appUrl } from "@/lib/urls";
import { isSubmissionOf, RESUBMITTED_MESSAGE } from "@/db/queries/submission-check";

// R8: the organisation dossier, with the same draft → submitted → approved | rejected cycle as
// an action revision. Approval copies the content into `organisations` (what the public pages
// and the diffusion rule read) and restarts the 12 months.

export const STALE_DOSSIER =
  "Le dossier a été modifié depuis que vous avez ouvert la page (dans un autre onglet ou par une autre personne de votre organisme). Vos modifications ne sont pas enregistrées : copiez-les si besoin, puis rechargez la page.";

/** The dossier as the organisation's columns describe it, for an organisation that never sent one. */
function contentFromColumns(organisation: Organisation, communeName: string): DossierContent {
  return {
    legalName: organisation.legalName ?? organisation.name,
    usualName: organisation.legalName && organisation.legalName !== organisation.name ? organisation.name : "",
    siret: organisation.siret,
    activityNumber: organisation.activityNumber ?? "",
    address: { street: organisation.street, street2: "", postcode: organisation.postalCode, communeInsee: organisation.communeInsee, communeName },
    phone: organisation.phone ?? "",
    email: organisation.email ?? "",
    website: organisation.website ?? "",
    contacts: [],
    trainingFields: [],
    premises: "",
    equipment: "",
    trainers: "",
    qualiopi: false,
    qualiopiDate: "",
    otherCertifications: "",
    accessibility: "",
  };
}

/**
 * The organisation's dossier for its provider: the latest version (open or decided), the approved
 * content, and where the 12 months stand on `today`.
 */
export async function getDossierForOrganisation({ organisationId, today }: { organisationId: string; today: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ organisation: organisations, communeName: communes.name })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(eq(organisations.id, organisationId));
  if (!row) return null;
  const { organisation } = row;
  const [latest] = await db
    .select()
    .from(organisationDossiers)
    .where(eq(organisationDossiers.organisationId, organisationId))
    .orderBy(desc(organisationDossiers.number))
    .limit(1);
  const approved = organisation.dossier ?? contentFromColumns(organisation, row.communeName);
  const submittedAt = latest?.status === "submitted" ? latest.submittedAt : null;
  const state = { dossierApprovedAt: organisation.dossierApprovedAt, dossierSubmittedAt: submittedAt };
  return {
    organisation,
    latest: latest ?? null,
    approved,
    version: organisation.dossierVersion,
    approvedAt: organisation.dossierApprovedAt,
    expiryDate: organisation.dossierApprovedAt ? dossierExpiryDate(organisation.dossierApprovedAt) : null,
    valid: isDossierValid(state, today),
    /** Valid only because a renewal sent in time is waiting for staff. */
    keptByRenewal: isDossierValid(state, today) && !isDossierValid({ ...state, dossierSubmittedAt: null }, today),
  };
}

async function lockOrganisation(tx: Transaction, organisationId: string, expectedVersion?: number) {
  const [organisation] = await tx
    .select({ id: organisations.id, version: organisations.dossierVersion })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for("update");
  if (!organisation) throw new UserFacingError("Cet organisme est introuvable.", "not-found");
  if (expectedVersion !== undefined && organisation.version !== expectedVersion) throw new UserFacingError(STALE_DOSSIER, "conflict");
}

async function bumpDossierVersion(tx: Transaction, organisationId: string, now: Date) {
  await tx
    .update(organisations)
    .set({ dossierVersion: sql`${organisations.dossierVersion} + 1`, updatedAt: now })
    .where(eq(organisations.id, organisationId));
}

async function openDossier(tx: Transaction, organisationId: string) {
  const [open] = await tx
    .select({ id: organisationDossiers.id, status: organisationDossiers.status })
    .from(organisationDossiers)
    .where(and(eq(organisationDossiers.organisationId, organisationId), inArray(organisationDossiers.status, ["draft", "submitted"])));
  return open;
}

async function nextDossierNumber(tx: Transaction, organisationId: string) {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${organisationDossiers.number}), 0) + 1` })
    .from(organisationDossiers)
    .where(eq(organisationDossiers.organisationId, organisationId));
  return Number(row!.next);
}

/** Communes, postcodes and Formacodes checked against the reference lists; the commune name filled in. */
async function withCheckedReferences(tx: Transaction, content: DossierContent): Promise<DossierContent> {
  const { names, errors } = await checkAddresses(tx, [{ path: "address", ...content.address }]);
  const unknown = await unknownFormacodes(tx, content.trainingFields);
  if (unknown.length > 0) errors.trainingFields = `Code Formacode inconnu : ${unknown.join(", ")}. Choisissez les domaines dans la liste.`;
  if (Object.keys(errors).length > 0) {
    throw new UserFacingError("Certains champs sont à corriger : voyez les messages sous chacun d’eux.", "invalid", errors);
  }
  return { ...content, address: { ...content.address, communeName: names.get(content.address.communeInsee) ?? "" } };
}

/** Saves the provider's dossier as the open version, and sends it to staff when `submit` is true. */
export async function saveDossier({
  organisationId,
  actor,
  content,
  submit,
  expectedVersion,
  confirmedUnchanged = false,
  now = new Date(),
}: {
  organisationId: string;
  actor: Actor;
  content: DossierContent;
  submit: boolean;
  expectedVersion?: number;
  confirmedUnchanged?: boolean;
  now?: Date;
}): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId, expectedVersion);
    const stored = await withCheckedReferences(tx, content);
    const open = await openDossier(tx, organisationId);
    if (open?.status === "submitted") {
      throw new UserFacingError("Votre dossier attend déjà la validation du centre. Retirez-le de la validation avant de le modifier.", "conflict");
    }
    const submission = submit ? { status: "submitted" as const, submittedAt: now, submittedBy: actor.id } : {};
    let dossierId: string;
    if (open) {
      await tx
        .update(organisationDossiers)
        .set({ content: stored, confirmedUnchanged, updatedAt: now, ...submission })
        .where(eq(organisationDossiers.id, open.id));
      dossierId = open.id;
    } else {
      const [created] = await tx
        .insert(organisationDossiers)
        .values({ organisationId, number: await nextDossierNumber(tx, organisationId), content: stored, confirmedUnchanged, createdBy: actor.id, ...submission })
        .returning({ id: organisationDossiers.id });
      dossierId = created!.id;
    }
    await bumpDossierVersion(tx, organisationId, now);
    await writeAudit(tx, {
      actor,
      event: submit ? "dossier.submitted" : "dossier.saved",
      entityType: "organisation",
      entityId: organisationId,
      details: { dossierId, ...(confirmedUnchanged ? { confirmedUnchanged: true } : {}) },
      at: now,
    });
    return dossierId;
  });
}

/**
 * « Je confirme que ces informations sont à jour »: the approved dossier sent again, unchanged,
 * in one step.
 */
export async function confirmDossierUnchanged({
  organisationId,
  actor,
  expectedVersion,
  now = new Date(),
}: {
  organisationId: string;
  actor: Actor;
  expectedVersion?: number;
  now?: Date;
}) {
  const db = await getDb();
  const [organisation] = await db.select({ dossier: organisations.dossier }).from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation?.dossier) {
    throw new UserFacingError("Votre organisme n’a pas encore de dossier validé : complétez le formulaire puis envoyez-le.", "conflict");
  }
  return saveDossier({ organisationId, actor, content: organisation.dossier, submit: true, expectedVersion, confirmedUnchanged: true, now });
}

/** Pulls the dossier back to draft before staff decide; the content as sent stays in the audit log. */
export async function withdrawDossier({ organisationId, actor, now = new Date() }: { organisationId: string; actor: Actor; now?: Date }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const [dossier] = await tx
      .update(organisationDossiers)
      .set({ status: "draft", updatedAt: now })
      .where(and(eq(organisationDossiers.organisationId, organisationId), eq(organisationDossiers.status, "submitted")))
      .returning({ id: organisationDossiers.id, submittedAt: organisationDossiers.submittedAt, content: organisationDossiers.content });
    if (!dossier) throw new UserFacingError("Votre dossier n’est plus en attente de validation : il a peut-être déjà été traité.", "conflict");
    await bumpDossierVersion(tx, organisationId, now);
    const details = { dossierId: dossier.id, submittedAt: dossier.submittedAt?.toISOString() ?? null, sent: dossier.content };
    await writeAudit(tx, { actor, event: "dossier.withdrawn", entityType: "organisation", entityId: organisationId, details, at: now });
  });
}

// ---------------------------------------------------------------- staff

/** Dossiers sent to staff, oldest first; the staff queue lists them beside action revisions. */
export async function listDossierQueue() {
  const db = await getDb();
  return db
    .select({
      dossierId: organisationDossiers.id,
      organisationId: organisations.id,
      organisationName: organisations.name,
      number: organisationDossiers.number,
      submittedAt: organisationDossiers.submittedAt,
      confirmedUnchanged: organisationDossiers.confirmedUnchanged,
      dossierApprovedAt: organisations.dossierApprovedAt,
    })
    .from(organisationDossiers)
    .innerJoin(organisations, eq(organisations.id, organisationDossiers.organisationId))
    .where(eq(organisationDossiers.status, "submitted"))
    .orderBy(asc(organisationDossiers.submittedAt), asc(organisationDossiers.id));
}

/** A dossier staff may read: anything sent, never a draft the provider is still writing. */
export async function getDossierForReview({ dossierId }: { dossierId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ dossier: organisationDossiers, organisation: organisations, submittedByName: users.displayName })
    .from(organisationDossiers)
    .innerJoin(organisations, eq(organisations.id, organisationDossiers.organisationId))
    .leftJoin(users, eq(users.id, organisationDossiers.submittedBy))
    .where(and(eq(organisationDossiers.id, dossierId), ne(organisationDossiers.status, "draft")));
  return row ?? null;
}

/**
 * Staff's decision on a waiting dossier. The organisation is locked first, as every provider write
 * on the dossier does (lockOrganisation), so that a decision and a withdrawal at the same moment
 * queue one behind the other instead of deadlocking (the dossier's triggers also write the
 * organisation's validity date). Only the submission staff opened is decided on (submission-check.ts).
 */
async function decide(tx: Transaction, dossierId: string, submittedAt: string | undefined, set: Partial<typeof organisationDossiers.$inferInsert>) {
  const [owner] = await tx.select({ organisationId: organisationDossiers.organisationId }).from(organisationDossiers).where(eq(organisationDossiers.id, dossierId));
  if (!owner) throw new UserFacingError("Ce dossier est introuvable.", "not-found");
  await lockOrganisation(tx, owner.organisationId);
  const [decided] = await tx
    .update(organisationDossiers)
    .set(set)
    .where(and(eq(organisationDossiers.id, dossierId), eq(organisationDossiers.status, "submitted"), isSubmissionOf(organisationDossiers.submittedAt, submittedAt)))
    .returning({ organisationId: organisationDossiers.organisationId, content: organisationDossiers.content });
  if (decided) return decided;
  const [current] = await tx.select({ status: organisationDossiers.status }).from(organisationDossiers).where(eq(organisationDossiers.id, dossierId));
  if (current?.status === "submitted") throw new UserFacingError(RESUBMITTED_MESSAGE, "conflict");
  throw new UserFacingError("Ce dossier n’est plus en attente de validation : il a déjà été traité ou retiré.", "conflict");
}

/** Approves a dossier: the organisation takes its content, and its 12 months start again (R8). */
export async function approveDossier({ dossierId, submittedAt, actor, now = new Date() }: { dossierId: string; submittedAt?: string; actor: Actor; now?: Date }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { organisationId, content } = await decide(tx, dossierId, submittedAt, { status: "approved", decidedAt: now, decidedBy: actor.id, updatedAt: now });
    const [taken] = await tx
      .select({ name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.siret, content.siret), ne(organisations.id, organisationId)));
    if (taken) throw new UserFacingError(`Le numéro SIRET ${content.siret} est déjà celui d’un autre organisme (« ${taken.name} »).`, "conflict");
    const street = [content.address.street, content.address.street2].filter(Boolean).join(", ");
    await tx
      .update(organisations)
      .set({
        name: displayName(content),
        legalName: content.legalName,
        siret: content.siret,
        activityNumber: content.activityNumber || null,
        street,
        postalCode: content.address.postcode,
        communeInsee: content.address.communeInsee,
        email: content.email || null,
        phone: content.phone || null,
        website: content.website || null,
        dossier: content,
        dossierApprovedAt: now,
        dossierVersion: sql`${organisations.dossierVersion} + 1`,
        updatedAt: now,
      })
      .where(eq(organisations.id, organisationId));
    // Back online after a lapse: recorded at once, with the actions that come back with it.
    await recordOrganisationChanges(tx, { asOf: parisDate(now), organisationIds: [organisationId], returnReason: "dossier-approved" });
    await notifyOrganisation(tx, organisationId, "dossier-approved", dossierDecided({ organisationName: displayName(content), approved: true, link: appUrl("/espace-organisme/dossier") }));
    await writeAudit(tx, { actor, event: "dossier.approved", entityType: "organisation", entityId: organisationId, details: { dossierId }, at: now });
    return { organisationId };
  });
}

export async function rejectDossier({
  dossierId,
  submittedAt,
  actor,
  reason,
  now = new Date(),
}: {
  dossierId: string;
  /** The submission staff opened (ISO time; the server actions always give it). */
  submittedAt?: string;
  actor: Actor;
  reason: string;
  now?: Date;
}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { organisationId } = await decide(tx, dossierId, submittedAt, {
      status: "rejected",
      rejectionReason: reason,
      decidedAt: now,
      decidedBy: actor.id,
      updatedAt: now,
    });
    await bumpDossierVersion(tx, organisationId, now);
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    await notifyOrganisation(
      tx,
      organisationId,
      "dossier-rejected",
      dossierDecided({ organisationName: organisation!.name, approved: false, reason, link: appUrl("/espace-organisme/dossier") }),
    );
    await writeAudit(tx, { actor, event: "dossier.rejected", entityType: "organisation", entityId: organisationId, details: { dossierId, reason }, at: now });
    return { organisationId };
  });
}
