// The staff's organisations (R10): creating one with its first user (codes hashed, to change at
// the first login, never in the audit log), the list and its search, and the organisation's
// history. On the real database of the project (PGlite, PostgreSQL or Neon).

import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { resetCodes, setUserDisabled } from "@/db/queries/accounts";
import { listDiffusedActions } from "@/db/queries/catalogue";
import { createOrganisationWithUser, listOrganisationHistory, listOrganisationsForStaff, siretTaken } from "@/db/queries/organisations-admin";
import { auditLog, organisations, users } from "@/db/schema";
import { ABERGEMENT_CLEMENCIAT, actorOf, createOrganisation, createProviderAndStaff, createStaffUser, publishAction, TOULOUSE, validSiret } from "@/db/test-utils/fixtures";
import { verifyPassword } from "@/lib/auth/password";
import { parisDate } from "@/lib/dates";
import { UserFacingError } from "@/lib/errors";
import { newOrganisationSchema } from "@/lib/validations/accounts";

/** What staff type in « Créer un organisme », parsed by the form's schema. */
function newOrganisation(overrides: Record<string, unknown> = {}) {
  return newOrganisationSchema.parse({
    name: `Atelier des métiers ${randomUUID().slice(0, 8)}`,
    siret: validSiret(),
    address: { street: "3 place du Capitole", street2: "", postcode: "31000", communeInsee: TOULOUSE, communeName: "" },
    email: "contact@atelier.example.org",
    userName: "Claire Martin",
    userEmail: "claire.martin@atelier.example.org",
    ...overrides,
  });
}

async function userRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row!;
}

async function auditOf(entityIds: string[]) {
  const db = await getDb();
  return db.select().from(auditLog).where(inArray(auditLog.entityId, entityIds)).orderBy(asc(auditLog.id));
}

describe("creating an organisation and its first user", () => {
  it("stores only the argon2id hash of the temporary password, and asks for a new one at the first login", async () => {
    const staff = await createStaffUser();
    const values = newOrganisation();
    const created = await createOrganisationWithUser({ values, actor: actorOf(staff) });

    expect(created.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    expect(created.identifier).toMatch(/^atelier-metiers\.toulouse\d*$/);
    const user = await userRow(created.userId);
    expect(user).toMatchObject({ identifier: created.identifier, role: "provider", organisationId: created.organisationId, mustChangePassword: true, displayName: "Claire Martin" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(user.passwordHash, created.password)).toBe(true);

    const entries = await auditOf([created.organisationId, created.userId]);
    expect(entries.map((e) => e.event)).toEqual(["organisation.created", "user.created"]);
    expect(entries.every((e) => e.actorId === staff.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(created.password);
    expect(JSON.stringify(entries)).not.toContain(user.passwordHash);
  });

  it("has no approved dossier: its actions are not diffused until staff approve one (R8)", async () => {
    const staff = await createStaffUser();
    const created = await createOrganisationWithUser({ values: newOrganisation(), actor: actorOf(staff) });
    const db = await getDb();
    const [organisation] = await db.select().from(organisations).where(eq(organisations.id, created.organisationId));
    expect(organisation).toMatchObject({ dossierApprovedAt: null, dossier: null, communeInsee: TOULOUSE, street: "3 place du Capitole" });

    const provider = await userRow(created.userId);
    const { slug } = await publishAction({ organisationId: created.organisationId, provider: actorOf(provider), staff: actorOf(staff) });
    const catalogue = await listDiffusedActions({ today: parisDate() });
    expect(catalogue.map((entry) => entry.slug)).not.toContain(slug);
  });

  it("gives the same name and town a numbered identifier and public address", async () => {
    const staff = await createStaffUser();
    const name = `Conduite et sécurité ${randomUUID().slice(0, 6)}`;
    const first = await createOrganisationWithUser({ values: newOrganisation({ name }), actor: actorOf(staff) });
    const second = await createOrganisationWithUser({ values: newOrganisation({ name }), actor: actorOf(staff) });
    expect(second.identifier).toBe(`${first.identifier}2`);
    const db = await getDb();
    const slugs = await db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(inArray(organisations.id, [first.organisationId, second.organisationId]))
      .orderBy(asc(organisations.createdAt));
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(2);
  });

  it("refuses a SIRET already registered, in French, next to the field, and writes nothing", async () => {
    const staff = await createStaffUser();
    const existing = await createOrganisation({ siret: validSiret() });
    const values = newOrganisation({ siret: existing.siret });
    const error = await createOrganisationWithUser({ values, actor: actorOf(staff) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).errors).toEqual({ siret: siretTaken(existing.siret, existing.name) });
    const db = await getDb();
    expect(await db.select().from(organisations).where(eq(organisations.name, values.name))).toEqual([]);
  });

  it("refuses a postcode that is not the commune's", async () => {
    const staff = await createStaffUser();
    const values = newOrganisation({ address: { street: "", street2: "", postcode: "54000", communeInsee: TOULOUSE, communeName: "Toulouse" } });
    const error = (await createOrganisationWithUser({ values, actor: actorOf(staff) }).catch((e: unknown) => e)) as UserFacingError;
    expect(Object.keys(error.errors ?? {})).toEqual(["address.postcode"]);
  });
});

describe("the staff's list of organisations", () => {
  it("finds an organisation by words of its name (accents ignored), by SIRET digits and by town", async () => {
    const suffix = randomUUID().slice(0, 8);
    // A commune few tests use: the town's first page of results holds it.
    const organisation = await createOrganisation({ name: `Éducation routière ${suffix}`, communeInsee: ABERGEMENT_CLEMENCIAT, postalCode: "01400" });
    const today = parisDate();
    const ids = async (q: string) => (await listOrganisationsForStaff({ q, today })).rows.map((row) => row.id);
    expect(await ids(`education routiere ${suffix}`)).toEqual([organisation.id]);
    const spacedSiret = organisation.siret.replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, "$1 $2 $3 $4");
    expect(await ids(spacedSiret)).toEqual([organisation.id]);
    expect(await ids("l’abergement clemenciat")).toContain(organisation.id);
    expect(await ids(`introuvable ${suffix}`)).toEqual([]);
  });

  it("counts the actions diffused today with the diffusion rule, and says where the dossier stands", async () => {
    const { organisation, providerActor, staffActor } = await createProviderAndStaff({ name: `Organisme compté ${randomUUID().slice(0, 8)}` });
    await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
    const lapsed = await createProviderAndStaff({ name: `Organisme échu ${randomUUID().slice(0, 8)}`, dossierApprovedAt: new Date("2020-01-15T10:00:00Z") });
    await publishAction({ organisationId: lapsed.organisation.id, provider: lapsed.providerActor, staff: lapsed.staffActor });

    const today = parisDate();
    const [row] = (await listOrganisationsForStaff({ q: organisation.name, today })).rows;
    expect(row).toMatchObject({ id: organisation.id, diffusedToday: 2, dossierValid: true, dossierPending: false, town: "Toulouse" });
    const [lapsedRow] = (await listOrganisationsForStaff({ q: lapsed.organisation.name, today })).rows;
    expect(lapsedRow).toMatchObject({ diffusedToday: 0, dossierValid: false, expiryDate: "2021-01-15" });
  });

  it("pages through the results", async () => {
    const suffix = randomUUID().slice(0, 8);
    for (let i = 0; i < 27; i++) await createOrganisation({ name: `Lot ${suffix} ${String(i).padStart(2, "0")}` });
    const today = parisDate();
    const first = await listOrganisationsForStaff({ q: `Lot ${suffix}`, today });
    const second = await listOrganisationsForStaff({ q: `Lot ${suffix}`, page: 2, today });
    expect(first).toMatchObject({ total: 27, pages: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows.map((row) => row.name)).toEqual([`Lot ${suffix} 25`, `Lot ${suffix} 26`]);
  });
});

describe("an organisation's history", () => {
  it("holds what happened to the organisation, its accounts and its actions, newest first, and nothing of others", async () => {
    const staff = await createStaffUser();
    const created = await createOrganisationWithUser({ values: newOrganisation(), actor: actorOf(staff) });
    const provider = await userRow(created.userId);
    await publishAction({ organisationId: created.organisationId, provider: actorOf(provider), staff: actorOf(staff) });
    const reset = await resetCodes({ userId: created.userId, actor: actorOf(staff) });
    await setUserDisabled({ userId: created.userId, disabled: true, actor: actorOf(staff) });
    const other = await createOrganisationWithUser({ values: newOrganisation(), actor: actorOf(staff) });

    const history = await listOrganisationHistory({ organisationId: created.organisationId });
    expect(history.map((entry) => entry.event)).toEqual([
      "user.disabled",
      "user.codes-reset",
      "revision.approved",
      "revision.submitted",
      "action.created",
      "user.created",
      "organisation.created",
    ]);
    expect(history[0]).toMatchObject({ actorName: staff.displayName, actorRole: "staff" });
    expect(history.some((entry) => entry.entityId === other.organisationId || entry.entityId === other.userId)).toBe(false);
    expect(await listOrganisationHistory({ organisationId: created.organisationId, limit: 2 })).toHaveLength(2);
    const db = await getDb();
    const resets = await db.select().from(auditLog).where(and(eq(auditLog.event, "user.codes-reset"), eq(auditLog.entityId, created.userId)));
    expect(resets).toHaveLength(1);
    expect(JSON.stringify(resets)).not.toContain(reset.password);
    expect(JSON.stringify(resets)).not.toMatch(/password/i);
  });
});
