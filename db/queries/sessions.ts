import "server-only";
import { and, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database, Transaction } from "@/db/client";
import { passwordResets, users, userSessions } from "@/db/schema";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "@/lib/auth/session-limits";

export { SESSION_IDLE_MS, SESSION_MAX_MS };

// Server-side sessions (issue 10, finding 7). The cookie says which session; this table says
// whether it still holds. Sessions run on real time, never on the test clock of lib/clock.ts:
// moving the day forward for a scheduled job must not sign anyone out.

/** `last_seen_at` moves at most this often, so that reading pages does not write on each request. */
const TOUCH_EVERY_MS = 60 * 1000;

/** Why sessions ended, kept on the row for whoever looks into an incident. */
export type SessionEndReason = "logout" | "logout-all" | "password-changed" | "password-reset" | "codes-reset" | "disabled";

/** Opens a session at sign-in; forgets the user's sessions that have expired anyway. */
export async function startSession({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.delete(userSessions).where(and(eq(userSessions.userId, userId), lt(userSessions.createdAt, new Date(now.getTime() - SESSION_MAX_MS))));
    const [row] = await tx.insert(userSessions).values({ userId, createdAt: now, lastSeenAt: now }).returning({ id: userSessions.id });
    return row!.id;
  });
}

/**
 * The user behind a session that still holds — not revoked, used within 8 hours, begun within 7
 * days, account active — or null. Moves `last_seen_at` forward (at most once a minute).
 */
export async function getActiveSession({ sessionId, userId, now = new Date() }: { sessionId: string; userId: string; now?: Date }) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      organisationId: users.organisationId,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        isNull(users.disabledAt),
        gt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        gt(userSessions.createdAt, new Date(now.getTime() - SESSION_MAX_MS)),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .update(userSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, now)));
  }
  return { id: row.id, role: row.role, displayName: row.displayName, organisationId: row.organisationId, mustChangePassword: row.mustChangePassword };
}

/** « Se déconnecter »: this session only. */
export async function endSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }) {
  const db = await getDb();
  await db
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: "logout" })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt)));
}

/**
 * Ends every open session of a user, but `keep` when given, and voids their reset links not used
 * yet. Call it in the transaction that changes the password, the codes or the account, so that
 * both happen or neither.
 */
export async function revokeUserSessions(
  tx: Database | Transaction,
  { userId, reason, keep, now = new Date() }: { userId: string; reason: SessionEndReason; keep?: string; now?: Date },
): Promise<number> {
  const ended = await tx
    .update(userSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keep ? ne(userSessions.id, keep) : sql`true`))
    .returning({ id: userSessions.id });
  // The reset links not used yet go with them: a link mailed before the password changed (or the
  // account was disabled, or its codes reset) must not open it afterwards.
  await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  return ended.length;
}

/** How many sessions of a user are still open (the account page says it). */
export async function countOpenSessions({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS)),
        gt(userSessions.createdAt, new Date(now.getTime() - SESSION_MAX_MS)),
      ),
    );
  return row?.count ?? 0;
}
