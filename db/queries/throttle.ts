import "server-only";
import { and, eq, gt, inArray, max, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { throttles } from "@/db/schema";

// Counters for throttling, in the database so that limits hold across server instances and on
// every driver (PGlite, pg, Neon): one row per key, a fixed window, and an optional block.
// Each change is one atomic upsert, so concurrent requests never lose a count.
//
// The issue suggested rate-limiter-flexible. Its drizzle store loads drizzle-orm with a computed
// dynamic import that Next's bundler cannot follow, cannot join the caller's transaction, reads
// the machine's clock only, and growing delays would still be our own policy on top: the same
// fixed-window algorithm is written here instead, on the table the reset links already used.

type Executor = Database | Transaction;

/** The count of `key` in its current window, plus one; `windowStart` restarts when the window is over. */
function countHit(db: Executor, { key, windowMs, now }: { key: string; windowMs: number; now: Date }) {
  const windowOpen = new Date(now.getTime() - windowMs).toISOString();
  const expired = sql`${throttles.windowStart} < ${windowOpen}::timestamptz`;
  return db
    .insert(throttles)
    .values({ key, windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: throttles.key,
      set: {
        count: sql`case when ${expired} then 1 else ${throttles.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${throttles.windowStart} end`,
      },
    })
    .returning({ count: throttles.count });
}

/**
 * Counts one more hit on `key` in a fixed window, and says whether the hit is within the limit.
 */
export async function hitThrottle(db: Executor, { key, limit, windowMs, now = new Date() }: { key: string; limit: number; windowMs: number; now?: Date }) {
  const [row] = await countHit(db, { key, windowMs, now });
  return { allowed: row!.count <= limit, count: row!.count };
}

/** Until when the most held-back of these keys is blocked; null when none is. */
export async function blockedUntil(db: Executor, { keys, now = new Date() }: { keys: string[]; now?: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ until: max(throttles.blockedUntil) })
    .from(throttles)
    .where(and(inArray(throttles.key, keys), gt(throttles.blockedUntil, now)));
  return row?.until ? new Date(row.until) : null;
}

/**
 * Records one failure on `key` and blocks it for `delayMs(count)` from now (0: no block).
 * Returns the count in the window and whether this failure is the one that reached `lockAfter`.
 */
export async function recordFailure(
  db: Executor,
  { key, windowMs, lockAfter, delayMs, now = new Date() }: { key: string; windowMs: number; lockAfter: number; delayMs: (count: number) => number; now?: Date },
) {
  const [row] = await countHit(db, { key, windowMs, now });
  const count = row!.count;
  const delay = delayMs(count);
  if (delay > 0) await db.update(throttles).set({ blockedUntil: new Date(now.getTime() + delay) }).where(eq(throttles.key, key));
  return { count, locked: count === lockAfter };
}

/** Forgets the failures of a key (a successful login clears its identifier's count). */
export async function clearThrottle(db: Executor, { key }: { key: string }) {
  await db.update(throttles).set({ count: 0, blockedUntil: null }).where(eq(throttles.key, key));
}
