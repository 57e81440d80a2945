// GET /api/cron/reorder-search — nightly, at the quietest hour: the search table rewritten in the
// order of its organisations (db/jobs/reorder-search.ts).
// Schedule: vercel.json `crons`; the same job from the command line: npm run job -- reorder-search.
import { cronRoute } from "@/app/api/cron/cron-route";

export const GET = cronRoute("reorder-search");
