// Server-side authorization of every server action built on authorizedAction (lib/auth/safe-action.ts),
// per role, against the real database of the project (PGlite, PostgreSQL or Neon).
//
// The actions are imported and called as a form would call them. Only the framework edges are
// mocked: the Auth.js session (`auth`), `connection` (request-time marker), the cache tags and
// the navigation helpers (`redirect` throws, as in Next.js, so that the target can be checked).
// The "use server" directive is only a string at the top of the module: outside the Next.js
// bundler it does nothing, so the files import as plain modules.

import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { updateTag } from "next/cache";
import { beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import { auth } from "@/app/(auth)/auth";
import { approveSubmission, rejectSubmission } from "@/app/(gestion)/gestion/validation/server-actions";
import { saveDraft, submitForValidation, withdrawFromValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { getDb } from "@/db";
import { saveActionContent } from "@/db/queries/actions";
import {
  actionRevisions,
  actions,
  auditLog,
  organisations,
  publishedActions,
  publishedSessions,
  users,
  type User,
} from "@/db/schema";
import {
  actionContent,
  createProviderAndStaff,
  createProviderUser,
  createStaffUser,
  FORMACODE_NETTOYAGE,
  openRevisionId,
  sessionContent,
  UNKNOWN_FORMACODE,
} from "@/db/test-utils/fixtures";
import { actionRow, auditEvents, revisionRow, revisionsOf } from "@/db/test-utils/rows";
import type { ActionState } from "@/lib/auth/safe-action";
import { DRAFT_REFUSED, emptyActionContent, SUBMISSION_REFUSED } from "@/lib/validations/action";

vi.mock("@/app/(auth)/auth", () => ({ auth: vi.fn(), signIn: vi.fn(), signOut: vi.fn(), handlers: {} }));

vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: vi.fn(() => Promise.resolve()),
}));

vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
}));

vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: vi.fn((url: string) => {
    throw new Error(`NEXT_REDIRECT:${url}`);
  }),
  forbidden: vi.fn(() => {
    throw new Error("NEXT_FORBIDDEN");
  }),
  notFound: vi.fn(() => {
    throw new Error("NEXT_NOT_FOUND");
  }),
}));

const authMock = auth as unknown as Mock<() => Promise<Session | null>>;

const SESSION_EXPIRED = "Votre session a expiré. Reconnectez-vous puis recommencez.";
const NO_RIGHTS = "Vous n’avez pas les droits nécessaires pour cette opération.";
const NOT_FOUND = "Cette action de formation est introuvable.";
const WITHDRAW_CONFLICT = "Cette action n’est plus en attente de validation : elle a peut-être déjà été traitée.";
const DECISION_CONFLICT = "Cette version n’est plus en attente de validation : elle a déjà été traitée ou retirée.";
const FIELDS_TO_FIX = "Certains champs sont à corriger : voyez les messages sous chacun d’eux.";

beforeEach(() => {
  vi.clearAllMocks();
  authMock.mockResolvedValue(null);
});

/** The session Auth.js would give this user (null: nobody signed in). */
function signInAs(user: User | null) {
  authMock.mockResolvedValue(
    user && {
      user: { id: user.id, name: user.displayName, role: user.role, organisationId: user.organisationId },
      expires: new Date(Date.now() + 60 * 60 * 1000).toISOString(),
    },
  );
}

type Outcome = { state: ActionState | void } | { redirectedTo: string };

/** What the action answered its form, or where it redirected. */
async function outcome(call: Promise<ActionState | void>): Promise<Outcome> {
  try {
    return { state: await call };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("NEXT_REDIRECT:")) {
      return { redirectedTo: error.message.slice("NEXT_REDIRECT:".length) };
    }
    throw error;
  }
}

/**
 * A fingerprint of every table an action can write: any insert, update or delete changes it.
 * The test files of a project run one after the other on its database, so nothing else writes.
 */
async function databaseFingerprint() {
  const db = await getDb();
  const tables = { organisations, users, actions, actionRevisions, publishedActions, publishedSessions, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await db
        .select({ rows: sql<number>`count(*)::int`, hash: sql<string | null>`md5(string_agg(t::text, '|' order by t::text))` })
        .from(sql`${table} as t`);
      return [name, row] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function publishedRow(actionId: string) {
  const db = await getDb();
  const [row] = await db.select().from(publishedActions).where(eq(publishedActions.actionId, actionId));
  return row;
}

/** An organisation with its provider, one action sent for validation and one draft; staff and admin. */
async function seed() {
  const { organisation, provider, staff, providerActor } = await createProviderAndStaff();
  const admin = await createStaffUser({ role: "admin" });
  const submittedId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: true });
  const draftId = await saveActionContent({ organisationId: organisation.id, actor: providerActor, content: actionContent(), submit: false });
  return {
    organisation,
    provider,
    staff,
    admin,
    submitted: { actionId: submittedId, revisionId: await openRevisionId(submittedId) },
    draft: { actionId: draftId, revisionId: await openRevisionId(draftId) },
  };
}

type Seed = Awaited<ReturnType<typeof seed>>;

/** Each action with input that would succeed for the right role: only authorization stops it. */
const validCalls: Record<string, (s: Seed) => Promise<ActionState | void>> = {
  "submitForValidation (new action)": () => submitForValidation({ values: actionContent() }),
  "saveDraft (existing draft)": (s) => saveDraft({ actionId: s.draft.actionId, values: actionContent() }),
  "submitForValidation (existing draft)": (s) => submitForValidation({ actionId: s.draft.actionId, values: actionContent() }),
  withdrawFromValidation: (s) => withdrawFromValidation({ actionId: s.submitted.actionId }),
  approveSubmission: (s) => approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }),
  rejectSubmission: (s) => rejectSubmission({ revisionId: s.submitted.revisionId, reason: "Les objectifs ne décrivent pas la formation." }),
};
const providerCalls = ["submitForValidation (new action)", "saveDraft (existing draft)", "submitForValidation (existing draft)", "withdrawFromValidation"];
const staffCalls = ["approveSubmission", "rejectSubmission"];

/** The seeded revisions are where they were left: nothing decided, withdrawn, published or logged. */
async function expectSeedUntouched(s: Seed) {
  expect(await revisionsOf(s.submitted.actionId)).toEqual([expect.objectContaining({ id: s.submitted.revisionId, status: "submitted", decidedBy: null })]);
  expect(await revisionsOf(s.draft.actionId)).toEqual([expect.objectContaining({ id: s.draft.revisionId, status: "draft", submittedAt: null })]);
  expect(await publishedRow(s.submitted.actionId)).toBeUndefined();
  expect((await auditEvents(s.submitted.actionId)).map((e) => e.event)).toEqual(["action.created", "revision.submitted"]);
  expect((await auditEvents(s.draft.actionId)).map((e) => e.event)).toEqual(["action.created", "revision.saved"]);
}

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

describe("saveDraft and submitForValidation for their provider", () => {
  it("submit with invalid values: errors keyed by field path, in French, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    const start = "2031-03-10";
    const values = actionContent({
      title: "",
      objectives: "Trop court",
      sessions: [sessionContent({ startDate: start, endDate: "2031-03-01" }), sessionContent({ placesAvailable: -1 })],
    });

    for (const actionId of [undefined, s.draft.actionId]) {
      expect(await outcome(submitForValidation({ actionId, values }))).toEqual({
        state: {
          message: SUBMISSION_REFUSED,
          errors: {
            title: "Indiquez l’intitulé de la formation.",
            objectives: "Ce texte est trop court : 20 caractères au minimum.",
            "sessions.0.endDate": "La date de fin doit être postérieure à la date de début.",
            "sessions.1.placesAvailable": "Le nombre de places ne peut pas être négatif.",
          },
        },
      });
    }
    // Sending needs a session, or permanent entry.
    expect(await outcome(submitForValidation({ values: actionContent({ sessions: [] }) }))).toEqual({
      state: {
        message: SUBMISSION_REFUSED,
        errors: { sessions: "Ajoutez au moins une session, ou cochez « Entrées et sorties permanentes »." },
      },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });

  it("draft with an invalid title, or malformed input: errors, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();

    expect(await outcome(saveDraft({ values: { ...emptyActionContent(), title: "AGENT DE PROPRETÉ" } }))).toEqual({
      state: {
        message: DRAFT_REFUSED,
        errors: { title: "N’écrivez pas l’intitulé en majuscules : « Agent de propreté et d’hygiène », pas « AGENT DE PROPRETÉ »." },
      },
    });
    expect(await outcome(saveDraft({ actionId: "pas-un-identifiant", values: actionContent() }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { actionId: NOT_FOUND } },
    });

    expect(await databaseFingerprint()).toEqual(before);
  });

  it("draft with only a title: saved in the provider's organisation, redirect to the action", async () => {
    const s = await seed();
    signInAs(s.provider);
    const title = "Agent de propreté, brouillon du jour";

    const result = await outcome(saveDraft({ values: { ...emptyActionContent(), title } }));

    expect(result).toEqual({ redirectedTo: expect.stringMatching(/^\/espace-organisme\/actions\/[0-9a-f-]{36}\?statut=brouillon$/) });
    const actionId = (result as { redirectedTo: string }).redirectedTo.split("/").at(-1)!.split("?")[0]!;
    expect(await actionRow(actionId)).toMatchObject({ organisationId: s.organisation.id, createdBy: s.provider.id, firstSubmittedAt: null });
    expect(await revisionsOf(actionId)).toEqual([expect.objectContaining({ status: "draft", content: expect.objectContaining({ title, sessions: [] }) })]);
    expect(await auditEvents(actionId)).toEqual([
      expect.objectContaining({ event: "action.created", actorId: s.provider.id, actorRole: "provider" }),
      expect.objectContaining({ event: "revision.saved", actorId: s.provider.id, actorRole: "provider" }),
    ]);
  });

  it("submit of its own draft: sent for validation, redirect with statut=envoyee", async () => {
    const s = await seed();
    signInAs(s.provider);
    const values = actionContent();

    expect(await outcome(submitForValidation({ actionId: s.draft.actionId, values }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.draft.actionId}?statut=envoyee`,
    });
    expect(await revisionRow(s.draft.revisionId)).toMatchObject({
      status: "submitted",
      submittedBy: s.provider.id,
      content: expect.objectContaining({ title: values.title }),
    });
  });
});

describe("withdrawFromValidation for its provider", () => {
  it("pulls its submission back to draft", async () => {
    const s = await seed();
    signInAs(s.provider);
    expect(await outcome(withdrawFromValidation({ actionId: s.submitted.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.submitted.actionId}?statut=retiree`,
    });
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({ status: "draft" });
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.withdrawn", actorId: s.provider.id });
  });
});

describe("decisions on what is no longer waiting", () => {
  it("withdrawing a draft says it is not waiting for validation, nothing written", async () => {
    const s = await seed();
    signInAs(s.provider);
    const before = await databaseFingerprint();
    expect(await outcome(withdrawFromValidation({ actionId: s.draft.actionId }))).toEqual({ state: { message: WITHDRAW_CONFLICT } });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("approving or rejecting an unknown revision says it is not found", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    const revisionId = randomUUID();
    expect(await outcome(approveSubmission({ revisionId, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: "Cette version est introuvable." },
    });
    expect(await outcome(rejectSubmission({ revisionId, reason: "Le titre contient un sigle à expliquer." }))).toEqual({
      state: { message: "Cette version est introuvable." },
    });
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("a decided revision reports the conflict before looking at the codes", async () => {
    const s = await seed();
    signInAs(s.staff);
    await approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }).catch(() => undefined);
    const before = await databaseFingerprint();
    const again = await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [UNKNOWN_FORMACODE] }));
    expect(again).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
    expect(await databaseFingerprint()).toEqual(before);
  });
});

describe("approveSubmission", () => {
  it("without a Formacode: field error, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    expect(await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [] }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { formacodes: "Choisissez au moins un code Formacode." } },
    });
    expect(await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: ["4209"] }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { "formacodes.0": "Un code Formacode a cinq chiffres." } },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("with an unknown Formacode: refused, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    const result = await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE, UNKNOWN_FORMACODE] }));

    expect(result).toEqual({ state: { message: expect.stringContaining("Code Formacode inconnu") } });
    expect(result).toEqual({ state: { message: `Code Formacode inconnu : ${UNKNOWN_FORMACODE}. Choisissez les codes dans la liste.` } });
    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it.each(["staff", "admin"] as const)("by %s: publishes, refreshes the catalogue, redirects to the queue", async (role) => {
    const s = await seed();
    const reviewer = role === "staff" ? s.staff : s.admin;
    signInAs(reviewer);

    expect(await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}`,
    });

    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({
      status: "approved",
      decidedBy: reviewer.id,
      codification: { formacodes: [FORMACODE_NETTOYAGE] },
    });
    expect(await publishedRow(s.submitted.actionId)).toMatchObject({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] });
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.approved", actorId: reviewer.id, actorRole: role });
    expect(updateTag).toHaveBeenCalledWith("catalogue");
    expect(updateTag).toHaveBeenCalledWith(`action:${s.submitted.actionId}`);
  });

  it("of a draft revision: conflict, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(approveSubmission({ revisionId: s.draft.revisionId, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe("rejectSubmission", () => {
  it("without a reason: field error, nothing written", async () => {
    const s = await seed();
    signInAs(s.staff);
    const before = await databaseFingerprint();

    for (const reason of ["", "   "]) {
      expect(await outcome(rejectSubmission({ revisionId: s.submitted.revisionId, reason }))).toEqual({
        state: { message: FIELDS_TO_FIX, errors: { reason: "Indiquez le motif du refus." } },
      });
    }
    expect(await outcome(rejectSubmission({ revisionId: s.submitted.revisionId, reason: "Non." }))).toEqual({
      state: { message: FIELDS_TO_FIX, errors: { reason: "Expliquez le motif en une phrase au moins (10 caractères)." } },
    });

    expect(await databaseFingerprint()).toEqual(before);
    await expectSeedUntouched(s);
  });

  it.each(["staff", "admin"] as const)("by %s: sends the revision back with the reason, publishes nothing", async (role) => {
    const s = await seed();
    const reviewer = role === "staff" ? s.staff : s.admin;
    signInAs(reviewer);

    expect(await outcome(rejectSubmission({ revisionId: s.submitted.revisionId, reason: "  Les sessions n’ont pas de lieu précis.  " }))).toEqual({
      redirectedTo: `/gestion/validation?refusee=${s.submitted.revisionId}`,
    });
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({
      status: "rejected",
      decidedBy: reviewer.id,
      rejectionReason: "Les sessions n’ont pas de lieu précis.",
    });
    expect(await publishedRow(s.submitted.actionId)).toBeUndefined();
    expect((await auditEvents(s.submitted.actionId)).at(-1)).toMatchObject({ event: "revision.rejected", actorId: reviewer.id, actorRole: role });
    expect(updateTag).not.toHaveBeenCalled();
  });
});

describe("a decision is taken once", () => {
  it("approving twice: the second call gets the conflict message and changes nothing", async () => {
    const s = await seed();
    signInAs(s.staff);
    expect(await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      redirectedTo: `/gestion/validation?publiee=${s.submitted.revisionId}`,
    });
    expect(updateTag).toHaveBeenCalledTimes(2);
    const after = await databaseFingerprint();

    signInAs(s.admin);
    const second = await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }));
    expect(second).toEqual({ state: { message: expect.stringContaining("n’est plus en attente de validation") } });
    expect(second).toEqual({ state: { message: DECISION_CONFLICT } });
    expect(await outcome(rejectSubmission({ revisionId: s.submitted.revisionId, reason: "Refus après coup, trop tard." }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });

    expect(await databaseFingerprint()).toEqual(after);
    expect(await revisionRow(s.submitted.revisionId)).toMatchObject({ status: "approved", decidedBy: s.staff.id });
    expect(updateTag).toHaveBeenCalledTimes(2);
  });

  it("withdrawn by the provider before the decision: approval gets the conflict message", async () => {
    const s = await seed();
    signInAs(s.provider);
    expect(await outcome(withdrawFromValidation({ actionId: s.submitted.actionId }))).toEqual({
      redirectedTo: `/espace-organisme/actions/${s.submitted.actionId}?statut=retiree`,
    });
    signInAs(s.staff);
    const before = await databaseFingerprint();
    expect(await outcome(approveSubmission({ revisionId: s.submitted.revisionId, formacodes: [FORMACODE_NETTOYAGE] }))).toEqual({
      state: { message: DECISION_CONFLICT },
    });
    expect(await databaseFingerprint()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});
