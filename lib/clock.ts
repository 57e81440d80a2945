import "server-only";
import { readFileSync } from "node:fs";
import { parisDate } from "@/lib/dates";
import { serverEnv } from "@/lib/env";

// The server's clock. The end-to-end tests of the scheduled jobs move it forward: when the server
// is started with TEST_CLOCK_FILE, that file may hold an ISO instant which is then « now ». The
// variable is set only by e2e/start-server.mjs; a deployment never sets it.

function testInstant(): Date | null {
  const file = serverEnv().TEST_CLOCK_FILE;
  if (!file) return null;
  try {
    const text = readFileSync(file, "utf8").trim();
    const at = text ? new Date(text) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}

export function now(): Date {
  return testInstant() ?? new Date();
}

/** Today in Paris, on the server's clock: the day every server-side rule is decided for. */
export function currentDay(): string {
  return parisDate(now());
}
