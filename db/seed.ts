// npm run db:seed: loads the Lorraine demo data set (db/seed/*.ts) into the database the
// environment names (DATABASE_URL, or the embedded PGlite directory). Run `npm run db:migrate`
// first: the seed needs the communes and Formacodes it loads.
//
// Idempotent: ids are derived from stable names and every insert skips rows that exist, so a
// second run changes nothing, and changes made in the demo since (a reset password, an approval)
// are kept. Dates are relative to the day of the first run (Europe/Paris), so a fresh database
// always shows courses starting in the coming months.
//
// Publication and rejection go through approveRevision/rejectRevision, the one path that writes
// the published catalogue.

import { and, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDbHandle } from "@/db";
import type { Database } from "@/db/client";
import type { Actor } from "@/db/queries/audit";
import { approveRevision, rejectRevision } from "@/db/queries/review";
import { FORMACODE_EDITION } from "@/db/reference/load";
import {
  actionRevisions,
  actions,
  auditLog,
  communes,
  formacodes,
  organisations,
  publishedActions,
  publishedSessions,
  settings,
  users,
  type AuditEntry,
} from "@/db/schema";
import { buildingIndustryActions } from "@/db/seed/actions-building-industry";
import { careServicesActions } from "@/db/seed/actions-care-services";
import { digitalHospitalityLanguageActions } from "@/db/seed/actions-digital-hospitality-languages";
import { logisticsOfficeActions } from "@/db/seed/actions-logistics-office";
import { frenchTypography, seedId, type SeedAction, type SeedContent } from "@/db/seed/define";
import { ACCESS_CONTACT, PROVIDER_PASSWORD, seedOrganisations, seedStaff } from "@/db/seed/organisations";
import { hashPassword } from "@/lib/auth/password";
import { addDays, addMonths, parisDate } from "@/lib/dates";
import { actionDiffusedSql, sessionDiffusedSql } from "@/lib/diffusion-sql";
import { isValidSiret } from "@/lib/siret";
import { slugify } from "@/lib/slug";
import { actionContentSchema, codificationSchema, rejectionSchema, type ActionContent } from "@/lib/validations/action";

const DAY = 24 * 60 * 60 * 1000;
const seedActions: SeedAction[] = [
  ...buildingIndustryActions,
  ...careServicesActions,
  ...logisticsOfficeActions,
  ...digitalHospitalityLanguageActions,
];

const now = new Date();
const today = parisDate(now);
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** R1 timeline of an action: when it was entered, sent, decided; and when its update was sent. */
function providerAudit(actorId: string, actionId: string, at: Date, event: string, details?: Record<string, unknown>): AuditEntry {
  return { at, actorId, actorRole: "provider", event, entityType: "action", entityId: actionId, details: details ?? null };
}

function timeline(action: SeedAction, index: number) {
  const defaults = { approved: 70 + (index % 6) * 5, submitted: 8 + (index % 5) * 3, draft: 10, rejected: 30 };
  const entered = action.enteredDaysAgo ?? defaults[action.status];
  const submittedAt = action.status === "draft" ? null : daysAgo(entered - 2);
  const decidedAt = daysAgo(entered - 5);
  const update = action.update ? { createdAt: daysAgo(4), submittedAt: daysAgo(3) } : null;
  const decided = action.status === "approved" || action.status === "rejected";
  const lastChange = update?.submittedAt ?? (decided ? decidedAt : (submittedAt ?? daysAgo(entered)));
  return { enteredAt: daysAgo(entered), submittedAt, decidedAt, update, lastChange };
}

type Problems = string[];
type Created = Record<"organisations" | "users" | "actions" | "revisions" | "approved" | "rejected", number>;

/** The content as the provider would have stored it, checked with the same schema as the forms. */
function buildContent(key: string, seed: SeedContent, communeNames: Map<string, string>, problems: Problems): ActionContent {
  const content = {
    title: frenchTypography(seed.title),
    objectives: frenchTypography(seed.objectives),
    content: frenchTypography(seed.content),
    permanentEntry: seed.permanentEntry ?? false,
    sessions: seed.sessions.map(([communeInsee, startInDays, lengthInDays, placesAvailable], index) => {
      const startDate = addDays(today, startInDays);
      const communeName = communeNames.get(communeInsee);
      if (!communeName) problems.push(`${key}: unknown commune ${communeInsee}`);
      return {
        id: seedId(`session:${key}:${index}`),
        startDate,
        endDate: addDays(startDate, lengthInDays),
        communeInsee,
        communeName: communeName ?? "",
        placesAvailable,
      };
    }),
  };
  const parsed = actionContentSchema.safeParse(content);
  if (!parsed.success) {
    problems.push(`${key}: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
    return content;
  }
  return parsed.data;
}

/** Checks the whole data set before writing anything, and says everything that is wrong at once. */
async function prepare(db: Database) {
  const problems: Problems = [];
  const [{ value: communeCount }] = (await db.select({ value: count() }).from(communes)) as [{ value: number }];
  if (Number(communeCount) === 0) throw new Error("The communes table is empty: run `npm run db:migrate` before the seed.");

  const codes = new Set([
    ...seedOrganisations.map((o) => o.communeInsee),
    ...seedActions.flatMap((a) => [...a.content.sessions, ...(a.update?.sessions ?? [])].map(([code]) => code)),
  ]);
  const communeRows = await db
    .select({ code: communes.inseeCode, name: communes.name })
    .from(communes)
    .where(inArray(communes.inseeCode, [...codes]));
  const communeNames = new Map(communeRows.map((row) => [row.code, row.name]));
  const knownFormacodes = new Set(
    (
      await db
        .select({ code: formacodes.code })
        .from(formacodes)
        .where(and(eq(formacodes.edition, FORMACODE_EDITION), inArray(formacodes.code, seedActions.flatMap((a) => a.formacodes))))
    ).map((row) => row.code),
  );

  for (const org of seedOrganisations) {
    if (!isValidSiret(org.siret)) problems.push(`${org.key}: invalid SIRET ${org.siret}`);
    if (!communeNames.has(org.communeInsee)) problems.push(`${org.key}: unknown commune ${org.communeInsee}`);
  }
  const keys = new Set<string>();
  const prepared = seedActions.map((action, index) => {
    if (keys.has(action.key)) problems.push(`${action.key}: duplicate key`);
    keys.add(action.key);
    if (!seedOrganisations.some((o) => o.key === action.organisation)) problems.push(`${action.key}: unknown organisation`);
    const codification = codificationSchema.safeParse({ formacodes: action.formacodes });
    if (!codification.success) problems.push(`${action.key}: ${z.prettifyError(codification.error)}`);
    for (const code of action.formacodes) {
      if (!knownFormacodes.has(code)) problems.push(`${action.key}: unknown Formacode ${code}`);
    }
    if (action.status === "rejected" && !rejectionSchema.safeParse({ reason: action.rejectionReason }).success) {
      problems.push(`${action.key}: a rejected action needs a rejection reason of at least 10 characters`);
    }
    if (action.update && action.status !== "approved") problems.push(`${action.key}: only a published action can have an update`);
    return {
      action,
      times: timeline(action, index),
      content: buildContent(action.key, action.content, communeNames, problems),
      update: action.update ? buildContent(`${action.key} (update)`, action.update, communeNames, problems) : null,
    };
  });
  if (problems.length > 0) throw new Error(`The seed data is not valid:\n- ${problems.join("\n- ")}`);
  return prepared;
}

async function seedOrganisationsAndUsers(db: Database, created: Created) {
  for (const org of seedOrganisations) {
    const approvedAt =
      "daysAgo" in org.dossierApproved
        ? daysAgo(org.dossierApproved.daysAgo)
        : new Date(`${addMonths(today, -org.dossierApproved.monthsAgo)}T10:00:00Z`);
    const { key: _key, users: _users, dossierApproved: _dossier, ...fields } = org;
    const inserted = await db
      .insert(organisations)
      .values({ id: seedId(`organisation:${org.key}`), slug: slugify(org.name), dossierApprovedAt: approvedAt, ...fields })
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
      if (!row) throw new Error(`Organisation « ${org.name} » could not be created: its slug is already taken.`);
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
    .select({ id: users.id, identifier: users.identifier, role: users.role })
    .from(users)
    .where(inArray(sql`lower(${users.identifier})`, identifiers));
  const userIds = new Map(userRows.map((row) => [row.identifier.toLowerCase(), row.id]));
  const providerOf = new Map(seedOrganisations.map((org) => [org.key, userIds.get(org.users[0]!.identifier.toLowerCase())!]));
  const staff: Actor = { id: userIds.get(seedStaff[0]!.identifier.toLowerCase())!, role: "staff" };
  return { organisationIds, providerOf, staff };
}

async function seedActionsAndRevisions(
  db: Database,
  prepared: Awaited<ReturnType<typeof prepare>>,
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
      await tx.insert(auditLog).values(providerAudit(provider, actionId, times.enteredAt, "action.created"));
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
        await tx.insert(auditLog).values(providerAudit(provider, actionId, at, event, { revisionId, title: revision.content.title }));
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

async function printSummary(db: Database, created: Created) {
  const total = async (table: typeof organisations | typeof users | typeof actions | typeof publishedActions) =>
    Number(await db.$count(table));
  const byStatus = await db
    .select({ status: actionRevisions.status, value: count() })
    .from(actionRevisions)
    .groupBy(actionRevisions.status);
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
  console.log(
    `  catalogue: ${await total(publishedActions)} published actions, ${Number(diffused.value)} diffused today with ${Number(sessionsDiffused.value)} sessions`,
  );
}

const handle = await getDbHandle();
try {
  const db = handle.db;
  const prepared = await prepare(db);
  const created = { organisations: 0, users: 0, actions: 0, revisions: 0, approved: 0, rejected: 0 };
  const refs = await seedOrganisationsAndUsers(db, created);
  await db.insert(settings).values({ key: "access_contact", value: ACCESS_CONTACT }).onConflictDoNothing();
  await seedActionsAndRevisions(db, prepared, refs, created);
  await printSummary(db, created);
} finally {
  await handle.close();
}
