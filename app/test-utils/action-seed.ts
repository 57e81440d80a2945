// The data the server-action tests start from: an organisation with its provider, one action
// sent for validation and one draft, a staff member and an administrator.

import { expect } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { quickUpdateSessions, setActionArchived } from "@/db/queries/action-upkeep";
import { saveActionContent } from "@/db/queries/action-writes";
import { publishedActions } from "@/db/schema";
import { actionContent, createProviderAndStaff, createStaffUser, openRevisionId, publishAction } from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionsOf } from "@/db/test-utils/rows";

export async function publishedRow(actionId: string) {
  const db = await getDb();
  const [row] = await db.select().from(publishedActions).where(eq(publishedActions.actionId, actionId));
  return row;
}

export async function seed() {
  const { organisation, provider, staff, providerActor } = await createProviderAndStaff();
  const admin = await createStaffUser({ role: "admin" });
  const submittedId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
  const draftId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
  const staffActor = { id: staff.id, role: staff.role };
  const published = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
  const archived = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
  await setActionArchived({ actionId: archived.actionId, organisationId: organisation.id, actor: providerActor, archived: true });
  // A change of places only, waiting for staff: approved from the queue in one click.
  const updated = await publishAction({ organisationId: organisation.id, provider: providerActor, staff: staffActor });
  const [updatedRevision] = await revisionsOf(updated.actionId);
  const minorRevisionId = await quickUpdateSessions({
    actionId: updated.actionId,
    organisationId: organisation.id,
    actor: providerActor,
    updates: [{ id: updatedRevision!.content.sessions[0]!.id, placesAvailable: 1, recruitment: "1" }],
  });
  const [publishedRevision] = await revisionsOf(published.actionId);
  return {
    organisation,
    provider,
    staff,
    admin,
    submitted: { actionId: submittedId, revisionId: await openRevisionId(submittedId) },
    draft: { actionId: draftId, revisionId: await openRevisionId(draftId), version: (await actionRow(draftId)).version },
    published: { actionId: published.actionId, version: (await actionRow(published.actionId)).version, sessionId: publishedRevision!.content.sessions[0]!.id },
    archived: { actionId: archived.actionId },
    minor: { actionId: updated.actionId, revisionId: minorRevisionId },
  };
}

export type Seed = Awaited<ReturnType<typeof seed>>;

/** The seeded revisions are where they were left: nothing decided, withdrawn, published or logged. */
export async function expectSeedUntouched(s: Seed) {
  expect(await revisionsOf(s.submitted.actionId)).toEqual([expect.objectContaining({ id: s.submitted.revisionId, status: "submitted", decidedBy: null })]);
  expect(await revisionsOf(s.draft.actionId)).toEqual([expect.objectContaining({ id: s.draft.revisionId, status: "draft", submittedAt: null })]);
  expect(await publishedRow(s.submitted.actionId)).toBeUndefined();
  expect((await auditEvents(s.submitted.actionId)).map((e) => e.event)).toEqual(["action.created", "revision.submitted"]);
  expect((await auditEvents(s.draft.actionId)).map((e) => e.event)).toEqual(["action.created", "revision.saved"]);
}
