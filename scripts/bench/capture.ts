// Capturing the SQL a benchmark's scenario sends through the app's getDb(), on PGlite or
// PostgreSQL, and explaining it (EXPLAIN ANALYZE, in a transaction rolled back).

import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PGlite } from "@electric-sql/pglite";
import type { Pool } from "pg";
import type { DbHandle } from "@/db/client";
import * as schema from "@/db/schema";

export interface Statement {
  sql: string;
  params: unknown[];
}

/** The app's getDb() answers with this handle, logging statements into `captured` when it is set. */
export function installHandle(handle: DbHandle): { captured: Statement[] | null; query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]> } {
  const state = { captured: null as Statement[] | null, query: null as never as (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]> };
  const logger = { logQuery: (text: string, params: unknown[]) => state.captured?.push({ sql: text, params }) };
  const client = (handle.db as unknown as { $client: PGlite | Pool }).$client;
  let db: DbHandle["db"];
  if (handle.driver === "pglite") {
    const lite = client as PGlite;
    db = drizzlePglite(lite, { schema, logger }) as unknown as DbHandle["db"];
    state.query = async (text, params = []) => (await lite.query<Record<string, unknown>>(text, params as never[])).rows;
  } else {
    const pool = client as Pool;
    db = drizzlePg(pool, { schema, logger }) as unknown as DbHandle["db"];
    state.query = async (text, params = []) => (await pool.query(text, params as never[])).rows;
  }
  (globalThis as unknown as { dbHandle?: Promise<DbHandle> }).dbHandle = Promise.resolve({ ...handle, db });
  return state;
}

/** Runs the statements under EXPLAIN ANALYZE in one transaction, rolled back: nothing stays written. */
export async function explainAll(handle: DbHandle, statements: Statement[]): Promise<string[]> {
  const client = (handle.db as unknown as { $client: PGlite | Pool }).$client;
  const explain = (text: string) => `explain (analyze, costs off, buffers off) ${text}`;
  const plans: string[] = [];
  const describe = (statement: Statement, rows: { "QUERY PLAN": string }[]) => `${statement.sql}\n${rows.map((r) => `    ${r["QUERY PLAN"]}`).join("\n")}`;
  if (handle.driver === "pglite") {
    await (client as PGlite).transaction(async (tx) => {
      for (const s of statements) plans.push(describe(s, (await tx.query<{ "QUERY PLAN": string }>(explain(s.sql), s.params as never[])).rows));
      await tx.rollback();
    });
    return plans;
  }
  const connection = await (client as Pool).connect();
  try {
    await connection.query("begin");
    for (const s of statements) plans.push(describe(s, (await connection.query<{ "QUERY PLAN": string }>(explain(s.sql), s.params as never[])).rows));
  } finally {
    await connection.query("rollback");
    connection.release();
  }
  return plans;
}
