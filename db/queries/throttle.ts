import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { throttles } from "@/db/schema";

/**
 * Counts one more hit on `key` in a fixed window, in the database (so that the limit holds across
 * server instances), and says whether the hit is within the limit.
 */
export async function hitThrottle(db: Database | Transaction, { key, limit, windowMs, now = new Date() }: { key: string; limit: number; windowMs: number; now?: Date }) {
  const windowOpen = new Date(now.getTime() - windowMs).toISOString();
  const [row] = await db
    .insert(throttles)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`case when ${throttles.windowStart} < ${windowOpen}::timestamptz then 1 else ${throttles.count} + 1 end`,
        windowStart: sql`case when ${throttles.windowStart} < ${windowOpen}::timestamptz then ${now.toISOString()}::timestamptz else ${throttles.windowStart} end`,
      },
    })
    .returning({ count: throttles.count });
  return { allowed: row!.count <= limit, count: row!.count };
}
