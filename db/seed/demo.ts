// The demo data set written into a database (db/seed.ts is the command that runs it; tests of
// the transmission feed run it too). See db/seed.ts for what it holds and why it is idempotent.

import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { writeAudit, type Actor } from "@/db/queries/audit";
import { approveDossier, saveDossier } from "@/db/queries/dossiers";
import { approveRevision, rejectRevision } from "@/db/queries/review";
import {
  actionRevisions,
  actions,
  organisationDossiers,
  organisations,
  publishedActions,
  publishedSessions,
  settings,
  users,
} from "@/db/schema";
import { seedId } from "@/db/seed/define";
import { ACCESS_CONTACT, PROVIDER_PASSWORD, REJECTION_REASONS, seedOrganisations, seedStaff } from "@/db/seed/organisations";
import { SETTINGS } from "@/lib/validations/settings";
import { dossierApprovedAt, prepareSeed, type PreparedAction, type PreparedDossier, type SeedClock } from "@/db/seed/prepare";
import { hashPassword } from "@/lib/auth/password";
import { actionDiffusedSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import { slugify } from "@/lib/slug";

export type Created = Record<"organisations" | "users" | "actions" | "revisions" | "approved" | "rejected" | "dossiers" | "dossiersApproved", number>;

async function seedOrganisationsAndUsers(db: Database, clock: SeedClock, created: Created) {
  for (const org of seedOrganisations) {
    const approvedAt = dossierApprovedAt(org, clock);
    const { name, siret, street, postalCode, communeInsee, email, phone } = org;
    const inserted = await db
      .insert(organisations)
      .values({
        id: seedId(`organisation:${org.key}`),
        slug: slugify(name),
        ...{ name, siret, street, postalCode, communeInsee, email, phone },
        dossierApprovedAt: approvedAt,
      })
      .onConflictDoNothing()
      .returning({ id: organisations.id });
    created.organisations += inserted.length;
  }
  const orgRows = await db
    .select({ id: organisations.id, siret: organisations.siret })
    .from(organisations)
    .where(inArray(organisations.siret, seedOrganisations.map((o) => o.siret)));
  const organisationIds = new Map(
    seedOrganisations.map((org) => {
      const row = orgRows.find((r) => r.siret === org.siret);
      if (!row) throw new Error(`Organisation « ${org.name} » could not be created: its slug is already taken.`);
      return [org.key, row.id] as const;
    }),
  );

  const wanted = [
    ...seedStaff.map(({ password, ...user }) => ({ ...user, password, organisationId: null })),
    ...seedOrganisations.flatMap((org) =>
      org.users.map((user) => ({
        ...user,
        password: PROVIDER_PASSWORD,
        role: "provider" as const,
        organisationId: organisationIds.get(org.key)!,
      })),
    ),
  ];
  const identifiers = wanted.map((u) => u.identifier.toLowerCase());
  const existing = new Set(
    (await db.select({ identifier: users.identifier }).from(users).where(inArray(sql`lower(${users.identifier})`, identifiers))).map(
      (row) => row.identifier.toLowerCase(),
    ),
  );
  for (const { password, ...user } of wanted) {
    if (existing.has(user.identifier.toLowerCase())) continue;
    const inserted = await db
      .insert(users)
      .values({ id: seedId(`user:${user.identifier}`), passwordHash: await hashPassword(password), ...user })
      .onConflictDoNothing()
      .returning({ id: users.id });
    created.users += inserted.length;
  }
  const userRows = await db
    .select({ id: users.id, identifier: users.identifier })
    .from(users)
    .where(inArray(sql`lower(${users.identifier})`, identifiers));
  const userIds = new Map(userRows.map((row) => [row.identifier.toLowerCase(), row.id]));
  const userId = (identifier: string) => {
    const id = userIds.get(identifier.toLowerCase());
    if (!id) throw new Error(`User ${identifier} could not be created.`);
    return id;
  };
  // Actions are entered by the organisation's first account, and decided by the staff member.
  const providerOf = new Map(seedOrganisations.map((org) => [org.key, userId(org.users[0]!.identifier)]));
  const staff: Actor = { id: userId(seedStaff[0]!.identifier), role: "staff" };
  return { organisationIds, providerOf, staff };
}

async function seedActionsAndRevisions(
  db: Database,
  prepared: PreparedAction[],
  refs: Awaited<ReturnType<typeof seedOrganisationsAndUsers>>,
  created: Created,
) {
  for (const { action, times, content, update } of prepared) {
    const actionId = seedId(`action:${action.key}`);
    const provider = refs.providerOf.get(action.organisation)!;
    const submitted = (at: Date | null) =>
      at
        ? { status: "submitted" as const, submittedAt: at, submittedBy: provider }
        : { status: "draft" as const, submittedAt: null, submittedBy: null };
    const revisions = [
      { number: 1, content, createdAt: times.enteredAt, ...submitted(times.submittedAt), outcome: action.status },
      ...(update && times.update
        ? [{ number: 2, content: update, createdAt: times.update.createdAt, ...submitted(times.update.submittedAt), outcome: "submitted" }]
        : []),
    ];

    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(actions)
        .values({
          id: actionId,
          organisationId: refs.organisationIds.get(action.organisation)!,
          firstEnteredAt: times.enteredAt,
          firstSubmittedAt: times.submittedAt,
          createdBy: provider,
          createdAt: times.enteredAt,
          updatedAt: times.lastChange,
        })
        .onConflictDoNothing()
        .returning({ id: actions.id });
      if (inserted.length === 0) return;
      created.actions += 1;
      // Dated when the provider acted, as the product would have written it then.
      await writeAudit(tx, { actor: { id: provider, role: "provider" }, event: "action.created", entityType: "action", entityId: actionId, at: times.enteredAt });
    });

    for (const { outcome, ...revision } of revisions) {
      const revisionId = seedId(`revision:${action.key}:${revision.number}`);
      const at = revision.submittedAt ?? revision.createdAt;
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(actionRevisions)
          .values({ id: revisionId, actionId, createdBy: provider, updatedAt: at, ...revision })
          .onConflictDoNothing()
          .returning({ id: actionRevisions.id });
        if (inserted.length === 0) return;
        created.revisions += 1;
        const event = revision.status === "submitted" ? "revision.submitted" : "revision.saved";
        await writeAudit(tx, {
          actor: { id: provider, role: "provider" },
          event,
          entityType: "action",
          entityId: actionId,
          details: { revisionId, title: revision.content.title },
          at,
        });
      });

      // Decide only what is still waiting, so that a rerun (or a decision taken in the demo) is left alone.
      const [current] = await db.select({ status: actionRevisions.status }).from(actionRevisions).where(eq(actionRevisions.id, revisionId));
      if (current?.status !== "submitted") continue;
      if (outcome === "approved") {
        await approveRevision({ revisionId, actor: refs.staff, codification: { formacodes: action.formacodes }, now: times.decidedAt });
        created.approved += 1;
      } else if (outcome === "rejected") {
        await rejectRevision({ revisionId, actor: refs.staff, reason: action.rejectionReason!, now: times.decidedAt });
        created.rejected += 1;
      }
    }
  }
}

/**
 * R8: each organisation's dossier, sent by its provider and approved by staff on the day
 * organisations.ts gives, then the renewal some organisations have sent since and that waits.
 * Dossier ids are drawn by saveDossier; the seed recognises its versions by their number:
 * nothing is written for an organisation that already has a dossier, except the decision on the
 * first version if a previous run stopped before it, or the renewal after that first version.
 */
async function seedDossiers(db: Database, prepared: PreparedDossier[], refs: Awaited<ReturnType<typeof seedOrganisationsAndUsers>>, created: Created) {
  for (const { org, content, submittedAt, approvedAt, renewal } of prepared) {
    const organisationId = refs.organisationIds.get(org.key)!;
    const provider: Actor = { id: refs.providerOf.get(org.key)!, role: "provider" };
    const versions = () =>
      db
        .select({ id: organisationDossiers.id, number: organisationDossiers.number, status: organisationDossiers.status, submittedAt: organisationDossiers.submittedAt })
        .from(organisationDossiers)
        .where(eq(organisationDossiers.organisationId, organisationId))
        .orderBy(asc(organisationDossiers.number));

    // Dated from the approval the organisation already carries: on a database seeded on an
    // earlier day, that is the day of its first run.
    const [row] = await db.select({ approvedAt: organisations.dossierApprovedAt }).from(organisations).where(eq(organisations.id, organisationId));
    const approvalDay = row?.approvedAt ?? approvedAt;
    const sentAt = new Date(approvalDay.getTime() - (approvedAt.getTime() - submittedAt.getTime()));

    let existing = await versions();
    if (existing.length === 0) {
      await saveDossier({ organisationId, actor: provider, content, submit: true, now: sentAt });
      created.dossiers += 1;
      existing = await versions();
    }
    const first = existing[0];
    // Decide only the seed's own first version, and only while it still waits.
    if (existing.length === 1 && first?.status === "submitted" && first.submittedAt?.getTime() === sentAt.getTime()) {
      await approveDossier({ dossierId: first.id, actor: refs.staff, now: approvalDay });
      created.dossiersApproved += 1;
      existing = await versions();
    }
    if (renewal && existing.length === 1 && existing[0]?.status === "approved") {
      await saveDossier({ organisationId, actor: provider, content: renewal.content, submit: true, now: renewal.submittedAt });
      created.dossiers += 1;
    }
  }
}

export async function printSummary(db: Database, today: string, created: Created) {
  const total = async (table: typeof organisations | typeof users | typeof actions | typeof publishedActions) =>
    Number(await db.$count(table));
  const byStatus = await db
    .select({ status: actionRevisions.status, value: count() })
    .from(actionRevisions)
    .groupBy(actionRevisions.status)
    .orderBy(actionRevisions.status);
  const [diffused] = (await db
    .select({ value: count() })
    .from(publishedActions)
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(actionDiffusedSql(today))) as [{ value: number }];
  const [sessionsDiffused] = (await db
    .select({ value: count() })
    .from(publishedSessions)
    .innerJoin(publishedActions, eq(publishedActions.actionId, publishedSessions.actionId))
    .innerJoin(actions, eq(actions.id, publishedActions.actionId))
    .innerJoin(organisations, eq(organisations.id, publishedActions.organisationId))
    .where(and(actionDiffusedSql(today), sessionDiffusedSql(today)))) as [{ value: number }];

  console.log(`Seed done for ${today} (Europe/Paris).`);
  console.log(`  created this run: ${Object.entries(created).map(([k, v]) => `${v} ${k}`).join(", ")}`);
  console.log(
    `  in the database: ${await total(organisations)} organisations, ${await total(users)} users, ${await total(actions)} actions, revisions ${byStatus
      .map((row) => `${row.status} ${row.value}`)
      .join(" / ")}`,
  );
  const dossiers = await db
    .select({ status: organisationDossiers.status, value: count() })
    .from(organisationDossiers)
    .groupBy(organisationDossiers.status)
    .orderBy(organisationDossiers.status);
  console.log(`  dossiers: ${dossiers.map((row) => `${row.status} ${row.value}`).join(" / ") || "none"}`);
  console.log(
    `  catalogue: ${await total(publishedActions)} published actions, ${Number(diffused.value)} diffused today with ${Number(sessionsDiffused.value)} sessions`,
  );
}


/** Loads the whole demo data set as of `clock`; returns what this run created. */
export async function seedDemo(db: Database, clock: SeedClock): Promise<Created> {
  const prepared = await prepareSeed(db, clock);
  const created: Created = { organisations: 0, users: 0, actions: 0, revisions: 0, approved: 0, rejected: 0, dossiers: 0, dossiersApproved: 0 };
  const refs = await seedOrganisationsAndUsers(db, clock, created);
  // Inserted only when missing: staff may have reworded it since.
  await db.insert(settings).values({ key: SETTINGS.accessContact.key, value: ACCESS_CONTACT }).onConflictDoNothing();
  await db
    .insert(settings)
    .values({ key: SETTINGS.rejectionReasons.key, value: REJECTION_REASONS.map((reason) => ({ id: seedId(`reason:${reason.label}`), ...reason })) })
    .onConflictDoNothing();
  await seedDossiers(db, prepared.dossiers, refs, created);
  await seedActionsAndRevisions(db, prepared.actions, refs, created);
  return created;
}
