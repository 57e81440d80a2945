// The rules backed by the database itself (migration 0007 and the earlier ones): whatever code
// writes, PostgreSQL refuses a row that breaks them — a published session ending before it starts,
// negative places, a revision decided without a date or refused without a reason, a second open
// revision, a hard delete of content, a change to the audit log. On PGlite, PostgreSQL and Neon.

import { randomUUID } from "node:crypto";
import { eq, sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actionRevisions, auditLog, publishedSessions } from "@/db/schema";
import { actionContent, createProviderAndStaff, errorMessages, openRevisionId, publishAction } from "@/db/test-utils/fixtures";
import { saveActionContent } from "@/db/queries/action-writes";

async function refused(query: SQL, constraint: string | RegExp) {
  const db = await getDb();
  let failure: unknown;
  try {
    await db.transaction(async (tx) => {
      await tx.execute(query);
    });
  } catch (error) {
    failure = error;
  }
  expect(failure, "the database accepted the row").toBeInstanceOf(Error);
  expect(errorMessages(failure)).toMatch(constraint);
}

async function published() {
  const { organisation, providerActor, staffActor } = await createProviderAndStaff();
  const { actionId, revisionId } = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
  const db = await getDb();
  const [session] = await db.select().from(publishedSessions).where(eq(publishedSessions.actionId, actionId));
  return { organisation, providerActor, actionId, revisionId, session: session! };
}

describe("the published read model", () => {
  it("refuses a session that ends before it starts, negative places, more places left than in total, or no department", async () => {
    const { actionId, session } = await published();
    const where = sql`action_id = ${actionId} and id = ${session.id}`;
    await refused(sql`update published_sessions set end_date = start_date - 1 where ${where}`, "published_sessions_dates");
    await refused(sql`update published_sessions set places_available = -1 where ${where}`, "published_sessions_places");
    await refused(sql`update published_sessions set places_available = places_total + 1 where ${where}`, "published_sessions_places");
    await refused(sql`update published_sessions set recruitment = 'x' where ${where}`, "published_sessions_recruitment");
    // The search reads « shown in a department » from the departments' last starts alone.
    await refused(sql`update published_sessions set department = null where ${where}`, "published_sessions_department");
  });

  it("refuses an action without a Formacode (R2), negative hours, or first published after its last publication", async () => {
    const { actionId } = await published();
    const where = sql`action_id = ${actionId}`;
    await refused(sql`update published_actions set formacodes = '{}' where ${where}`, "published_actions_formacodes");
    await refused(sql`update published_actions set hours_total = -5 where ${where}`, "published_actions_hours");
    await refused(sql`update published_actions set first_published_at = published_at + interval '1 day' where ${where}`, "published_actions_first_published");
    await refused(sql`update published_actions set organisation_id = ${randomUUID()} where ${where}`, /foreign key/);
  });

  it("may be rewritten: sessions are replaced on each approval", async () => {
    const { actionId } = await published();
    const db = await getDb();
    await db.delete(publishedSessions).where(eq(publishedSessions.actionId, actionId));
    expect(await db.select().from(publishedSessions).where(eq(publishedSessions.actionId, actionId))).toEqual([]);
  });
});

describe("the lifecycle of revisions and dossiers", () => {
  it("a revision is sent before it is decided, decided with a date, refused with a reason, approved with its codification", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    const where = sql`id = ${await openRevisionId(actionId)}`;
    await refused(sql`update action_revisions set status = 'submitted' where ${where}`, "action_revisions_submitted");
    await refused(sql`update action_revisions set status = 'approved', submitted_at = now(), codification = '{"formacodes":["42093"]}' where ${where}`, "action_revisions_decided");
    await refused(sql`update action_revisions set status = 'approved', submitted_at = now(), decided_at = now() where ${where}`, "action_revisions_codification");
    await refused(sql`update action_revisions set status = 'rejected', submitted_at = now(), decided_at = now() where ${where}`, "action_revisions_rejection_reason");
    await refused(sql`update action_revisions set status = 'rejected', submitted_at = now(), decided_at = now(), rejection_reason = '  ' where ${where}`, "action_revisions_rejection_reason");
    await refused(sql`update action_revisions set status = 'withdrawn' where ${where}`, /invalid input value for enum/);
    await refused(sql`update action_revisions set number = 0 where ${where}`, "action_revisions_number");
  });

  it("at most one open revision per action", async () => {
    const { organisation, providerActor } = await createProviderAndStaff();
    const actionId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
    await refused(
      sql`insert into action_revisions (action_id, number, status, content, submitted_at) values (${actionId}, 2, 'submitted', '{}'::jsonb, now())`,
      "action_revisions_one_open_idx",
    );
  });

  it("a dossier is sent before it is decided and refused with a reason; one open dossier per organisation", async () => {
    const { organisation } = await createProviderAndStaff();
    const insert = (status: string, extra: SQL = sql``) =>
      sql`insert into organisation_dossiers (organisation_id, number, status, content${extra}) values (${organisation.id}, 1, ${status}::revision_status, '{}'::jsonb)`;
    await refused(insert("submitted"), "organisation_dossiers_submitted");
    await refused(
      sql`insert into organisation_dossiers (organisation_id, number, status, content, submitted_at, decided_at) values (${organisation.id}, 1, 'rejected', '{}'::jsonb, now(), now())`,
      "organisation_dossiers_rejection_reason",
    );
    await refused(
      sql`insert into organisation_dossiers (organisation_id, number, status, content) values (${organisation.id}, 1, 'draft', '{}'::jsonb), (${organisation.id}, 2, 'draft', '{}'::jsonb)`,
      "organisation_dossiers_one_open_idx",
    );
  });

  it("foreign keys: an action of an unknown organisation, a copy of an unknown action", async () => {
    const { organisation } = await createProviderAndStaff();
    await refused(sql`insert into actions (organisation_id) values (${randomUUID()})`, /foreign key/);
    await refused(sql`insert into actions (organisation_id, duplicated_from) values (${organisation.id}, ${randomUUID()})`, /foreign key/);
    await refused(sql`insert into actions (organisation_id, version) values (${organisation.id}, -1)`, "actions_version");
  });
});

describe("content is archived, never deleted", () => {
  it.each(["actions", "action_revisions", "organisations", "organisation_dossiers", "users"])("DELETE and TRUNCATE on %s are refused", async (table) => {
    const { organisation } = await published();
    const db = await getDb();
    await db.execute(sql`insert into organisation_dossiers (organisation_id, number, content) values (${organisation.id}, 1, '{}'::jsonb)`);
    await refused(sql`delete from ${sql.identifier(table)}`, `rows of ${table} are archived, never deleted`);
    await refused(sql`truncate ${sql.identifier(table)} cascade`, `rows of ${table} are archived, never deleted`);
  });

  it("the audit log is append-only", async () => {
    const { actionId } = await published();
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, actionId)).limit(1);
    await refused(sql`update audit_log set event = 'revision.rejected' where id = ${entry!.id}`, "audit_log is append-only: UPDATE refused");
    await refused(sql`delete from audit_log where id = ${entry!.id}`, "audit_log is append-only: DELETE refused");
    await refused(sql`truncate audit_log`, "audit_log is append-only: TRUNCATE refused");
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
    expect(still).toEqual(entry);
    // The revisions are where they were.
    expect(await db.select({ id: actionRevisions.id }).from(actionRevisions).where(eq(actionRevisions.actionId, actionId))).toHaveLength(1);
  });
});
