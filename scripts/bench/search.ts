// npm run bench:search [-- --size small] [--pg | --only pg|pglite] [--runs N] [--reuse] [--keep] [--no-plans]
//
// Server time of the catalogue search (db/queries/search.ts, as /formations calls it) on a
// generated catalogue (db/generate/): words, filters, a town with its radius, the counts per
// filter value, a misspelt word, a deep page. Prints p50 and p95 per scenario, then the plans
// (EXPLAIN ANALYZE) of each scenario's statements, and a floor: the target's matches counted and
// nothing else. Twice: with the search table's rows scattered (in the order of their ids, as
// without the nightly job), then as the nightly job reorder-search leaves them (in the order of
// their organisations: db/jobs/reorder-search.ts); the plans are those of the second.
//
// Sizes: full = 100 000 actions with about 400 000 published sessions on PostgreSQL (a database of
// its own on BENCH_DATABASE_URL / TEST_DATABASE_URL's server; --reuse keeps it between runs), then
// 10 000 actions on PGlite; small = 500 actions on PGlite, for CI. Targets for « words + two
// filters + counts »: p95 < 30 ms on PostgreSQL, < 80 ms on PGlite.

import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { generate } from "@/db/generate";
import { searchCatalogue } from "@/db/queries/search";
import { wordsMatch } from "@/db/queries/search-run";
import { reorderSearchTable } from "@/db/jobs/reorder-search";
import { searchActions } from "@/db/schema";
import { addDays, parisDate } from "@/lib/dates";
import { searchDiffusedSql } from "@/lib/diffusion-sql";
import { parseSearchParams, searchTerms, type RawSearchParams } from "@/lib/search/params";
import { DATABASE_BENCH_OPTIONS, type Engine, openBenchDatabase, selectCases } from "@/scripts/bench/bench-database";
import { explainAll, installHandle } from "@/scripts/bench/capture";
import { percentile } from "@/scripts/bench/measure";

const { values } = parseArgs({
  options: {
    ...DATABASE_BENCH_OPTIONS,
    pg: { type: "boolean", default: false },
    runs: { type: "string" },
  },
});

interface Case {
  engine: Engine;
  actions: number;
  organisations: number;
  runs: number;
  /** p95 in ms for the target scenario. */
  target?: number;
}

// About 80 % of generated actions are published: 5 sessions per action gives about 400 000
// published sessions for 100 000 actions.
const SESSIONS_PER_ACTION = 5;
const SIZES: Record<string, Case[]> = {
  full: [
    { engine: "pg", actions: 100_000, organisations: 800, runs: 50, target: 30 },
    { engine: "pglite", actions: 10_000, organisations: 100, runs: 30, target: 80 },
  ],
  small: [{ engine: "pglite", actions: 500, organisations: 8, runs: 10 }],
};
const only = values.pg ? "pg" : values.only;
const cases = selectCases(SIZES, values.size, only);

const TARGET = "words + two filters + counts";
/** Time given to each scenario's measured runs (at least five runs). */
const BUDGET_MS = 20_000;

function scenarios(today: string): [string, RawSearchParams][] {
  return [
    [TARGET, { q: "agent", departement: "57", places: "1" }],
    ["words only", { q: "aide soignant" }],
    ["words + town 30 km + dates", { q: "cuisinier", ville: "Metz", rayon: "30", du: today, au: addDays(today, 180) }],
    ["no words, department + level", { departement: "54", niveau: "13" }],
    ["no words, nothing (first page of all)", {}],
    ["misspelt word (typo fallback)", { q: "auxilaire" }],
    ["words, page 5, by date", { q: "formation", tri: "date", page: "5" }],
  ];
}

const FLOOR = "floor: the target's matches, counted";

const ms = (value: number) => value.toFixed(1).padStart(7);

/**
 * Runs `work` twice to warm up, then `runs` times — a slow one stops after its time budget, its
 * percentiles then over fewer runs (at least five): the times in ms, sorted, and its last answer.
 */
async function timed(work: () => Promise<number>, runs: number): Promise<{ times: number[]; total: number }> {
  for (let i = 0; i < 2; i++) await work();
  const times: number[] = [];
  let total = 0;
  const budgetEnds = performance.now() + BUDGET_MS;
  for (let i = 0; i < runs && (i < 5 || performance.now() < budgetEnds); i++) {
    const started = performance.now();
    total = await work();
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), total };
}

interface Result {
  name: string;
  p50: number;
  p95: number;
  runs: number;
  total: number;
  plans: string[];
}

/** Every scenario, then the floor; with the plans of each scenario's statements when `plans`. */
async function measure(handle: DbHandle, db: ReturnType<typeof installHandle>, today: string, runs: number, plans: boolean): Promise<Result[]> {
  const results: Result[] = [];
  for (const [scenario, params] of scenarios(today)) {
    const filters = parseSearchParams(params, today);
    const work = () => searchCatalogue({ filters, today });
    const { times, total } = await timed(async () => (await work()).total, runs);
    console.log(`  ${scenario}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms over ${times.length} runs, ${total} results`);
    let explained: string[] = [];
    if (plans) {
      db.captured = [];
      await work();
      const statements = db.captured;
      db.captured = null;
      explained = await explainAll(handle, statements);
    }
    results.push({ name: scenario, p50: percentile(times, 50), p95: percentile(times, 95), runs: times.length, total, plans: explained });
  }
  // What any statement reading the target's matches costs at least on this machine at this
  // moment (its speed varies from one hour to the next): the words' index and their rows.
  const floorTerms = searchTerms(parseSearchParams(scenarios(today)[0]![1], today).q);
  const floor = sql`select count(*)::int as n from ${searchActions} where ${wordsMatch(floorTerms)!.where} and ${searchDiffusedSql(today)}`;
  const measured = await timed(async () => Number(((await handle.db.execute(floor)) as unknown as { rows: { n: number }[] }).rows[0]!.n), runs);
  results.push({ name: FLOOR, p50: percentile(measured.times, 50), p95: percentile(measured.times, 95), runs: measured.times.length, total: measured.total, plans: [] });
  return results;
}

function printTable(title: string, results: Result[], target: number | undefined) {
  console.log(`\n${title}:\n`);
  const width = Math.max(...results.map((r) => r.name.length));
  console.log(`${"scenario".padEnd(width)}   p50 ms   p95 ms     runs   results${target ? `   target p95 < ${target} ms` : ""}`);
  for (const r of results) {
    const verdict = target && r.name === TARGET ? (r.p95 < target ? "   yes" : "   NO") : "";
    console.log(`${r.name.padEnd(width)}  ${ms(r.p50)}  ${ms(r.p95)}  ${String(r.runs).padStart(7)}  ${String(r.total).padStart(8)}${verdict}`);
  }
}

async function bench(c: Case) {
  const name = `search_${c.engine}_${c.actions}`;
  const database = await openBenchDatabase({ engine: c.engine, name, keep: values.keep, reuse: values.reuse });
  const { handle } = database;
  try {
    const today = parisDate();
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
      // PGlite has no autovacuum, and PostgreSQL's would come later: clear the rows the triggers
      // rewrote (each action once its sessions are in) and gather the planner's statistics, as a
      // live database would have them.
      await handle.db.execute(sql`vacuum analyze`);
      console.log(`Generated ${summary.actions} actions (${summary.publishedActions} published) with ${summary.publishedSessions} sessions in ${((performance.now() - started) / 1000).toFixed(1)} s (${database.where})`);
    } else {
      console.log(`Reusing ${database.where} (the data were generated around the day of that run)`);
    }
    const db = installHandle(handle);
    const [counts] = await db.query("select (select count(*) from published_actions)::int as actions, (select count(*) from published_sessions)::int as sessions");
    const runs = values.runs ? Number(values.runs) : c.runs;
    // The table's rows in the order of their ids (random): as a day of writes, at worst, leaves
    // them, or a database without the nightly job. Then as the nightly job leaves them.
    await handle.db.execute(sql`cluster search_actions using search_actions_pkey`);
    await handle.db.execute(sql`analyze search_actions`);
    console.log("Rows scattered (in the order of their ids):");
    const scattered = await measure(handle, db, today, runs, false);
    await reorderSearchTable(handle.db);
    console.log("Rows in the order of their organisations (the nightly job):");
    const reordered = await measure(handle, db, today, runs, !values["no-plans"]);
    for (const result of reordered) {
      if (result.plans.length === 0) continue;
      console.log(`\n=== ${result.name}: plans (EXPLAIN ANALYZE) of its ${result.plans.length} statements on ${database.where}, reordered`);
      for (const plan of result.plans) console.log(`\n${plan}`);
    }
    console.log(`\nSearch on ${database.where}: ${counts!.actions} published actions, ${counts!.sessions} sessions; ${runs} runs per scenario after 2 warm-up runs.`);
    printTable(`search_actions in the order of its ids (scattered, as without the nightly job)`, scattered, c.target);
    printTable(`search_actions in the order of its organisations (after the nightly reorder-search job)`, reordered, c.target);
  } finally {
    await database.dispose();
  }
}

for (const c of cases) await bench(c);
