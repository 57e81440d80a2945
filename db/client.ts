// Opens the database the environment asks for. The app uses the singleton in db/index.ts;
// scripts and tests open (and close) their own handle.

import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "@/db/schema";
import { serverEnv, type EnvSource } from "@/lib/env";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** The handle a `db.transaction` callback receives; queries that must run inside one take it. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbDriver = "pglite" | "pg" | "neon";

export interface DbHandle {
  db: Database;
  driver: DbDriver;
  close(): Promise<void>;
}

export interface DbConfig {
  /** A PostgreSQL URL; without one the embedded PGlite database is used. */
  url?: string;
  /** Force a driver for `url`: "pg" or "neon". By default Neon hosts use the Neon driver. */
  driver?: string;
  /** PGlite data directory ("memory://" for a throwaway database). */
  pgliteDir?: string;
}

export function configFromEnv(source: EnvSource = process.env): DbConfig {
  const env = serverEnv(source);
  return { url: env.DATABASE_URL, driver: env.DB_DRIVER, pgliteDir: env.PGLITE_DIR };
}

export function driverFor(config: DbConfig): DbDriver {
  if (!config.url) return "pglite";
  if (config.driver === "neon" || config.driver === "pg") return config.driver;
  if (config.driver) throw new Error(`DB_DRIVER must be "pg" or "neon", not "${config.driver}"`);
  const host = new URL(config.url).hostname;
  return host.endsWith(".neon.tech") || host.endsWith(".neon.build") ? "neon" : "pg";
}

export async function openDatabase(config: DbConfig = configFromEnv()): Promise<DbHandle> {
  const driver = driverFor(config);
  if (driver === "pglite") {
    const { PGlite } = await import("@electric-sql/pglite");
    const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    const { drizzle } = await import("drizzle-orm/pglite");
    const dir = config.pgliteDir ?? ".data/pglite";
    let release = () => {};
    if (!dir.includes("://")) {
      const { mkdirSync } = await import("node:fs");
      const { claimPglite } = await import("@/db/pglite-owner");
      mkdirSync(dir, { recursive: true });
      release = claimPglite(dir);
    }
    try {
      const client = await PGlite.create(dir, { extensions: { unaccent, pg_trgm } });
      return {
        db: drizzle(client, { schema }) as unknown as Database,
        driver,
        close: async () => {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (driver === "neon") {
    const { Pool, neonConfig } = await import("@neondatabase/serverless");
    const { drizzle } = await import("drizzle-orm/neon-serverless");
    const { default: ws } = await import("ws");
    neonConfig.webSocketConstructor = ws;
    // Only for tests and self-hosting: reach a plain PostgreSQL through a local WebSocket relay.
    const proxy = serverEnv().NEON_WS_PROXY;
    if (proxy) {
      neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
      neonConfig.useSecureWebSocket = false;
      neonConfig.pipelineConnect = false;
      neonConfig.pipelineTLS = false;
    }
    const pool = new Pool({ connectionString: config.url, max: 5 });
    return { db: drizzle(pool, { schema }) as unknown as Database, driver, close: () => pool.end() };
  }
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: config.url, max: 10 });
  return { db: drizzle(pool, { schema }) as unknown as Database, driver, close: () => pool.end() };
}
