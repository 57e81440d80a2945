// Measuring server work for the benchmarks: each scenario runs a few times to warm up, then
// `runs` times; its SQL statements are captured (through a drizzle logger on the same PGlite
// client the app's getDb() returns) and run once more under EXPLAIN ANALYZE.

import type { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { DbHandle } from "@/db/client";
import * as schema from "@/db/schema";

export interface Statement {
  sql: string;
  params: unknown[];
}

export interface Result {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  statements: number;
  plans: string[];
}

let capture: Statement[] | null = null;

/**
 * Makes db/index.ts's getDb() return a handle on the given PGlite client whose statements can be
 * captured. Call before any query module runs.
 */
export function installCapturingDb(handle: DbHandle) {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const logger = { logQuery: (sql: string, params: unknown[]) => capture?.push({ sql, params }) };
  const db = drizzle(client, { schema, logger }) as unknown as DbHandle["db"];
  (globalThis as unknown as { dbHandle?: Promise<DbHandle> }).dbHandle = Promise.resolve({ ...handle, db });
  return client;
}

export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(0, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[rank]!;
}

export async function measure(client: PGlite, name: string, work: () => Promise<unknown>, { runs, warmup = 2 }: { runs: number; warmup?: number }): Promise<Result> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  capture = [];
  await work();
  const statements = capture;
  capture = null;
  const plans: string[] = [];
  for (const statement of statements) {
    const result = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, costs off, buffers off) ${statement.sql}`, statement.params as never[]);
    plans.push(`${statement.sql}\n${result.rows.map((row) => `    ${row["QUERY PLAN"]}`).join("\n")}`);
  }
  times.sort((a, b) => a - b);
  return { name, runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, statements: statements.length, plans };
}

export const BUDGET_MS = 200;

export function printTable(results: Result[]) {
  const rows = results.map((r) => [r.name, r.p50.toFixed(1), r.p95.toFixed(1), r.max.toFixed(1), String(r.statements), r.p95 < BUDGET_MS ? "yes" : "NO"]);
  const header = ["scenario", "p50 ms", "p95 ms", "max ms", "SQL", `p95 < ${BUDGET_MS} ms`];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}
