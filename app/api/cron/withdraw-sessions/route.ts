// GET /api/cron/withdraw-sessions — daily, just after midnight in Paris (R9: sessions at J+8).
// Schedule: vercel.json `crons`; the same job from the command line: npm run job -- withdraw-sessions.
import { cronRoute } from "@/app/api/cron/cron-route";

export const GET = cronRoute("withdraw-sessions");
