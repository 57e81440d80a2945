// Starts the application for the e2e suite (see playwright.config.ts `webServer`):
// a fresh PGlite database, migrated and seeded, then a production build served on port 3100.
// Set E2E_SKIP_BUILD=1 to reuse an existing .next-e2e build while iterating on specs.

import { spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.E2E_PORT ?? 3100);
// The default port keeps the plain names; another port gets its own build, database and clock.
const suffix = port === 3100 ? "" : `-${port}`;
const pgliteDir = resolve(root, `.data/e2e-pglite${suffix}`);
const distDir = `.next-e2e${suffix}`;
// The scheduled-jobs spec moves the server's clock by writing an instant here (lib/clock.ts).
const clockFile = resolve(root, `.data/e2e-clock${suffix}`);
// Next's own binary, run by this Node: signals reach the server itself, not an npx wrapper.
const nextBin = resolve(root, "node_modules/next/dist/bin/next");

const env = {
  ...process.env,
  PGLITE_DIR: pgliteDir,
  NEXT_DIST_DIR: distDir,
  // Test-only secrets: never used outside this suite.
  AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-auth-secret-not-for-production-0123456789",
  AUTH_TRUST_HOST: "true",
  CRON_SECRET: process.env.CRON_SECRET || "e2e-only-cron-secret-0123456789",
  TEST_CLOCK_FILE: clockFile,
  APP_URL: `http://127.0.0.1:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};
// The suite always runs against the embedded database it has just created.
delete env.DATABASE_URL;

let child = null;
let stopping = false;

function forward(signal) {
  stopping = true;
  if (child && child.exitCode === null) child.kill(signal);
  else process.exit(0);
}
process.on("SIGTERM", () => forward("SIGTERM"));
process.on("SIGINT", () => forward("SIGINT"));

function run(command, args) {
  return new Promise((resolvePromise, reject) => {
    console.log(`[e2e] ${command} ${args.join(" ")}`);
    child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      child = null;
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}

try {
  rmSync(pgliteDir, { recursive: true, force: true });
  rmSync(clockFile, { force: true });
  if (process.env.E2E_SKIP_BUILD === "1") console.log(`[e2e] E2E_SKIP_BUILD=1: reusing ${distDir}`);
  else {
    // Built before the database exists: the build must never open it (pages render on request).
    await run(process.execPath, [nextBin, "build"]);
    if (existsSync(pgliteDir)) throw new Error(`next build opened the database: ${pgliteDir} exists`);
  }
  await run("npm", ["run", "db:migrate"]);
  await run("npm", ["run", "db:seed"]);
  await run(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"]);
} catch (error) {
  if (stopping) process.exit(0);
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
