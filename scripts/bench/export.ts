// npm run bench:export [-- --size small] [--only pg|pglite] [--reuse] [--keep] [--no-plans]
//
// The transmission feed (GET /api/export/lheo.xml, db/queries/export.ts): the whole diffused
// offer written as LHÉO 2.3 from a generated data set (db/generate/). The export runs in a child
// process of its own (scripts/bench/export-child.ts) so that its wall time, CPU time and peak
// resident memory are its own, not the generator's. Then the plans of the page queries.
//
// Sizes: full = about 100 000 diffused actions with 400 000 sessions on PostgreSQL (a database of
// its own on BENCH_DATABASE_URL / TEST_DATABASE_URL's server; --reuse keeps it between runs), then
// 10 000 actions on PGlite; small = 500 actions on PGlite, whose document is also checked with
// xmllint against the official schema (CI). Targets (full, PostgreSQL): under 60 s, under 300 MB.

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
import { openBenchDatabase, serverUrl, type Engine } from "@/scripts/bench/bench-database";
import { explainAll, installHandle } from "@/scripts/bench/capture";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "full" },
    only: { type: "string" },
    reuse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "no-plans": { type: "boolean", default: false },
  },
});

interface Case {
  engine: Engine;
  actions: number;
  organisations: number;
  validate?: boolean;
  targets?: { seconds: number; megabytes: number };
}

// About two in three generated actions are diffused on the day they are built around (the others
// are drafts, waiting, archived or of a lapsed dossier); five sessions per action leave about four
// in diffusion: 150 000 generated actions give about 100 000 diffused with 400 000 sessions.
const SESSIONS_PER_ACTION = 5;
const SIZES: Record<string, Case[]> = {
  full: [
    { engine: "pg", actions: 150_000, organisations: 1200, targets: { seconds: 60, megabytes: 300 } },
    { engine: "pglite", actions: 10_000, organisations: 100 },
  ],
  small: [{ engine: "pglite", actions: 500, organisations: 8, validate: true }],
};
const cases = SIZES[values.size!]?.filter((c) => !values.only || c.engine === values.only);
if (!cases?.length) {
  console.error(`--size must be full or small (and --only pg or pglite), not « ${values.size} ${values.only ?? ""} ».`);
  process.exit(2);
}

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
 * The export's JavaScript heap is capped, as a server running it beside others would be: memory
 * that grew with the size of the offer would end the run with an error instead of passing.
 */
const HEAP_MB = 160;

function runChild(args: string[]): Figures {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "--import", "tsx", "--import", "./scripts/bench/server-only.mjs", "scripts/bench/export-child.ts", ...args], {
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
      await database.handle.db.execute(sql`analyze`);
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
      const statements = capture.captured;
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
      const url = new URL(serverUrl());
      url.pathname = `/bench_${name}`;
      target = ["--url", url.toString()];
    }
    const outputDir = c.validate ? await mkdtemp(path.join(tmpdir(), "export-")) : null;
    const output = outputDir ? path.join(outputDir, "lheo.xml") : null;
    const figures = runChild([...target, "--today", today, ...(output ? ["--output", output] : [])]);

    const verdict = (ok: boolean) => (ok ? "yes" : "NO");
    console.log(`\nLHÉO export on ${database.where} (${EXPORT_PAGE_SIZE} actions per page), measured in its own process (heap capped at ${HEAP_MB} MB):`);
    console.log(`  formations ${count(figures.formations)}, sessions ${count(figures.sessions)}, ${(figures.bytes / 1024 / 1024).toFixed(1)} MB of XML`);
    console.log(`  wall time ${seconds(figures.wallMs)} (first chunk after ${seconds(figures.firstChunkMs ?? 0)}), CPU ${seconds(figures.cpuMs)}, peak RSS ${figures.peakRssMb.toFixed(0)} MB`);
    if (c.targets) {
      console.log(`  target < ${c.targets.seconds} s: ${verdict(figures.wallMs < c.targets.seconds * 1000)}; target < ${c.targets.megabytes} MB: ${verdict(figures.peakRssMb < c.targets.megabytes)}`);
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
