// Test data for integration tests: each test creates its own organisation and users (unique
// SIRET, identifier and slug on every call) so that tests sharing a database never see each
// other's rows. Inserts go straight through drizzle, on the database of db/index.ts.

import { randomInt, randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { saveActionContent } from "@/db/queries/action-writes";
import type { Actor } from "@/db/queries/audit";
import { approveRevision } from "@/db/queries/review";
import { actionRevisions, organisations, users, type Organisation, type User } from "@/db/schema";
import { isValidSiret } from "@/lib/siret";
import type { ActionContent, SessionContent } from "@/lib/validations/action";
import { completeAction, completeSession, TOULOUSE } from "@/lib/validations/test-content";
import type { DossierContent } from "@/lib/validations/organisation";

/** Communes present in db/reference/communes-centroids.csv. */
export { TOULOUSE };
export const ABERGEMENT_CLEMENCIAT = "01001";

/** Not a real argon2 hash: fixture users never log in through these tests. */
const PLACEHOLDER_HASH = "$argon2id$v=19$m=19456,t=2,p=1$placeholder$placeholder";

function uniqueSuffix() {
  return randomUUID().replaceAll("-", "").slice(0, 12);
}

function randomSiret() {
  let siret = String(randomInt(1, 10));
  while (siret.length < 14) siret += String(randomInt(0, 10));
  return siret;
}

export async function createOrganisation(overrides: Partial<typeof organisations.$inferInsert> = {}): Promise<Organisation> {
  const db = await getDb();
  const suffix = uniqueSuffix();
  const [organisation] = await db
    .insert(organisations)
    .values({
      slug: `organisme-test-${suffix}`,
      siret: randomSiret(),
      name: `Organisme de test ${suffix}`,
      street: "12 rue des Lilas",
      postalCode: "31000",
      communeInsee: TOULOUSE,
      email: `contact-${suffix}@example.org`,
      // A dossier validated just now: the organisation's actions can be diffused.
      dossierApprovedAt: new Date(),
      ...overrides,
    })
    .returning();
  return organisation!;
}

async function createUser(values: Omit<typeof users.$inferInsert, "identifier" | "passwordHash" | "displayName"> & Partial<typeof users.$inferInsert>): Promise<User> {
  const db = await getDb();
  const suffix = uniqueSuffix();
  const [user] = await db
    .insert(users)
    .values({
      identifier: `${values.role}-${suffix}`,
      passwordHash: PLACEHOLDER_HASH,
      displayName: `Utilisateur ${suffix}`,
      email: `${values.role}-${suffix}@example.org`,
      ...values,
    })
    .returning();
  return user!;
}

/** A provider account attached to the organisation (created when none is given). */
export async function createProviderUser({ organisationId }: { organisationId?: string } = {}) {
  const organisation = organisationId ? undefined : await createOrganisation();
  return createUser({ role: "provider", organisationId: organisationId ?? organisation!.id });
}

export async function createStaffUser({ role = "staff" }: { role?: "staff" | "admin" } = {}) {
  return createUser({ role, organisationId: null });
}

export function actorOf(user: Pick<User, "id" | "role">): Actor {
  return { id: user.id, role: user.role };
}

/** An organisation with one provider account, and a staff member to review its actions. */
export async function createProviderAndStaff(overrides: Partial<typeof organisations.$inferInsert> = {}) {
  const organisation = await createOrganisation(overrides);
  const provider = await createProviderUser({ organisationId: organisation.id });
  const staff = await createStaffUser();
  return { organisation, provider, staff, providerActor: actorOf(provider), staffActor: actorOf(staff) };
}

/** A session a month from now in Toulouse, complete. */
export const sessionContent = completeSession;

/** A session address in another commune (postcode included). */
export function addressIn(communeInsee: string, postcode: string): SessionContent["address"] {
  return { street: "3 place de la Mairie", street2: "", postcode, communeInsee, communeName: "" };
}

/** Complete action content with a title no other test uses (lib/validations/test-content.ts). */
export function actionContent(overrides: Partial<ActionContent> = {}): ActionContent {
  return completeAction({ title: `Agent de propreté et d’hygiène ${uniqueSuffix()}`, ...overrides });
}

/** A complete organisation dossier, ready to be submitted (SIRET given, or a fresh valid one). */
export function dossierContent(overrides: Partial<DossierContent> = {}): DossierContent {
  const suffix = uniqueSuffix();
  return {
    legalName: `Association de formation ${suffix}`,
    usualName: "",
    siret: validSiret(),
    activityNumber: "76310123431",
    address: { street: "12 rue des Lilas", street2: "", postcode: "31000", communeInsee: TOULOUSE, communeName: "Toulouse" },
    phone: "05 61 00 00 00",
    email: `contact-${suffix}@example.org`,
    website: "",
    contacts: [{ id: randomUUID(), name: "Claire Martin", role: "4", phone: "05 61 00 00 01", email: `claire-${suffix}@example.org` }],
    trainingFields: [FORMACODE_NETTOYAGE],
    premises: "Deux salles de cours et un atelier de 200 mètres carrés.",
    equipment: "",
    trainers: "Quatre formateurs permanents, anciens professionnels du secteur.",
    qualiopi: true,
    qualiopiDate: "2025-06-01",
    otherCertifications: "",
    accessibility: "Locaux de plain-pied, référente handicap joignable au 05 61 00 00 01.",
    ...overrides,
  };
}

/** Fourteen digits that pass the Luhn check, as a real SIRET does. */
export function validSiret(): string {
  for (;;) {
    const siret = randomSiret();
    if (isValidSiret(siret)) return siret;
  }
}

/** « Nettoyage locaux », a Formacode of the reference list. */
export const FORMACODE_NETTOYAGE = "42093";
/** Not in the Formacode list. */
export const UNKNOWN_FORMACODE = "00000";

/**
 * Takes an action through the whole flow — saved and sent by the provider, approved by staff —
 * and returns its ids and public address.
 */
export async function publishAction({
  organisationId,
  provider,
  staff,
  content = actionContent(),
  actionId,
  now,
  formacodes = [FORMACODE_NETTOYAGE],
}: {
  organisationId: string;
  provider: Actor;
  staff: Actor;
  content?: ActionContent;
  actionId?: string;
  now?: Date;
  /** The Formacodes staff give it. */
  formacodes?: string[];
}) {
  const id = await saveActionContent({ actionId, organisationId, actor: provider, content, submit: true });
  const revisionId = await openRevisionId(id);
  const { slug } = await approveRevision({ revisionId, actor: staff, codification: { formacodes }, now });
  return { actionId: id, revisionId, slug };
}

/** The id of the action's open (draft or submitted) revision. */
export async function openRevisionId(actionId: string): Promise<string> {
  const db = await getDb();
  const [revision] = await db
    .select({ id: actionRevisions.id })
    .from(actionRevisions)
    .where(and(eq(actionRevisions.actionId, actionId), inArray(actionRevisions.status, ["draft", "submitted"])));
  if (!revision) throw new Error(`Action ${actionId} has no open revision`);
  return revision.id;
}

/** The messages of an error and of its causes (drizzle wraps the driver's error in `cause`). */
export function errorMessages(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(" ← ");
}
