import "server-only";
import { and, asc, eq, gt, inArray, max, sql } from "drizzle-orm";
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
 * Takes one attempt on every key at once, or none. When one of them is blocked, nothing changes
 * and the latest block is returned. Else each key counts one more hit in its window and is blocked
 * for `delayMs(count)` from now, as if the attempt had failed: attempts sent together are each
 * counted before any is let through (the rows are locked, in key order), so a burst gets no more
 * tries than patient attempts would. An attempt that succeeds gives its hit back (releaseAttempt),
 * with the block it set on each key (`blocks`).
 */
export async function claimAttempt(
  db: Database,
  { keys, windowMs, delayMs, now = new Date() }: { keys: string[]; windowMs: number; delayMs: (count: number) => number; now?: Date },
): Promise<{ blockedUntil: Date | null; counts: Map<string, number>; blocks: Map<string, Date | null> }> {
  const sorted = [...new Set(keys)].sort();
  return db.transaction(async (tx) => {
    await tx.insert(throttles).values(sorted.map((key) => ({ key, windowStart: now, count: 0 }))).onConflictDoNothing();
    const rows = await tx.select().from(throttles).where(inArray(throttles.key, sorted)).orderBy(asc(throttles.key)).for("update");
    const held = rows.flatMap((row) => (row.blockedUntil && row.blockedUntil > now ? [row.blockedUntil.getTime()] : []));
    if (held.length > 0) return { blockedUntil: new Date(Math.max(...held)), counts: new Map(), blocks: new Map() };
    const counts = new Map<string, number>();
    const blocks = new Map<string, Date | null>();
    for (const row of rows) {
      const expired = row.windowStart.getTime() < now.getTime() - windowMs;
      const count = expired ? 1 : row.count + 1;
      const delay = delayMs(count);
      const blockedUntil = delay > 0 ? new Date(now.getTime() + delay) : null;
      await tx.update(throttles).set({ count, windowStart: expired ? now : row.windowStart, blockedUntil }).where(eq(throttles.key, row.key));
      counts.set(row.key, count);
      blocks.set(row.key, blockedUntil);
    }
    return { blockedUntil: null, counts, blocks };
  });
}

/**
 * Gives back the hit an attempt claimed on `key` (it succeeded): one less in the count, and the
 * block its claim set lifted (the key was not blocked before the claim, which let it through); a
 * block set since by another attempt's claim stays.
 */
export async function releaseAttempt(db: Database, { key, claimedBlock }: { key: string; claimedBlock: Date | null }) {
  await db
    .update(throttles)
    .set({
      count: sql`greatest(${throttles.count} - 1, 0)`,
      blockedUntil: claimedBlock ? sql`case when ${throttles.blockedUntil} = ${claimedBlock.toISOString()}::timestamptz then null else ${throttles.blockedUntil} end` : sql`${throttles.blockedUntil}`,
    })
    .where(eq(throttles.key, key));
}

/** Forgets the failures of a key (a successful login clears its identifier's count). */
export async function clearThrottle(db: Executor, { key }: { key: string }) {
  await db.update(throttles).set({ count: 0, blockedUntil: null }).where(eq(throttles.key, key));
}
