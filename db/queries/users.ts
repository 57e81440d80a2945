import "server-only";
import { eq, sql } from "drizzle-orm";
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
