// GET /api/cron/staff-digest — weekly, Monday morning (digest for staff).
// Schedule: vercel.json `crons`; the same job from the command line: npm run job -- staff-digest.
import { cronRoute } from "@/app/api/cron/cron-route";

export const GET = cronRoute("staff-digest");
