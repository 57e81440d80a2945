// Next.js calls register() once when the server starts. With SCHEDULER=in-process (npm run demo,
// or a self-hosted `npm start`), the scheduled jobs run here on the schedules of vercel.json,
// each by calling the server's own cron route with CRON_SECRET — the same path Vercel's cron
// takes. On Vercel, or with a system cron calling `npm run job`, leave SCHEDULER unset.

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.SCHEDULER !== "in-process") return;
  const secret = process.env.CRON_SECRET;
  if (!secret) {
    console.warn("[scheduler] SCHEDULER=in-process needs CRON_SECRET: the scheduled jobs will not run.");
    return;
  }
  const { Cron } = await import("croner");
  const { schedules } = await import("@/lib/jobs/schedules");
  const base = (process.env.SCHEDULER_URL || `http://127.0.0.1:${process.env.PORT || 3000}`).replace(/\/+$/, "");
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
