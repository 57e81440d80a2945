// npm run demo: the app with demo data on the embedded database, at http://localhost:3000.
// Migrates and seeds .data/pglite (idempotent: your changes are kept), builds, then serves.
// For a local demo only: it fills in Auth.js settings that production must set itself.

import { spawn } from "node:child_process";

const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET || "local-demo-secret-do-not-use-in-production-0123456789",
  AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true",
  NEXT_TELEMETRY_DISABLED: "1",
};
if (env.DATABASE_URL) console.log("[demo] DATABASE_URL is set: using that database instead of the embedded one.");

// Next.js is run with node directly (not npx), so that a stop signal reaches the server itself.
const next = [process.execPath, "node_modules/next/dist/bin/next"];
const steps = [
  ["npm", ["run", "db:migrate"]],
  ["npm", ["run", "db:seed"]],
  [next[0], [next[1], "build"]],
  [next[0], [next[1], "start", "-p", process.env.PORT || "3000"]],
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
