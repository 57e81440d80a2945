// npm run demo: the app with demo data on the embedded database, at http://localhost:3000.
// Migrates and seeds .data/pglite (idempotent: your changes are kept), builds, then serves.
// For a local demo only: it fills in Auth.js and cron settings that production must set itself.
// The scheduled jobs (J+8 withdrawals, dossier expiry, mail) run in the server process; without
// SMTP_URL the mails are kept and shown to administrators at /gestion/courriels.

import { spawn } from "node:child_process";

const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET || "local-demo-secret-do-not-use-in-production-0123456789",
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true",
  CRON_SECRET: process.env.CRON_SECRET || "local-demo-cron-secret-do-not-use-in-production",
  SCHEDULER: process.env.SCHEDULER || "in-process",
  PORT: process.env.PORT || "3000",
  APP_URL: process.env.APP_URL || `http://localhost:${process.env.PORT || "3000"}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
if (env.DATABASE_URL) console.log("[demo] DATABASE_URL is set: using that database instead of the embedded one.");

// Next.js is run with node directly (not npx), so that a stop signal reaches the server itself.
const next = [process.execPath, "node_modules/next/dist/bin/next"];
const steps = [
  ["npm", ["run", "db:migrate"]],
  ["npm", ["run", "db:seed"]],
  [next[0], [next[1], "build"]],
  [next[0], [next[1], "start", "-p", env.PORT]],
];

let child = null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => (child ? child.kill(signal) : process.exit(0)));
}

for (const [command, args] of steps) {
  console.log(`[demo] ${[command, ...args].join(" ").replace(process.execPath, "node")}`);
  const code = await new Promise((resolve) => {
    child = spawn(command, args, { env, stdio: "inherit" });
    child.on("exit", (exitCode) => resolve(exitCode ?? 1));
  });
  child = null;
  if (code !== 0) process.exit(code);
}
