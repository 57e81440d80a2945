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

    // Other test files write the table meanwhile: the order is read in the transaction that
    // reorders it, which holds the table until it ends. Before: A, B, A, B somewhere in it.
    const db = await getDb();
    await db.transaction(async (tx) => {
      // The lock CLUSTER takes, taken first (not a read's lock raised later).
      await tx.execute(sql`lock table search_actions in access exclusive mode`);
      expect(await inversions(tx)).toBeGreaterThan(0);
      await reorderSearchTable(tx);
      expect(await inversions(tx)).toBe(0);
    });

    // The job as the cron route runs it: recorded, nothing for the page cache to refresh.
    const run = await runScheduledJob("reorder-search", { asOf: parisDate(), trigger: "test" });
    expect(run.status).toBe("succeeded");
    expect(run.counts.rowsReordered).toBeGreaterThanOrEqual(4);
    expect(run.tags).toEqual([]);

    const after = await search({ q: word });
    expect({ total: after.total, titles: titles(after), facets: after.facets }).toEqual({ total: before.total, titles: titles(before), facets: before.facets });
  });
});
