// Global setup of the integration-pg and integration-neon projects (only when TEST_DATABASE_URL
// is set). Each project run gets a fresh database it_<random> on that server, migrated once and
// dropped at the end, so that runs never collide. The Neon project reaches it through a local
// WebSocket relay. An unreachable server fails the run: it is never skipped.

import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { startWsRelay } from "./ws-relay";
import "./test-env";

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    const { host, port } = new URL(url);
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL at ${host || "localhost"}${port ? "" : ":5432"} cannot be reached`, {
      cause: error,
    });
  }
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error(`${project.name} needs TEST_DATABASE_URL`);
  const driver = project.name.endsWith("neon") ? "neon" : "pg";

  const name = `it_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  await withAdminClient(adminUrl, (client) => client.query(`create database "${name}"`));
  const dropDatabase = () =>
    withAdminClient(adminUrl, (client) => client.query(`drop database if exists "${name}" with (force)`));

  let closeRelay: (() => Promise<void>) | undefined;
  try {
    // Migrate through node-postgres: the migrations are the same whatever driver the tests use.
    const handle = await openDatabase({ url: databaseUrl, driver: "pg" });
    try {
      await migrateDatabase(handle);
    } finally {
      await handle.close();
    }

    let proxy = "";
    if (driver === "neon") {
      const relay = await startWsRelay({ allowed: [`${url.hostname}:${url.port || "5432"}`] });
      closeRelay = relay.close;
      proxy = relay.proxy;
    }
    project.provide("testDbEnv", { DATABASE_URL: databaseUrl, DB_DRIVER: driver, PGLITE_DIR: "", NEON_WS_PROXY: proxy });
  } catch (error) {
    await dropDatabase();
    throw error;
  }

  return async () => {
    await closeRelay?.();
    await dropDatabase();
  };
}
