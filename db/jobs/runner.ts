import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { Database, Transaction } from "@/db/client";
import { jobRuns } from "@/db/schema";
import { CATALOGUE_TAG } from "@/lib/cache-tags";

// Every scheduled job runs through runJob: its run is recorded (start, end, counts, error) for
// staff to see, and its writes take the job's advisory lock, so that two runs at once do the work
// once — the second finds nothing left to do.

export const JOB_NAMES = ["withdraw-sessions", "expire-dossiers", "send-mail", "staff-digest", "reorder-search"] as const;
export type JobName = (typeof JOB_NAMES)[number];
export type JobTrigger = "cron" | "scheduler" | "cli" | "test";

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

export interface JobContext {
  db: Database;
  /** The Paris day the job works for. */
  asOf: string;
  /** The instant of the run (mail retries, reset expiry). */
  now: Date;
  runId: number;
  /** The `as_of` of the last successful run of this job, if any. */
  previousAsOf: string | null;
}

export interface JobOutcome {
  counts: Record<string, number>;
  /** Cache tags of the public pages the job changed, to refresh at once. */
  tags: string[];
}

/** Holds the job's lock until the end of the transaction; a concurrent run waits for it. */
export async function lockJob(tx: Transaction, job: JobName) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`job:${job}`}))`);
}

async function previousSuccess(db: Database, job: JobName): Promise<string | null> {
  const [row] = await db
    .select({ asOf: jobRuns.asOf })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "succeeded")))
    .orderBy(desc(jobRuns.asOf))
    .limit(1);
  return row?.asOf ?? null;
}

export interface RunResult extends JobOutcome {
  runId: number;
  status: "succeeded" | "failed";
  error?: string;
}

/** The jobs that record departures from diffusion (and refresh the pages they change). */
const CHANGES_DIFFUSION: readonly JobName[] = ["withdraw-sessions", "expire-dossiers"];

export async function runJob(
  job: JobName,
  work: (context: JobContext) => Promise<JobOutcome>,
  { asOf, now = new Date(), trigger }: { asOf: string; now?: Date; trigger: JobTrigger },
): Promise<RunResult> {
  const db = await getDb();
  const previousAsOf = await previousSuccess(db, job);
  const [run] = await db.insert(jobRuns).values({ job, trigger, asOf, startedAt: now }).returning({ id: jobRuns.id });
  const runId = run!.id;
  try {
    const outcome = await work({ db, asOf, now, runId, previousAsOf });
    await db
      .update(jobRuns)
      .set({ status: "succeeded", finishedAt: new Date(), counts: outcome.counts })
      .where(eq(jobRuns.id, runId));
    return { runId, status: "succeeded", ...outcome };
  } catch (error) {
    // The message only (never the SQL with its parameters): staff read it on the overview.
    const message = error instanceof Error ? error.message.split("\n")[0]!.slice(0, 500) : String(error);
    await db.update(jobRuns).set({ status: "failed", finishedAt: new Date(), error: message }).where(eq(jobRuns.id, runId));
    // What a failed withdrawal or expiry committed before failing (its first step, say) is no
    // longer in its outcome: every public page is refreshed rather than show it for an hour.
    return { runId, status: "failed", error: message, counts: {}, tags: CHANGES_DIFFUSION.includes(job) ? [CATALOGUE_TAG] : [] };
  }
}

/**
 * The last runs of each job, newest first: the staff overview shows them. Read per job (its index
 * on job and start), so that the mail job's run every ten minutes never hides the weekly digest.
 */
export async function listLastRuns({ perJob = 3 }: { perJob?: number } = {}) {
  const db = await getDb();
  const lastRuns = [];
  // One after the other: five at once would take every connection of a small pool.
  for (const job of JOB_NAMES) {
    lastRuns.push({ job, runs: await db.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(perJob) });
  }
  return lastRuns;
}
