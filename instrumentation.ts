// Next.js calls register() once when the server starts: the environment is checked first
// (lib/env.ts). With SCHEDULER=in-process (npm run demo,
// or a self-hosted `npm start`), the scheduled jobs run here on the schedules of vercel.json,
// each by calling the server's own cron route with CRON_SECRET — the same path Vercel's cron
// takes. On Vercel, or with a system cron calling `npm run job`, leave SCHEDULER unset.

import type { Instrumentation } from "next";
import { describeError, log, requestIdOf, structureConsoleErrors } from "@/lib/logger";

/**
 * Every error Next catches on the server, as one structured line: the route's pattern (never the
 * address itself, which may hold a reset token), the request id and the error without its text.
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  log("error", "request.failed", {
    requestId: requestIdOf(request.headers),
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    error: describeError(error),
  });
};

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // In production, Next's own « ⨯ Error » printouts (stack, SQL, parameters) become structured
  // lines too (the development server keeps its stacks).
  if (process.env.NODE_ENV === "production") structureConsoleErrors();
  // Refuse to start with a malformed environment: better now than at the first request or job.
  const { checkEnvironment, serverEnv } = await import("@/lib/env");
  for (const warning of checkEnvironment()) log("warn", "config.warning", { warning });
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
        log(response.ok ? "info" : "error", "scheduler.run", { job, status: response.status, result: await response.text() });
      } catch (error) {
        log("error", "scheduler.unreachable", { job, error });
      }
    });
  }
  log("info", "scheduler.started", { jobs: schedules().length });
}
