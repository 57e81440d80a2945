// npm run bench:staff [-- --size small] [--runs N] [--keep] [--no-plans]
//
// Server time of the staff pages on a generated data set (db/generate/): the validation queue
// with its filters, the review page of an update with its diff, the journal (first page, filtered pages, a deep page) and the overview, each
// query run with the rendering of its page's data component where that component is pure. Prints
// p50 and p95 per scenario against a 200 ms budget, and the plans (EXPLAIN ANALYZE) of every
// statement.
//
// Always on a fresh PGlite directory in the system's temporary folder (never .data/pglite),
// deleted at the end unless --keep. Sizes: full = 10 000 revisions and 100 000 audit entries;
// small = a twentieth of that, for CI (well under a minute).

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { desc, eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { generate } from "@/db/generate";
import { migrateDatabase } from "@/db/migrate-database";
import { listJournal, type JournalCursor, type JournalFilters } from "@/db/queries/journal";
import { getDiffusionCounts, getOverview } from "@/db/queries/overview";
import { listReviewQueue } from "@/db/queries/queue";
import { getCodeLabels, getFormacodeLabels, suggestFormacodes } from "@/db/queries/reference";
import { getRevisionForReview } from "@/db/queries/review";
import { actionRevisions, actions, auditLog, publishedActions, users } from "@/db/schema";
import { WeeklyChart } from "@/components/charts/weekly-chart";
import { ContentDiff } from "@/components/content-diff";
import { diffActionContent } from "@/lib/diff/content";
import { JournalEntries } from "@/app/(gestion)/gestion/journal/journal-entries";
import { addDays, parisDate } from "@/lib/dates";
import { installCapturingDb, measure, printTable, type Result } from "@/scripts/bench/measure";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "full" },
    runs: { type: "string" },
    keep: { type: "boolean", default: false },
    "no-plans": { type: "boolean", default: false },
  },
});

const SIZES = {
  full: { organisations: 120, actions: 5000, revisionsPerAction: 2, auditEntries: 100_000, runs: 20 },
  small: { organisations: 12, actions: 250, revisionsPerAction: 2, auditEntries: 5000, runs: 10 },
} as const;
if (values.size !== "full" && values.size !== "small") {
  console.error(`--size must be full or small, not « ${values.size} ».`);
  process.exit(2);
}
const size = SIZES[values.size];
const runs = values.runs ? Number(values.runs) : size.runs;

const dir = await mkdtemp(path.join(tmpdir(), "bench-staff-"));
const handle = await openDatabase({ pgliteDir: dir });
try {
  const started = performance.now();
  await migrateDatabase(handle);
  const now = new Date();
  const today = parisDate(now);
  const summary = await generate({ db: handle.db, seed: 2026, ...size, sessionsPerAction: 4, today, now });
  // PGlite has no autovacuum: clear the rows the triggers rewrote and gather the planner's statistics, as a live database would have them.
  await handle.db.execute(sql`vacuum analyze`);
  const setup = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Data set (${values.size}, built in ${setup} s in ${dir}):`);
  console.log(`  ${summary.organisations} organisations, ${summary.users} accounts, ${summary.actions} actions`);
  console.log(`  revisions: ${Object.entries(summary.revisions).map(([status, n]) => `${n} ${status}`).join(", ")}`);
  console.log(`  ${summary.publishedActions} published actions with ${summary.publishedSessions} sessions, ${summary.auditEntries} audit entries\n`);

  const client = installCapturingDb(handle);
  const db = handle.db;
  // The busiest organisation and staff member, the entry 90 % of the way down the log.
  const [busiest] = await db.select({ id: actions.organisationId, n: sql<number>`count(*)` }).from(actions).groupBy(actions.organisationId).orderBy(desc(sql`count(*)`)).limit(1);
  const [reviewer] = await db
    .select({ id: auditLog.actorId, n: sql<number>`count(*)` })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(users.role, "staff"))
    .groupBy(auditLog.actorId)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  const [deep] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.at), desc(auditLog.id)).offset(Math.floor(summary.auditEntries * 0.9)).limit(1);

  // A submitted update of a published action: its review page shows the diff.
  const [update] = await db
    .select({ id: actionRevisions.id })
    .from(actionRevisions)
    .innerJoin(publishedActions, eq(publishedActions.actionId, actionRevisions.actionId))
    .where(eq(actionRevisions.status, "submitted"))
    .limit(1);
  if (!update) throw new Error("The generated data set has no submitted update of a published action.");
  // The review page's data and its diff, as app/(gestion)/gestion/validation/[revisionId]/page.tsx loads them.
  const review = async () => {
    const revision = await getRevisionForReview({ revisionId: update.id });
    if (!revision) throw new Error("revision not found");
    const { content, codification } = revision;
    await Promise.all([
      getFormacodeLabels({ codes: content.publicCodes }),
      getFormacodeLabels({ codes: codification?.formacodes ?? [] }),
      getCodeLabels({ rome: codification?.romeCodes ?? [], nsf: codification?.nsfCode ? [codification.nsfCode] : [] }),
      suggestFormacodes({ text: [content.title, content.certification.label].filter(Boolean).join(" ") }),
    ]);
    const diff = diffActionContent(revision.previousContent, revision.providerContent ?? content);
    return renderToStaticMarkup(createElement(ContentDiff, { diff, headingLevel: 3 }));
  };

  const journal = (filters: JournalFilters, cursor: JournalCursor = null) => async () => {
    const page = await listJournal({ filters, cursor });
    return renderToStaticMarkup(createElement(JournalEntries, { entries: page.entries }));
  };
  const lastMonth = { from: addDays(today, -30), to: today };
  const scenarios: [string, () => Promise<unknown>][] = [
    ["queue, everything", () => listReviewQueue({ today })],
    ["queue, actions only", () => listReviewQueue({ filters: { kind: "action" }, today })],
    ["queue, busiest organisation", () => listReviewQueue({ filters: { organisationId: busiest!.id }, today })],
    ["queue, late and not minor", () => listReviewQueue({ filters: { late: true, minor: false }, today })],
    ["review page with its diff (update)", review],
    ["journal, first page", journal({})],
    ["journal, one event (revision.approved)", journal({ event: "revision.approved" })],
    ["journal, one staff member", journal({ userId: reviewer!.id! })],
    ["journal, busiest organisation", journal({ organisationId: busiest!.id })],
    ["journal, last 30 days", journal(lastMonth)],
    ["journal, organisation + event + dates", journal({ organisationId: busiest!.id, event: "revision.submitted", from: addDays(today, -365), to: today })],
    ["journal, deep page (90 % down)", journal({}, { before: deep!.id })],
    ["journal, page of newer entries", journal({}, { after: deep!.id })],
    [
      "overview (+ chart)",
      async () => {
        // The page caches the catalogue counts; measured here uncached, as on the first request.
        const [overview] = await Promise.all([getOverview({ today }), getDiffusionCounts({ today })]);
        const weeks = overview.weeks.map((w) => ({ short: w.weekStart, long: w.weekStart }));
        const series: [{ name: string; values: number[] }, { name: string; values: number[] }] = [
          { name: "Envois", values: overview.weeks.map((w) => w.submissions) },
          { name: "Décisions", values: overview.weeks.map((w) => w.decisions) },
        ];
        return renderToStaticMarkup(createElement(WeeklyChart, { id: "bench", title: "Bench", description: "Bench", weeks, series }));
      },
    ],
  ];

  const results: Result[] = [];
  for (const [name, work] of scenarios) results.push(await measure(client, name, work, { runs }));

  if (!values["no-plans"]) {
    for (const result of results) {
      console.log(`\n=== ${result.name}: plans (EXPLAIN ANALYZE) of its ${result.statements} statements`);
      for (const plan of result.plans) console.log(`\n${plan}`);
    }
  }
  console.log(`\nServer time on PGlite (${values.size}: ${summary.revisions.draft + summary.revisions.submitted + summary.revisions.approved + summary.revisions.rejected} revisions, ${summary.auditEntries} audit entries), ${runs} runs each after 2 warm-up runs:\n`);
  printTable(results);
} finally {
  await handle.close();
  if (values.keep) console.log(`\nKept the data in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
