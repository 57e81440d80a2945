// npm run bench:export [-- --size small] [--only pg|pglite] [--reuse] [--keep] [--no-plans] [--heap MB]
//
// The transmission feed (GET /api/export/lheo.xml, db/queries/export.ts): the whole diffused
// offer written as LHÉO 2.3 from a generated data set (db/generate/). The export runs in a child
// process of its own (scripts/bench/export-child.ts) so that its wall time, CPU time and peak
// resident memory are its own, not the generator's. Then the plans of the page queries.
//
// Sizes: full = over 100 000 diffused actions with 400 000 sessions on PostgreSQL (a database of
// its own on BENCH_DATABASE_URL / TEST_DATABASE_URL's server; --reuse keeps it between runs), then
// 10 000 actions on PGlite; small = 500 actions on PGlite, whose document is also checked with
// xmllint against the official schema (CI). Targets (full, PostgreSQL): under 60 s, under 300 MB,
// with Node's default heap (as `next start` runs); --heap caps it to see how low memory can go.

import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { generate } from "@/db/generate";
import { diffusedFormationPages, EXPORT_PAGE_SIZE } from "@/db/queries/export";
import { parisDate } from "@/lib/dates";
import { LHEO_XSD } from "@/lib/lheo/xmllint";
import { DATABASE_BENCH_OPTIONS, type Engine, openBenchDatabase, selectCases } from "@/scripts/bench/bench-database";
import { explainAll, installHandle } from "@/scripts/bench/capture";

const { values } = parseArgs({
  options: {
    ...DATABASE_BENCH_OPTIONS,
    heap: { type: "string" },
  },
});

interface Case {
  engine: Engine;
  actions: number;
  organisations: number;
  validate?: boolean;
  targets?: { seconds: number; megabytes: number; formations: number; sessions: number };
}

// About three in five generated actions are diffused on the day they are built around (the others
// are drafts, waiting, archived or of a lapsed dossier); five sessions per action leave about four
// in diffusion: 170 000 generated actions give a little over 100 000 diffused with 400 000 sessions.
const SESSIONS_PER_ACTION = 5;
const SIZES: Record<string, Case[]> = {
  full: [
    { engine: "pg", actions: 170_000, organisations: 1360, targets: { seconds: 60, megabytes: 300, formations: 100_000, sessions: 400_000 } },
    { engine: "pglite", actions: 10_000, organisations: 100 },
  ],
  small: [{ engine: "pglite", actions: 500, organisations: 8, validate: true }],
};
const cases = selectCases(SIZES, values.size, values.only);

interface Figures {
  wallMs: number;
  firstChunkMs: number | null;
  cpuMs: number;
  peakRssMb: number;
  bytes: number;
  formations: number;
  sessions: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * The export's process runs with Node's default heap, as the app's server does: its peak memory
 * is the export's own. `--heap` caps the heap (memory that grew with the size of the offer would
 * then end the run with an error instead of passing).
 */
if (values.heap !== undefined && !/^[1-9]\d*$/.test(values.heap)) {
  console.error(`--heap must be a number of megabytes, not « ${values.heap} ».`);
  process.exit(2);
}
const heapFlags = values.heap ? [`--max-old-space-size=${values.heap}`] : [];

function runChild(args: string[]): Figures {
  const child = spawnSync(process.execPath, [...heapFlags, "--import", "tsx", "--import", "./scripts/bench/server-only.mjs", "scripts/bench/export-child.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (child.status !== 0) throw new Error(`the export process failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Figures;
}

async function bench(c: Case) {
  const name = `export_${c.engine}_${c.actions}`;
  const database = await openBenchDatabase({ engine: c.engine, name, keep: values.keep || c.engine === "pglite", reuse: values.reuse });
  const today = parisDate();
  let pgliteDir: string | null = null;
  try {
    if (database.fresh) {
      const started = performance.now();
      const summary = await generate({
        db: database.handle.db,
        seed: 2027,
        actions: c.actions,
        organisations: c.organisations,
        sessionsPerAction: SESSIONS_PER_ACTION,
        revisionsPerAction: 1,
        auditEntries: 0,
        today,
        now: new Date(),
        onProgress: (message) => console.log(`  ${message}`),
      });
      await database.handle.db.execute(sql`vacuum analyze`);
      console.log(`Generated ${count(summary.actions)} actions (${count(summary.publishedActions)} published) with ${count(summary.publishedSessions)} sessions in ${seconds(performance.now() - started)} (${database.where})`);
    } else {
      console.log(`Reusing ${database.where} (generated around the day of that run).`);
    }

    let plans: string[] = [];
    if (!values["no-plans"]) {
      const capture = installHandle(database.handle);
      capture.captured = [];
      const pages = diffusedFormationPages({ today });
      await pages.next();
      await pages.next();
      await pages.return(undefined);
      // The same statement once (the second page reads the third ahead; organisations as pages need them).
    const statements = capture.captured.filter((s, i, all) => all.findIndex((t) => t.sql === s.sql) === i);
      capture.captured = null;
      plans = await explainAll(database.handle, statements);
    }

    // The child opens the database itself: PGlite allows one process per directory.
    let target: string[];
    if (c.engine === "pglite") {
      pgliteDir = database.where.replace(/^PGlite in /, "");
      await database.handle.close();
      target = ["--pglite-dir", pgliteDir];
    } else {
      target = ["--url", database.url!];
    }
    const outputDir = c.validate ? await mkdtemp(path.join(tmpdir(), "export-")) : null;
    const output = outputDir ? path.join(outputDir, "lheo.xml") : null;
    const figures = runChild([...target, "--today", today, ...(output ? ["--output", output] : [])]);

    const verdict = (ok: boolean) => (ok ? "yes" : "NO");
    console.log(`\nLHÉO export on ${database.where} (${EXPORT_PAGE_SIZE} actions per page), measured in its own process (${values.heap ? `heap capped at ${values.heap} MB` : "Node's default heap"}):`);
    console.log(`  formations ${count(figures.formations)}, sessions ${count(figures.sessions)}, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB of XML`);
    console.log(`  wall time ${seconds(figures.wallMs)} (first chunk after ${seconds(figures.firstChunkMs ?? 0)}), CPU ${seconds(figures.cpuMs)}, peak RSS ${figures.peakRssMb.toFixed(0)} MB`);
    if (c.targets) {
      console.log(
        `  size ≥ ${count(c.targets.formations)} actions and ≥ ${count(c.targets.sessions)} sessions: ${verdict(figures.formations >= c.targets.formations && figures.sessions >= c.targets.sessions)}; ` +
          `target < ${c.targets.seconds} s: ${verdict(figures.wallMs < c.targets.seconds * 1000)}; target < ${c.targets.megabytes} MB: ${verdict(figures.peakRssMb < c.targets.megabytes)}`,
      );
    }
    if (output) {
      const lint = spawnSync("xmllint", ["--noout", "--nonet", "--schema", LHEO_XSD, output], { encoding: "utf8" });
      if (lint.error) throw lint.error;
      console.log(`  xmllint --schema lheo-2.3.xsd: ${lint.status === 0 ? "valid" : `INVALID\n${lint.stderr.slice(0, 2000)}`}`);
      await rm(outputDir!, { recursive: true, force: true });
      if (lint.status !== 0) process.exitCode = 1;
    }
    // Long parameter lists cut, so that the plans stay readable.
    for (const plan of plans) console.log(`\n${plan.split("\n").map((line) => (line.length > 240 ? `${line.slice(0, 240)}…` : line)).join("\n")}`);
  } finally {
    if (c.engine === "pglite") {
      if (!values.keep && pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
    } else {
      await database.dispose();
    }
  }
}

for (const c of cases) await bench(c);
