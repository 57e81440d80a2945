// Next.js calls register() once when the server starts: the environment is checked first
// (lib/env.ts). With SCHEDULER=in-process (npm run demo,
// or a self-hosted `npm start`), the scheduled jobs run here on the schedules of vercel.json,
// each by calling the server's own cron route with CRON_SECRET — the same path Vercel's cron
// takes. On Vercel, or with a system cron calling `npm run job`, leave SCHEDULER unset.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Refuse to start with a malformed environment: better now than at the first request or job.
  const { checkEnvironment, serverEnv } = await import("@/lib/env");
  for (const warning of checkEnvironment()) console.warn(`[config] ${warning}`);
  const env = serverEnv();
  if (env.SCHEDULER !== "in-process" || !env.CRON_SECRET) return;
  const secret = env.CRON_SECRET;
  const { Cron } = await import("croner");
  const { schedules } = await import("@/lib/jobs/schedules");
  const base = (env.SCHEDULER_URL || `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, "");
  for (const { job, path, cron } of schedules()) {
    new Cron(cron, { timezone: "UTC", protect: true, name: job }, async () => {
      try {
        const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${secret}`, "x-job-trigger": "scheduler" } });
        console.log(`[scheduler] ${job}: ${response.status} ${await response.text()}`);
      } catch (error) {
        console.error(`[scheduler] ${job} could not be started:`, error instanceof Error ? error.message : error);
      }
    });
  }
  console.log(`[scheduler] ${schedules().length} jobs scheduled in this process (vercel.json, UTC).`);
}
