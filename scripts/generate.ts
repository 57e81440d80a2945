// npm run db:generate-data -- --actions 1000 --seed 42 [--pglite-dir DIR] [options]
//
// Writes a generated data set (db/generate/) into a database: the PGlite directory given, or else
// the PostgreSQL of DATABASE_URL. For benchmarks and load tests, never for production: the
// generated organisations and accounts are invented.
//
// Options (defaults in brackets):
//   --actions N               actions [1000]
//   --seed N                  the same seed writes the same rows [1]
//   --organisations N         [actions / 100, at least 5]
//   --sessions-per-action N   sessions in each action's content [4]
//   --revisions-per-action N  1 or more; 1.5 gives one or two [1.5]
//   --audit-entries N         entries in the audit log [5 × actions]
//   --today YYYY-MM-DD        the Paris day the data is built around [today, up to now]
//   --migrate                 apply the migrations first (needed on a new PGlite directory)
//
// PGlite allows one process per data directory, and two would corrupt it: opening a directory
// another live process holds is refused (db/pglite-owner.ts) — stop `npm run dev`, `npm run demo`
// or the other script first.

import { parseArgs } from "node:util";
import { openDatabase, type DbConfig } from "@/db/client";
import { generate } from "@/db/generate";
import { migrateDatabase } from "@/db/migrate-database";
import { parisDate } from "@/lib/dates";

const { values } = parseArgs({
  options: {
    actions: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    organisations: { type: "string" },
    "sessions-per-action": { type: "string", default: "4" },
    "revisions-per-action": { type: "string", default: "1.5" },
    "audit-entries": { type: "string" },
    today: { type: "string" },
    "pglite-dir": { type: "string" },
    migrate: { type: "boolean", default: false },
  },
});

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll("_", ""));
  if (!Number.isFinite(parsed) || parsed < 0) {
    console.error(`--${name} must be a number, not « ${value} ».`);
    process.exit(2);
  }
  return parsed;
}

const actions = number("actions", values.actions, 1000);
const config: DbConfig = values["pglite-dir"]
  ? { pgliteDir: values["pglite-dir"] }
  : process.env.DATABASE_URL
    ? { url: process.env.DATABASE_URL, driver: process.env.DB_DRIVER || undefined }
    : { pgliteDir: process.env.PGLITE_DIR || ".data/pglite" };

const handle = await openDatabase(config);
try {
  if (values.migrate) {
    console.log("Applying the migrations and loading the code lists…");
    await migrateDatabase(handle);
  }
  const started = performance.now();
  const summary = await generate({
    db: handle.db,
    seed: Math.trunc(number("seed", values.seed, 1)),
    actions,
    organisations: Math.trunc(number("organisations", values.organisations, Math.max(5, Math.round(actions / 100)))),
    sessionsPerAction: number("sessions-per-action", values["sessions-per-action"], 4),
    revisionsPerAction: number("revisions-per-action", values["revisions-per-action"], 1.5),
    auditEntries: Math.trunc(number("audit-entries", values["audit-entries"], actions * 5)),
    // Built around now, unless a day is given (then its early morning, for the same rows each time).
    ...(values.today ? { today: values.today } : { today: parisDate(), now: new Date() }),
    onProgress: (message) => console.log(`  ${message}`),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Generated in ${seconds} s into ${config.url ? "DATABASE_URL" : config.pgliteDir}:`);
  console.log(JSON.stringify(summary, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
