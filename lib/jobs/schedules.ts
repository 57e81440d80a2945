// The one list of schedules: the `crons` of vercel.json (UTC, as Vercel reads them). Vercel runs
// them on its own; a self-hosted server (npm run demo, npm start with SCHEDULER=in-process) runs
// the same ones in its process (instrumentation.ts).
//
// The daily jobs run at 22:00 and 23:00 UTC: one of the two is midnight in Paris, in winter and
// in summer alike (the other finds nothing to do: the jobs are idempotent), so that what left
// diffusion with the new day leaves the cached pages at once; again ten (expiry: twenty) minutes
// later, should the first run have started a moment before midnight.

import vercel from "@/vercel.json";

export interface Schedule {
  job: string;
  path: string;
  /** Five-field cron expression, in UTC. */
  cron: string;
}

export function schedules(config: { crons?: { path: string; schedule: string }[] } = vercel): Schedule[] {
  return (config.crons ?? []).map(({ path, schedule }) => ({ job: path.replace(/^\/api\/cron\//, ""), path, cron: schedule }));
}
