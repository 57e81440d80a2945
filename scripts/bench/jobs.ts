// npm run bench:jobs [-- --size small] [--only pg|pglite] [--reuse] [--keep] [--no-plans]
//
// The J+8 withdrawal job (db/jobs/withdraw-sessions.ts) on a generated data set (db/generate/):
//   1. the first run on the data set, which records every session already past J+8 (the
//      catch-up a new installation, or a long outage, makes);
//   2. the same run again at once: it must change nothing;
//   3. the next day's run, as the daily cron makes it;
//   4. that run again.
// Prints each run's time and counts, then the plans (EXPLAIN ANALYZE, in a transaction rolled
// back) of the statements of the first run.
//
// Sizes: full = 100 000 actions with about 1 000 000 sessions on PostgreSQL (a database of its own
// on BENCH_DATABASE_URL / TEST_DATABASE_URL's server; --reuse keeps it between runs, as generating
// it takes minutes), then 10 000 actions with about 100 000 sessions on PGlite; small = 500
// actions on PGlite only, for CI. Targets (full, PostgreSQL): first run under 10 s, second under 1 s.

import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { generate } from "@/db/generate";
import { runScheduledJob } from "@/db/jobs";
import { addDays, parisDate } from "@/lib/dates";
import { DATABASE_BENCH_OPTIONS, type Engine, openBenchDatabase, selectCases } from "@/scripts/bench/bench-database";
import { explainAll, installHandle } from "@/scripts/bench/capture";

const { values } = parseArgs({ options: DATABASE_BENCH_OPTIONS });

interface Case {
  engine: Engine;
  actions: number;
  organisations: number;
  targets?: { first: number; again: number };
}

// About 80 % of generated actions are published, each with its sessions: 12.5 sessions per action
// gives ten sessions per published action.
const SESSIONS_PER_ACTION = 12.5;
const SIZES: Record<string, Case[]> = {
  full: [
    { engine: "pg", actions: 100_000, organisations: 800, targets: { first: 10_000, again: 1000 } },
    { engine: "pglite", actions: 10_000, organisations: 100 },
  ],
  small: [{ engine: "pglite", actions: 500, organisations: 8 }],
};
const cases = selectCases(SIZES, values.size, values.only);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function bench(c: Case) {
  const name = `jobs_${c.engine}_${c.actions}`;
  const database = await openBenchDatabase({ engine: c.engine, name, keep: values.keep, reuse: values.reuse });
  const { handle } = database;
  try {
    const today = parisDate();
    let sessions: number;
    if (database.fresh) {
      const started = performance.now();
      const summary = await generate({
        db: handle.db,
        seed: 2026,
        actions: c.actions,
        organisations: c.organisations,
        sessionsPerAction: SESSIONS_PER_ACTION,
        revisionsPerAction: 1,
        auditEntries: 0,
        today,
        now: new Date(),
        onProgress: (message) => console.log(`  ${message}`),
      });
      await handle.db.execute(sql`vacuum analyze`);
      sessions = summary.publishedSessions;
      console.log(`Generated ${summary.actions} actions (${summary.publishedActions} published) with ${summary.publishedSessions} sessions in ${seconds(performance.now() - started)} (${database.where})`);
    } else {
      const [row] = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from published_sessions`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
      sessions = row!.n;
      console.log(`Reusing ${database.where}: ${sessions} sessions (the data were generated around the day of that run)`);
    }
    const db = installHandle(handle);
    // A reused data set keeps the records of the last bench: start again from none.
    await db.query("truncate diffusion_changes, job_runs");

    const runs: { name: string; asOf: string; target?: number }[] = [
      { name: "first run (catch-up)", asOf: today, target: c.targets?.first },
      { name: "same day again", asOf: today, target: c.targets?.again },
      { name: "next day", asOf: addDays(today, 1) },
      { name: "next day again", asOf: addDays(today, 1), target: c.targets?.again },
    ];
    const lines: string[] = [];
    for (const run of runs) {
      const started = performance.now();
      const result = await runScheduledJob("withdraw-sessions", { asOf: run.asOf, trigger: "cli" });
      const took = performance.now() - started;
      if (result.status !== "succeeded") throw new Error(`${run.name} failed: ${result.error}`);
      const verdict = run.target === undefined ? "" : took < run.target ? `  (target < ${seconds(run.target)}: yes)` : `  (target < ${seconds(run.target)}: NO)`;
      lines.push(`  ${run.name.padEnd(22)} as of ${run.asOf}  ${seconds(took).padStart(8)}  sessions withdrawn ${result.counts.sessionsWithdrawn}, actions left ${result.counts.actionsLeft}${verdict}`);
    }
    console.log(`\nWithdrawal job on ${database.where}, ${sessions} sessions:`);
    console.log(lines.join("\n"));

    if (!values["no-plans"]) {
      // The first run's statements again, recorded then explained on the same starting point.
      await db.query("truncate diffusion_changes, job_runs");
      db.captured = [];
      await runScheduledJob("withdraw-sessions", { asOf: today, trigger: "cli" });
      const statements = db.captured.filter((s) => s.sql.includes("diffusion_changes"));
      db.captured = null;
      // Keep the run's row: the statements name it.
      await db.query("truncate diffusion_changes");
      console.log(`\nPlans of the first run's statements on ${database.where}:`);
      for (const plan of await explainAll(handle, statements)) console.log(`\n${plan}`);
    }
  } finally {
    await database.dispose();
  }
}

for (const c of cases) await bench(c);
