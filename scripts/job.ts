// npm run job -- <withdraw-sessions | expire-dossiers | send-mail | staff-digest | reorder-search> [--as-of YYYY-MM-DD]
//
// Runs a scheduled job from the command line, for self-hosted installs (a system cron can call
// this instead of the HTTP routes) and for tests. `--as-of` exists only here, never over HTTP.
//
// With the embedded database (PGlite), one process only may open the data directory: when the
// server holds it, the job is asked of the server instead (its cron route, on its own clock; then
// `--as-of` is refused), or refused with an explanation when the server cannot be reached.

import path from "node:path";
import { configFromEnv, driverFor } from "@/db/client";
import { pgliteOwner } from "@/db/pglite-owner";
import { getDbHandle } from "@/db";
import { isJobName, JOB_NAMES, runScheduledJob } from "@/db/jobs";
import { refreshTagsFor } from "@/lib/cron";
import { isIsoDate } from "@/lib/dates";
import { serverEnv } from "@/lib/env";
import { currentDay, now } from "@/lib/clock";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [job, ...rest] = process.argv.slice(2);
if (!job || !isJobName(job)) fail(`Usage : npm run job -- <${JOB_NAMES.join(" | ")}> [--as-of AAAA-MM-JJ]`);
const asOfIndex = rest.indexOf("--as-of");
const asOf = asOfIndex >= 0 ? rest[asOfIndex + 1] : undefined;
if (asOfIndex >= 0 && (!asOf || !isIsoDate(asOf))) fail("--as-of attend une date AAAA-MM-JJ.");

const env = serverEnv();
const serverUrl = (env.APP_URL || `http://127.0.0.1:${env.PORT ?? 3000}`).replace(/\/+$/, "");
const secret = env.CRON_SECRET;

async function askServer(): Promise<boolean> {
  if (!secret) return false;
  try {
    const response = await fetch(`${serverUrl}/api/cron/${job}`, { headers: { authorization: `Bearer ${secret}`, "x-job-trigger": "cli" } });
    const body = await response.json();
    console.log(`${job} (par le serveur ${serverUrl}) :`, JSON.stringify(body));
    return response.ok;
  } catch {
    return false;
  }
}

const config = configFromEnv();
if (driverFor(config) === "pglite") {
  const dir = path.resolve(config.pgliteDir ?? ".data/pglite");
  if (pgliteOwner(dir) !== null) {
    if (asOf) fail(`La base intégrée ${dir} est ouverte par le serveur : la tâche ne peut tourner que par lui, à sa date du jour. Arrêtez le serveur pour utiliser --as-of.`);
    if (await askServer()) process.exit(0);
    fail(
      `La base intégrée ${dir} est ouverte par un autre processus (le serveur ?) et le serveur ${serverUrl} ne répond pas` +
        (secret ? "." : " (CRON_SECRET n’est pas défini).") +
        " Arrêtez-le, ou lancez la tâche par son adresse /api/cron/" + job + ".",
    );
  }
}

const handle = await getDbHandle();
try {
  const result = await runScheduledJob(job, { asOf: asOf ?? currentDay(), now: now(), trigger: "cli" });
  console.log(`${job} au ${asOf ?? currentDay()} : ${result.status}`, JSON.stringify(result.counts), result.error ?? "");
  // With PostgreSQL the server may be running: ask it to refresh the pages the job changed.
  if (result.tags.length > 0 && secret && driverFor(config) !== "pglite") {
    const answer = await fetch(`${serverUrl}/api/cron/refresh-cache`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ tags: refreshTagsFor(result.tags) }),
    }).catch(() => null);
    if (!answer) console.log(`Le serveur ${serverUrl} ne répond pas : les pages publiques se mettront à jour dans l’heure.`);
    else if (!answer.ok) console.error(`Le serveur ${serverUrl} a refusé de rafraîchir les pages (${answer.status}) : elles se mettront à jour dans l’heure.`);
  }
  process.exitCode = result.status === "succeeded" ? 0 : 1;
} finally {
  await handle.close();
}
