// What the staff overview shows of the scheduled jobs: the last runs of each one.

import { inArray } from "drizzle-orm";
import { describe, expect, it, onTestFinished } from "vitest";
import { getDb } from "@/db";
import { listLastRuns, runJob } from "@/db/jobs/runner";
import { jobRuns } from "@/db/schema";
import { parisDate } from "@/lib/dates";

describe("listLastRuns", () => {
  it("shows the weekly digest's last run even after a day of mail runs every ten minutes", async () => {
    const db = await getDb();
    const asOf = parisDate();
    const [digest] = await db.insert(jobRuns).values({ job: "staff-digest", trigger: "test", asOf }).returning();
    // 150 mail runs after it (more than a day's), dated after every other test's runs.
    const later = Date.now() + 3_600_000;
    const flood = await db
      .insert(jobRuns)
      .values(Array.from({ length: 150 }, (_, i) => ({ job: "send-mail", trigger: "test", asOf, startedAt: new Date(later + i * 1000) })))
      .returning({ id: jobRuns.id });
    onTestFinished(async () => {
      // Test rows only: never left « en cours » in the future for the overview to show.
      await db.delete(jobRuns).where(inArray(jobRuns.id, [digest!.id, ...flood.map((run) => run.id)]));
    });

    const jobs = await listLastRuns({ perJob: 1 });
    const runsOf = (job: string) => jobs.find((j) => j.job === job)!.runs;
    expect(runsOf("send-mail")).toHaveLength(1);
    // Ours, or a later one of a test that moves the clock.
    expect(runsOf("send-mail")[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(later + 149_000);
    expect(runsOf("staff-digest")).toHaveLength(1);
    expect(runsOf("staff-digest")[0]!.startedAt.getTime()).toBeGreaterThanOrEqual(digest!.startedAt.getTime());
  });

  it("records a failed run, and refreshes every public page when the job was withdrawing or expiring", async () => {
    const fail = () => Promise.reject(new Error("connexion perdue\nselect … secret"));
    const withdrawal = await runJob("withdraw-sessions", fail, { asOf: "2040-01-01", trigger: "test" });
    expect(withdrawal).toMatchObject({ status: "failed", error: "connexion perdue", tags: ["catalogue"] });
    expect((await runJob("send-mail", fail, { asOf: "2040-01-01", trigger: "test" })).tags).toEqual([]);
  });
});
