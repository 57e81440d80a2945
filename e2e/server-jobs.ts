// Acting on the e2e server from the outside, as a self-hosted install does: its clock and the job
// command line. Only the scheduled-jobs spec moves the clock, and restores it when done.

import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { e2eServer } from "./server-config.mjs";

const server = e2eServer();
const run = promisify(execFile);

/** From now on the server's « now » is `at` (lib/clock.ts reads the file on every call). */
export function setServerClock(at: Date) {
  writeFileSync(server.clockFile, at.toISOString());
}

/** The server reads the real time again. */
export function restoreServerClock() {
  rmSync(server.clockFile, { force: true });
}

/**
 * `npm run job -- <job>` beside the running server, with its environment: the server holds the
 * embedded database, so the command asks it to run the job (its cron route, on its own clock).
 * Returns what the command printed.
 */
export async function runJobCommand(job: "withdraw-sessions" | "expire-dossiers" | "send-mail" | "staff-digest"): Promise<string> {
  const { stdout } = await run("npm", ["run", "--silent", "job", "--", job], { cwd: server.root, env: server.env, timeout: 60_000 });
  return stdout;
}
