// GET /api/cron/expire-dossiers — daily, just after midnight in Paris (R8: dossiers past 12 months, reminders).
// Schedule: vercel.json `crons`; the same job from the command line: npm run job -- expire-dossiers.
import { cronRoute } from "@/app/api/cron/cron-route";

export const GET = cronRoute("expire-dossiers");
