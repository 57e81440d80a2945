// The measured side of bench:export (scripts/bench/export.ts): a process of its own that opens
// the benchmark database, streams the LHÉO document of the diffused offer (as the route does) to
// a file or nowhere, and prints one JSON line: wall time, CPU time, peak resident memory, counts.
//
//   tsx --import ./scripts/bench/server-only.mjs scripts/bench/export-child.ts --url postgres://… | --pglite-dir DIR [--today D] [--output FILE]

import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase, type DbHandle } from "@/db/client";
import { openLheoDocument } from "@/db/queries/export";
import { parisDate } from "@/lib/dates";

const { values } = parseArgs({ options: { url: { type: "string" }, "pglite-dir": { type: "string" }, today: { type: "string" }, output: { type: "string" } } });
const handle = await openDatabase(values.url ? { url: values.url, driver: "pg" } : { pgliteDir: values["pglite-dir"]! });
(globalThis as unknown as { dbHandle?: Promise<DbHandle> }).dbHandle = Promise.resolve(handle);

const cpuBefore = process.cpuUsage();
const started = performance.now();
const document = await openLheoDocument({ today: values.today ?? parisDate() });
let bytes = 0;
let firstChunkMs: number | null = null;
const out = values.output ? createWriteStream(values.output) : null;
if (document) {
  for await (const chunk of document.chunks) {
    firstChunkMs ??= performance.now() - started;
    const buffer = Buffer.from(chunk, "utf8");
    bytes += buffer.length;
    // Written as the route's stream is read: wait when the file is slower than the database.
    if (out && !out.write(buffer)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
}
if (out) await new Promise<void>((resolve) => out.end(() => resolve()));
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
await handle.close();
console.log(
  JSON.stringify({
    wallMs,
    firstChunkMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // resourceUsage().maxRSS is in kilobytes: the process's peak, whatever it was at the end.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    bytes,
    formations: document?.counts.formations ?? 0,
    sessions: document?.counts.sessions ?? 0,
  }),
);
