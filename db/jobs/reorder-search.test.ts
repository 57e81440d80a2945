// The nightly reordering of the search table: the rows end up in the order of their organisations,
// and every search answers exactly as before.

import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import type { Transaction } from "@/db/client";
import { runScheduledJob } from "@/db/jobs";
import { reorderSearchTable } from "@/db/jobs/reorder-search";
import { actionContent, createProviderAndStaff, publishAction } from "@/db/test-utils/fixtures";
import { PLACES, search, session, titles, uniqueWord } from "@/db/test-utils/search";
import { parisDate } from "@/lib/dates";

/** Neighbouring rows (in the table's physical order) whose organisations are out of order. */
async function inversions(tx: Transaction) {
  const result = (await tx.execute(
    sql`select count(*)::int as n from (select organisation_id, lag(organisation_id) over (order by ctid) as previous from search_actions) t where previous > organisation_id`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

describe("reorder-search job", () => {
  it("rewrites the search table in the order of its organisations, and the search answers the same", async () => {
    const word = uniqueWord();
    const a = await createProviderAndStaff();
    const b = await createProviderAndStaff();
    // Published in turn, A, B, A, B: written in that order, the rows alternate organisations.
    for (const [i, who] of [a, b, a, b].entries()) {
      const content = actionContent({ title: `Formation ${i + 1} ${word}`, content: `Cours ${word}.`, sessions: [session(i % 2 ? PLACES.metz : PLACES.nancy, 30 + i)] });
      await publishAction({ organisationId: who.organisation.id, provider: who.providerActor, staff: who.staffActor, content });
    }
    const before = await search({ q: word });
    expect(before.total).toBe(4);

    // The order is read in the transaction that reorders the table, which holds it until it ends.
    const db = await getDb();
    const reorderedWith = (reorder: (tx: Transaction) => Promise<unknown>) =>
      db.transaction(async (tx) => {
        // The lock CLUSTER takes, taken first (not a read's lock raised later).
        await tx.execute(sql`lock table search_actions in access exclusive mode`);
        const before = await inversions(tx);
        await reorder(tx);
        return { before, after: await inversions(tx) };
      });
    const direct = await reorderedWith((tx) => reorderSearchTable(tx));
    expect(direct.before).toBeGreaterThan(0);
    expect(direct.after).toBe(0);

    // The job as the cron route runs it: recorded, nothing for the page cache to refresh. The
    // table is scattered again first (by its ids) so that the job's own reordering shows.
    const scattered = await reorderedWith((tx) => tx.execute(sql`cluster search_actions using search_actions_pkey`));
    expect(scattered.after).toBeGreaterThan(0);
    const run = await runScheduledJob("reorder-search", { asOf: parisDate(), trigger: "test" });
    expect(run.status).toBe("succeeded");
    expect(run.counts.rowsReordered).toBeGreaterThanOrEqual(4);
    expect(run.tags).toEqual([]);
    expect((await reorderedWith(async () => {})).before).toBe(0);

    const after = await search({ q: word });
    expect({ total: after.total, titles: titles(after), facets: after.facets }).toEqual({ total: before.total, titles: titles(before), facets: before.facets });
  });
});
