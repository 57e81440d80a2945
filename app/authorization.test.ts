// Server-side authorization of the server actions on training actions, per role, against the real
// database of the project (PGlite, PostgreSQL or Neon): a refused call answers in French and
// writes nothing (the fingerprint of every table is unchanged).

import {
  authMock,
  databaseFingerprint,
  NO_RIGHTS,
  outcome,
  SESSION_EXPIRED,
  signInAs,
  updateTagMock as updateTag,
} from "@/app/test-utils/server-action-harness";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { expectSeedUntouched, seed, type Seed } from "@/app/test-utils/action-seed";
import { approveMinorSubmission, approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import {
  archive,
  duplicate,
  restore,
  saveDraft,
  sendQuickUpdate,
  submitForValidation,
  withdrawFromValidation,
} from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import {
  actionContent,
  createProviderUser,
  FORMACODE_NETTOYAGE,
} from "@/db/test-utils/fixtures";
import { actionRow, revisionRow } from "@/db/test-utils/rows";
import type { ActionState } from "@/lib/auth/safe-action";
import { seenRevision } from "@/app/test-utils/submissions";

const NOT_FOUND = "Cette action de formation est introuvable.";

/** Each action with input that would succeed for the right role: only authorization stops it. */
const validCalls: Record<string, (s: Seed) => Promise<ActionState | void>> = {
  "submitForValidation (new action)": () => submitForValidation({ values: actionContent() }),
  "saveDraft (existing draft)": (s) => saveDraft({ actionId: s.draft.actionId, expectedVersion: s.draft.version, values: actionContent() }),
  "submitForValidation (existing draft)": (s) => submitForValidation({ actionId: s.draft.actionId, values: actionContent() }),
  withdrawFromValidation: (s) => withdrawFromValidation({ actionId: s.submitted.actionId }),
  sendQuickUpdate: (s) =>
    sendQuickUpdate({
      actionId: s.published.actionId,
      expectedVersion: s.published.version,
      sessions: [{ id: s.published.sessionId, placesAvailable: 3, recruitment: "1" }],
    }),
  duplicate: (s) => duplicate({ actionId: s.published.actionId }),
  archive: (s) => archive({ actionId: s.published.actionId }),
  restore: (s) => restore({ actionId: s.archived.actionId }),
  approveSubmission: async (s) => approveSubmission({ ...(await seenRevision(s.submitted.revisionId)), formacodes: [FORMACODE_NETTOYAGE] }),
  rejectSubmission: async (s) => rejectSubmission({ ...(await seenRevision(s.submitted.revisionId)), reason: "Les objectifs ne décrivent pas la formation." }),
  approveMinorSubmission: async (s) => approveMinorSubmission(await seenRevision(s.minor.revisionId)),
};
const providerCalls = [
  "submitForValidation (new action)",
  "saveDraft (existing draft)",
  "submitForValidation (existing draft)",
  "withdrawFromValidation",
  "sendQuickUpdate",
  "duplicate",
  "archive",
  "restore",
];
const staffCalls = ["approveSubmission", "rejectSubmission", "approveMinorSubmission"];

describe("anonymous visitor", () => {
  it.each(Object.keys(validCalls))("%s: session expired, nothing written", async (name) => {
    const s = await seed();
    signInAs(null);
    const before = await databaseFingerprint();

    expect(await outcome(validCalls[name]!(s))).toEqual({ state: { message: SESSION_EXPIRED } });

    expect(authMock).toHaveBeenCalled();
    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("a disabled account is signed out at once, whatever its token says", async () => {
    const s = await seed();
    signInAs(s.provider);
    const db = await getDb();
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, s.provider.id));
    const before = await databaseFingerprint();
    expect(await outcome(validCalls.withdrawFromValidation!(s))).toEqual({ state: { message: SESSION_EXPIRED } });
    expect(await outcome(saveDraft({ values: actionContent() }))).toEqual({ state: { message: SESSION_EXPIRED } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("the role comes from the database, not from the token", async () => {
    const s = await seed();
    // A token that claims the staff role for a provider account gives no staff rights.
    signInAs({ ...s.provider, role: "staff" });
    const before = await databaseFingerprint();
    expect(await outcome(validCalls.approveSubmission!(s))).toEqual({ state: { message: NO_RIGHTS } });
    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });
});

describe("provider calling the staff's actions", () => {
  it.each(staffCalls)("%s: refused, the revision stays submitted, nothing published or logged", async (name) => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();

    expect(await outcome(validCalls[name]!(s))).toEqual({ state: { message: NO_RIGHTS } });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe.each(["staff", "admin"] as const)("%s calling the provider's actions", (role) => {
  it.each(providerCalls)("%s: refused, nothing written", async (name) => {
    const s = await seed();
    signInAs(role === "staff" ? s.staff : s.admin);
    const before = await databaseFingerprint();

    expect(await outcome(validCalls[name]!(s))).toEqual({ state: { message: NO_RIGHTS } });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });
});

describe("one provider, another provider's action", () => {
  it("saveDraft / submitForValidation with B's action: not found, B's revision unchanged", async () => {
    const b = await seed();
    const providerA = await createProviderUser();
    signInAs(providerA);
    const draftBefore = await revisionRow(b.draft.revisionId);
    const before = await databaseFingerprint();

    for (const save of [saveDraft, submitForValidation]) {
      const values = actionContent({ title: "Formation détournée par un autre organisme" });
      expect(await outcome(save({ actionId: b.draft.actionId, values }))).toEqual({ state: { message: NOT_FOUND } });
    }
    // Also on B's action waiting for validation: the ownership check comes first.
    expect(await outcome(saveDraft({ actionId: b.submitted.actionId, values: actionContent() }))).toEqual({
      state: { message: NOT_FOUND },
    });

    expect(await databaseFingerprint()).toEqual(before);
    expect(await revisionRow(b.draft.revisionId)).toEqual(draftBefore);
    expect((await actionRow(b.draft.actionId))!.organisationId).toBe(b.organisation.id);
    await expectSeedUntouched(b);
  });

  it("withdrawFromValidation on B's action: refused as for an unknown action, B's revision still submitted", async () => {
    const b = await seed();
    const providerA = await createProviderUser();
    signInAs(providerA);
    const before = await databaseFingerprint();

    const foreign = await outcome(withdrawFromValidation({ actionId: b.submitted.actionId }));
    expect(foreign).toEqual({ state: { message: NOT_FOUND } });
    // Same answer as for an action that does not exist: the message tells nothing about B.
    expect(await outcome(withdrawFromValidation({ actionId: randomUUID() }))).toEqual(foreign);

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(b);
  });

  it.each(["sendQuickUpdate", "duplicate", "archive", "restore"])("%s on B's action: not found, nothing written", async (name) => {
    const b = await seed();
    signInAs(await createProviderUser());
    const before = await databaseFingerprint();
    expect(await outcome(validCalls[name]!(b))).toEqual({ state: { message: NOT_FOUND } });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("a provider account without an organisation cannot save", async () => {
    const s = await seed();
    const db = await getDb();
    await db.update(users).set({ organisationId: null }).where(eq(users.id, s.provider.id));
    signInAs(s.provider);
    const before = await databaseFingerprint();
    expect(await outcome(saveDraft({ values: actionContent() }))).toEqual({ state: { message: NOT_FOUND } });
    expect(await outcome(withdrawFromValidation({ actionId: s.submitted.actionId }))).toEqual({ state: { message: NOT_FOUND } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});
