// Where the e2e server of a port keeps its build, database and clock, and the environment it runs
// with: read by e2e/start-server.mjs, which starts it, and by the specs that act on it from the
// outside as a self-hosted install would (the job CLI, the clock of the scheduled-jobs spec).

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The e2e server of `port` (E2E_PORT, 3100 by default). */
export function e2eServer(port = Number(process.env.E2E_PORT ?? 3100)) {
  // The default port keeps the plain names; another port gets its own build, database and clock.
  const suffix = port === 3100 ? "" : `-${port}`;
  const pgliteDir = resolve(root, `.data/e2e-pglite${suffix}`);
  // The scheduled-jobs spec moves the server's clock by writing an instant here (lib/clock.ts).
  const clockFile = resolve(root, `.data/e2e-clock${suffix}`);
  // What the server prints, for the specs that check nothing alarming was logged.
  const logFile = resolve(root, `.data/e2e-server${suffix}.log`);
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PGLITE_DIR: pgliteDir,
    NEXT_DIST_DIR: `.next-e2e${suffix}`,
    // Test-only secrets: never used outside this suite.
    AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-auth-secret-not-for-production-0123456789",
    AUTH_TRUST_HOST: "true",
    CRON_SECRET: process.env.CRON_SECRET || "e2e-only-cron-secret-0123456789",
    TEST_CLOCK_FILE: clockFile,
    APP_URL: baseURL,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // The suite always runs against the embedded database it has just created.
  delete env.DATABASE_URL;
  return { root, port, baseURL, pgliteDir, distDir: env.NEXT_DIST_DIR, clockFile, logFile, env };
}
