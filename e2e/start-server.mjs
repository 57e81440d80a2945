// Starts the application for the e2e suite (see playwright.config.ts `webServer`):
// a fresh PGlite database, migrated and seeded, then a production build served on port 3100.
// Set E2E_SKIP_BUILD=1 to reuse an existing .next-e2e build while iterating on specs.

import { spawn } from "node:child_process";
import { createWriteStream, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { e2eServer } from "./server-config.mjs";

const { root, port, pgliteDir, distDir, clockFile, logFile, env } = e2eServer();
// Next's own binary, run by this Node: signals reach the server itself, not an npx wrapper.
const nextBin = resolve(root, "node_modules/next/dist/bin/next");

let child = null;
let stopping = false;

function forward(signal) {
  stopping = true;
  if (child && child.exitCode === null) child.kill(signal);
  else process.exit(0);
}
process.on("SIGTERM", () => forward("SIGTERM"));
process.on("SIGINT", () => forward("SIGINT"));

/** Runs a command; with `log`, its output also goes to that file (the server's, for the specs). */
function run(command, args, log) {
  return new Promise((resolvePromise, reject) => {
    console.log(`[e2e] ${command} ${args.join(" ")}`);
    child = spawn(command, args, { cwd: root, env, stdio: log ? ["inherit", "pipe", "pipe"] : "inherit" });
    if (log) {
      const file = createWriteStream(log, { flags: "w" });
      child.stdout.on("data", (chunk) => {
        process.stdout.write(chunk);
        file.write(chunk);
      });
      child.stderr.on("data", (chunk) => {
        process.stderr.write(chunk);
        file.write(chunk);
      });
    }
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
  await run(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], logFile);
} catch (error) {
  if (stopping) process.exit(0);
  console.error(`[e2e] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
