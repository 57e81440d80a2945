// Issue 10, finding 7: a session is a row on the server, checked on every request. Logging out,
// « Se déconnecter de tous les appareils », a password changed or reset, codes reset by staff and
// a disabled account end it at once, whatever the cookie says; so do 8 hours without a request
// and 7 days after sign-in. On the real database of the project.

import { authMock, databaseFingerprint, outcome, SESSION_EXPIRED, signInAs } from "@/app/test-utils/server-action-harness";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it, vi, type Mock } from "vitest";
import { signOut } from "@/app/(auth)/auth";
import { signOutEverywhere } from "@/app/(auth)/mon-compte/server-actions";
import { submitForValidation } from "@/app/(organisme)/espace-organisme/actions/server-actions";
import { getDb } from "@/db";
import { resetCodes, setUserDisabled } from "@/db/queries/accounts";
import { endSession, getActiveSession, SESSION_IDLE_MS, SESSION_MAX_MS, startSession } from "@/db/queries/sessions";
import { auditLog, userSessions } from "@/db/schema";
import { actionContent, actorOf, createProviderAndStaff } from "@/db/test-utils/fixtures";
import { getSessionUser } from "@/lib/auth/session";

vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));

const signOutMock = signOut as unknown as Mock;
const HOUR = 60 * 60 * 1000;

async function openSessions(userId: string) {
  const db = await getDb();
  return db.select().from(userSessions).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

describe("a session checked on the server", () => {
  it("holds while used, and ends after 8 hours without a request or 7 days after sign-in", async () => {
    const { provider } = await createProviderAndStaff();
    signInAs(provider);
    expect((await getSessionUser())?.id).toBe(provider.id);

    signInAs(provider, { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS + 5 * 60_000) });
    expect((await getSessionUser())?.id).toBe(provider.id);
    signInAs(provider, { lastSeenAt: new Date(Date.now() - SESSION_IDLE_MS - 60_000) });
    expect(await getSessionUser()).toBeNull();

    // Used a minute ago, but opened more than 7 days ago.
    signInAs(provider, { createdAt: new Date(Date.now() - SESSION_MAX_MS - 60_000), lastSeenAt: new Date(Date.now() - 60_000) });
    expect(await getSessionUser()).toBeNull();
  });

  it("moves last use forward, so that an active person keeps their session past 8 hours", async () => {
    const { provider } = await createProviderAndStaff();
    const opened = new Date(Date.now() - 2 * SESSION_IDLE_MS);
    const sessionId = await startSession({ userId: provider.id, now: opened });
    for (let hours = 7; hours <= 14; hours += 7) {
      expect(await getActiveSession({ sessionId, userId: provider.id, now: new Date(opened.getTime() + hours * HOUR) })).not.toBeNull();
    }
    expect(await getActiveSession({ sessionId, userId: provider.id, now: new Date(opened.getTime() + 23 * HOUR) })).toBeNull();
  });

  it("a token without a session, or with another person's session, opens nothing", async () => {
    const { provider, staff } = await createProviderAndStaff();
    signInAs(provider);
    const session = await authMock();
    authMock.mockResolvedValue({ ...session!, sessionId: undefined });
    expect(await getSessionUser()).toBeNull();
    const staffSession = await startSession({ userId: staff.id });
    authMock.mockResolvedValue({ ...session!, sessionId: staffSession });
    expect(await getSessionUser()).toBeNull();
  });

  it("« Se déconnecter » ends that session: replaying its cookie opens nothing", async () => {
    const { provider } = await createProviderAndStaff();
    const sessionId = signInAs(provider)!;
    expect(await getSessionUser()).not.toBeNull();
    await endSession({ sessionId });
    expect(await getSessionUser()).toBeNull();
    expect(await outcome(submitForValidation({ values: actionContent() }))).toEqual({ state: { message: SESSION_EXPIRED } });
  });

  it("codes reset by staff and a disabled account end every session of the person", async () => {
    const { provider, staff } = await createProviderAndStaff();
    await startSession({ userId: provider.id });
    signInAs(provider);
    expect(await getSessionUser()).not.toBeNull();
    await resetCodes({ userId: provider.id, actor: actorOf(staff) });
    expect(await getSessionUser()).toBeNull();
    expect(await openSessions(provider.id)).toHaveLength(0);

    signInAs(provider);
    expect(await getSessionUser()).not.toBeNull();
    await setUserDisabled({ userId: provider.id, disabled: true, actor: actorOf(staff) });
    expect(await getSessionUser()).toBeNull();
    expect(await openSessions(provider.id)).toHaveLength(0);
  });
});

describe("« Se déconnecter de tous les appareils »", () => {
  it("ends every session of the person, and only theirs, and says so in the journal", async () => {
    const { provider, staff } = await createProviderAndStaff();
    await startSession({ userId: provider.id });
    await startSession({ userId: provider.id });
    const staffSession = await startSession({ userId: staff.id });
    signInAs(provider);
    expect(await outcome(signOutEverywhere({}))).toEqual({ redirectedTo: "/connexion" });
    expect(signOutMock).toHaveBeenCalledWith({ redirect: false });
    expect(await openSessions(provider.id)).toHaveLength(0);
    expect(await getSessionUser()).toBeNull();
    expect((await openSessions(staff.id)).map((row) => row.id)).toEqual([staffSession]);
    const db = await getDb();
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, provider.id), eq(auditLog.event, "user.signed-out-everywhere")));
    expect(entry).toMatchObject({ actorId: provider.id, details: { sessions: 3 } });
  });

  it("is refused to a session already ended, and writes nothing", async () => {
    const { provider } = await createProviderAndStaff();
    signInAs(provider, { revokedAt: new Date() });
    const before = await databaseFingerprint();
    expect(await outcome(signOutEverywhere({}))).toEqual({ state: { message: SESSION_EXPIRED } });
    expect(await databaseFingerprint()).toEqual(before);
    expect(signOutMock).not.toHaveBeenCalled();
  });
});
