// GET /api/cron/send-mail — every 10 minutes where the plan allows (see vercel.json), else daily with the CLI for more.
// Schedule: vercel.json `crons`; the same job from the command line: npm run job -- send-mail.
import { cronRoute } from "@/app/api/cron/cron-route";

export const GET = cronRoute("send-mail");
