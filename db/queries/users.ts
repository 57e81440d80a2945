import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";

export async function getUserForLogin({ identifier }: { identifier: string }) {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      identifier: users.identifier,
      passwordHash: users.passwordHash,
      role: users.role,
      displayName: users.displayName,
      organisationId: users.organisationId,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(sql`lower(${users.identifier})`, identifier.trim().toLowerCase()))
    .limit(1);
  return user ?? null;
}

export async function recordLogin({ userId }: { userId: string }) {
  const db = await getDb();
  await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
}

/**
 * The signed-in user as the database knows them now: null when the account was disabled or
 * removed since the session began. Role and organisation come from here, not from the token, so
 * a change made by staff applies at the next request.
 */
export async function getActiveUser({ userId }: { userId: string }) {
  const db = await getDb();
  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      displayName: users.displayName,
      organisationId: users.organisationId,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)))
    .limit(1);
  return user ?? null;
}
