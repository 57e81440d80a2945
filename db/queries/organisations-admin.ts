import "server-only";
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { actions, auditLog, communes, organisationDossiers, organisations, publishedActions, users } from "@/db/schema";
import { escapeLike, freeIdentifier, temporaryCodes, type IssuedCodes } from "@/db/queries/accounts";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { checkAddresses } from "@/db/queries/reference-checks";
import { organisationIdentifierBase } from "@/lib/auth/credentials";
import { actionDiffusedSql, dossierValidSql } from "@/lib/diffusion-sql";
import { dossierExpiryDate } from "@/lib/diffusion";
import { UserFacingError } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import type { NewOrganisation } from "@/lib/validations/accounts";

// The staff's view of organisations (« Organismes »): list and search, one organisation with its
// people and history, and the creation of an organisation with its first user (R10).

export const ORGANISATIONS_PAGE_SIZE = 25;
export const HISTORY_LIMIT = 50;

/** Lower case, without accents, hyphens and apostrophes read as spaces: « L’Abergement-Clémenciat » → « l abergement clemenciat ». */
const normalised = (text: SQL) => sql`translate(unaccent(lower(${text})), '-''’', '   ')`;

/** Words of the name or of the town (accents ignored), or digits of the SIRET (spaces ignored). */
function searchCondition(q: string): SQL | undefined {
  const term = q.trim();
  if (!term) return undefined;
  const pattern = normalised(sql`${`%${escapeLike(term)}%`}`);
  const conditions = [sql`${normalised(sql`${organisations.name}`)} like ${pattern}`, sql`${normalised(sql`${communes.name}`)} like ${pattern}`];
  const digits = term.replace(/\s/g, "");
  if (/^\d{3,14}$/.test(digits)) conditions.push(sql`${organisations.siret} like ${`%${digits}%`}`);
  return or(...conditions);
}

/** The organisations matching `q`, by name, a page at a time, with where their dossier and diffusion stand on `today`. */
export async function listOrganisationsForStaff({ q = "", page = 1, today }: { q?: string; page?: number; today: string }) {
  const db = await getDb();
  const where = searchCondition(q);
  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(where);
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      siret: organisations.siret,
      town: communes.name,
      postalCode: organisations.postalCode,
      archivedAt: organisations.archivedAt,
      dossierApprovedAt: organisations.dossierApprovedAt,
      dossierValid: sql<boolean>`coalesce(${dossierValidSql(today)}, false)`,
      dossierPending: sql<boolean>`exists (select 1 from ${organisationDossiers} where ${organisationDossiers.organisationId} = ${organisations.id} and ${organisationDossiers.status} = 'submitted')`,
      // The diffusion rule itself (lib/diffusion-sql.ts), over the organisation's published actions.
      diffusedToday: sql<number>`(select count(*)::int from ${publishedActions} join ${actions} on ${actions.id} = ${publishedActions.actionId} where ${publishedActions.organisationId} = ${organisations.id} and ${actionDiffusedSql(today)})`,
    })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(where)
    .orderBy(asc(organisations.name), asc(organisations.id))
    .limit(ORGANISATIONS_PAGE_SIZE)
    .offset((page - 1) * ORGANISATIONS_PAGE_SIZE);
  return {
    total: Number(total),
    pages: Math.max(1, Math.ceil(Number(total) / ORGANISATIONS_PAGE_SIZE)),
    rows: rows.map((row) => ({
      ...row,
      diffusedToday: Number(row.diffusedToday),
      expiryDate: row.dossierApprovedAt ? dossierExpiryDate(row.dossierApprovedAt) : null,
    })),
  };
}

/** The organisation's accounts, for staff: who may log in, and when they last did. */
export async function listOrganisationUsers({ organisationId }: { organisationId: string }) {
  const db = await getDb();
  return db
    .select({
      id: users.id,
      identifier: users.identifier,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      lastLoginAt: users.lastLoginAt,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.displayName), asc(users.identifier));
}

/** The organisation's commune and the dossier that waits for staff, if one does. */
export async function getOrganisationHeader({ organisationId }: { organisationId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ town: communes.name })
    .from(organisations)
    .innerJoin(communes, eq(communes.inseeCode, organisations.communeInsee))
    .where(eq(organisations.id, organisationId));
  if (!row) return null;
  const [pending] = await db
    .select({ id: organisationDossiers.id, submittedAt: organisationDossiers.submittedAt })
    .from(organisationDossiers)
    .where(and(eq(organisationDossiers.organisationId, organisationId), eq(organisationDossiers.status, "submitted")));
  return { town: row.town, pendingDossier: pending ?? null };
}

/**
 * The audit entries about the organisation, its accounts and its actions, newest first
 * (HISTORY_LIMIT at most), with the name of who did it.
 */
export async function listOrganisationHistory({ organisationId, limit = HISTORY_LIMIT }: { organisationId: string; limit?: number }) {
  const db = await getDb();
  const userIds = db.select({ id: sql<string>`${users.id}::text` }).from(users).where(eq(users.organisationId, organisationId));
  const actionIds = db.select({ id: sql<string>`${actions.id}::text` }).from(actions).where(eq(actions.organisationId, organisationId));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      event: auditLog.event,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      details: auditLog.details,
      actorRole: auditLog.actorRole,
      actorName: users.displayName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      or(
        and(eq(auditLog.entityType, "organisation"), eq(auditLog.entityId, organisationId)),
        and(eq(auditLog.entityType, "user"), inArray(auditLog.entityId, userIds)),
        and(eq(auditLog.entityType, "action"), inArray(auditLog.entityId, actionIds)),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}

/** The public address of a new organisation: its name, with a number when another has it. */
async function freeSlug(tx: Transaction, name: string): Promise<string> {
  const base = slugify(name, 100);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organisation-slug:${base}`}))`);
  const rows = await tx.select({ slug: organisations.slug }).from(organisations).where(sql`${organisations.slug} like ${`${escapeLike(base)}%`}`);
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const siretTaken = (siret: string, name: string) =>
  `Le numéro SIRET ${siret} est déjà celui de l’organisme «\u00a0${name}\u00a0»\u00a0: ouvrez sa fiche plutôt que d’en créer une seconde.`;

/**
 * « Créer l’organisme »: the organisation (no approved dossier yet, so none of its actions is
 * diffused before staff approve its first dossier, R8) and its first user, with temporary codes
 * to give once.
 */
export async function createOrganisationWithUser({
  values,
  actor,
  now = new Date(),
}: {
  values: NewOrganisation;
  actor: Actor;
  now?: Date;
}): Promise<IssuedCodes & { organisationId: string }> {
  const { password, passwordHash } = await temporaryCodes();
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Two staff members creating the same organisation: the second waits, then finds it taken.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organisation-siret:${values.siret}`}))`);
    const [taken] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.siret, values.siret));
    if (taken) {
      const message = siretTaken(values.siret, taken.name);
      throw new UserFacingError(message, "conflict", { siret: message });
    }
    const { address } = values;
    const { names, errors } = await checkAddresses(tx, [{ path: "address", postcode: address.postcode, communeInsee: address.communeInsee }]);
    if (Object.keys(errors).length > 0) throw new UserFacingError("Certains champs sont à corriger\u00a0: voyez les messages sous chacun d’eux.", "invalid", errors);
    const town = names.get(address.communeInsee) ?? address.communeName;

    const [organisation] = await tx
      .insert(organisations)
      .values({
        slug: await freeSlug(tx, values.name),
        siret: values.siret,
        name: values.name,
        legalName: values.name,
        street: [address.street, address.street2].filter(Boolean).join(", "),
        postalCode: address.postcode,
        communeInsee: address.communeInsee,
        email: values.email,
        dossierApprovedAt: null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: organisations.id });
    const organisationId = organisation!.id;
    const identifier = await freeIdentifier(tx, organisationIdentifierBase(values.name, town));
    const [user] = await tx
      .insert(users)
      .values({
        identifier,
        passwordHash,
        role: "provider",
        displayName: values.userName,
        email: values.userEmail,
        organisationId,
        mustChangePassword: true,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: users.id });
    const userId = user!.id;
    await writeAudit(tx, { actor, event: "organisation.created", entityType: "organisation", entityId: organisationId, details: { name: values.name, siret: values.siret }, at: now });
    await writeAudit(tx, { actor, event: "user.created", entityType: "user", entityId: userId, details: { identifier, role: "provider", organisationId }, at: now });
    return { organisationId, userId, identifier, password, displayName: values.userName };
  });
}
