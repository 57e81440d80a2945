import "server-only";
import { revalidateTag } from "next/cache";
import { connection, NextResponse, type NextRequest } from "next/server";
import { runScheduledJob, type JobName } from "@/db/jobs";
import { currentDay, now } from "@/lib/clock";
import { isAuthorizedBearer } from "@/lib/cron";
import { serverEnv } from "@/lib/env";

const TRIGGERS = new Set(["scheduler", "cli"]);

/**
 * The one wrapper of the cron routes: checks `Authorization: Bearer $CRON_SECRET` in constant
 * time (401 otherwise), runs the job as of today on the server's clock — never a date from the
 * request —, refreshes at once the public pages it changed, and answers with the run's counts.
 */
export function cronRoute(job: JobName) {
  return async function GET(request: NextRequest) {
    await connection();
    if (!isAuthorizedBearer(request.headers.get("authorization"), serverEnv().CRON_SECRET)) {
      return NextResponse.json({ error: "Non autorisé." }, { status: 401, headers: { "Cache-Control": "no-store" } });
    }
    const said = request.headers.get("x-job-trigger") ?? "";
    const result = await runScheduledJob(job, { asOf: currentDay(), now: now(), trigger: TRIGGERS.has(said) ? (said as "scheduler" | "cli") : "cron" });
    for (const tag of result.tags) revalidateTag(tag, { expire: 0 });
    return NextResponse.json(
      { job, runId: result.runId, status: result.status, counts: result.counts, refreshed: result.tags.length },
      { status: result.status === "failed" ? 500 : 200, headers: { "Cache-Control": "no-store" } },
    );
  };
}
