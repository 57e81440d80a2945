import "server-only";
import { count, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { lockJob, type JobContext, type JobOutcome } from "@/db/jobs/runner";
import { searchActions } from "@/db/schema";

/**
 * Rewrites search_actions in the order of its organisations (CLUSTER on its organisation index),
 * once a night. An organisation's actions share their words (a building school's « maçon »,
 * « coffreur »…), so a word's matches then sit on a few neighbouring pages instead of one page
 * each: « agent » in the generated catalogue of 100,000 actions read 1,126 pages instead of 6,110,
 * and counting its matches took 2 to 4 ms instead of 5 to 7; the whole search, about a tenth less
 * at p95 (npm run bench:search, README). The day's writes land elsewhere; the next night puts
 * them back in place.
 *
 * CLUSTER locks the table while it runs (3.4 s for 100,000 rows on the shared 2-core machine):
 * searches, and the writes that copy a publication into it, wait meanwhile; they do not fail,
 * hence the hour (vercel.json). A run that cannot have the table within LOCK_TIMEOUT (a long
 * transaction holds it) fails and is recorded so, rather than queueing everything behind it; the
 * next night tries again. The copy holds no content of its own (the triggers of migration 0014
 * write it), so nothing can be lost.
 */
const LOCK_TIMEOUT = "5s";

/** Reorders the table and gathers its statistics; returns its number of rows. */
export async function reorderSearchTable(db: Database | Transaction): Promise<number> {
  await db.execute(sql`cluster search_actions using search_actions_organisation_idx`);
  // The planner's statistics of the rewritten table (its order is one of them).
  await db.execute(sql`analyze search_actions`);
  const [row] = await db.select({ n: count() }).from(searchActions);
  return row!.n;
}

/** The job: one run at a time (a second one waits, then reorders the table again: harmless). */
export async function reorderSearch({ db }: JobContext): Promise<JobOutcome> {
  const rows = await db.transaction(async (tx) => {
    await lockJob(tx, "reorder-search");
    await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_TIMEOUT}'`));
    return reorderSearchTable(tx);
  });
  return { counts: { rowsReordered: rows }, tags: [] };
}
