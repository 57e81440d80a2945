// npm run db:backup / db:restore: the demo data backed up, restored into a fresh database, found
// the same. On PGlite in the PGlite project; with pg_dump / pg_restore in the PostgreSQL project.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/db/backup";
import { openDatabase, type DbConfig, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import { seedDemo } from "@/db/seed/demo";
import { parisDate } from "@/lib/dates";

const CONTENT_TABLES = ["organisations", "users", "organisation_dossiers", "actions", "action_revisions", "published_actions", "published_sessions", "audit_log"];

/** Row count and a checksum of every row of each content table. */
async function fingerprint(config: DbConfig) {
  const handle = await openDatabase(config);
  try {
    const result: Record<string, string> = {};
    for (const table of CONTENT_TABLES) {
      const { rows } = (await handle.db.execute(
        `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as print from ${table} t` as never,
      )) as unknown as { rows: { print: string }[] };
      result[table] = rows[0]!.print;
    }
    return result;
  } finally {
    await handle.close();
  }
}

/** A new database with the demo data (the seed's writes go through getDb(): pointed at it meanwhile). */
async function seeded(config: DbConfig) {
  const handle = await openDatabase(config);
  const global = globalThis as unknown as { dbHandle?: Promise<DbHandle> };
  const projectDb = global.dbHandle;
  global.dbHandle = Promise.resolve(handle);
  try {
    await migrateDatabase(handle);
    const now = new Date();
    await seedDemo(handle.db, { now, today: parisDate(now) });
  } finally {
    global.dbHandle = projectDb;
    await handle.close();
  }
}

// Made by the test that runs (a skipped describe's hooks never run, so none is made at load).
let work = "";
async function workDir() {
  work ||= await mkdtemp(path.join(tmpdir(), "backup-test-"));
  return work;
}
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

const onPostgres = Boolean(process.env.DATABASE_URL);
const driver = process.env.DB_DRIVER;

describe.runIf(!onPostgres)("db:backup and db:restore on the embedded database", () => {
  it("restores the demo data whole, and moves an existing database aside rather than overwrite it", { timeout: 300_000 }, async () => {
    const work = await workDir();
    const source = path.join(work, "source");
    await seeded({ pgliteDir: source });
    const before = await fingerprint({ pgliteDir: source });
    expect(Number(before.actions!.split(":")[0])).toBeGreaterThan(40);

    const file = path.join(work, "demo.tar.gz");
    await backupPglite(source, file);
    const restored = path.join(work, "restored");
    expect(await restorePglite(file, restored)).toBeNull();
    expect(await fingerprint({ pgliteDir: restored })).toEqual(before);

    // Restoring over a database keeps the old one beside it.
    const movedTo = await restorePglite(file, source);
    expect(movedTo).toMatch(/source\.before-restore-/);
    expect(await fingerprint({ pgliteDir: movedTo! })).toEqual(before);
    expect(await fingerprint({ pgliteDir: source })).toEqual(before);
  });
});

describe.runIf(onPostgres && driver !== "neon")("db:backup and db:restore on PostgreSQL", () => {
  const names = [`bk_src_${process.pid}`, `bk_dst_${process.pid}`];
  const urlOf = (name: string) => Object.assign(new URL(process.env.DATABASE_URL!), { pathname: `/${name}` }).toString();
  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  });

  it("restores the demo data whole into an empty database, and refuses one that holds tables", { timeout: 300_000 }, async () => {
    for (const name of names) await admin(`create database ${name}`);
    const [source, target] = names.map(urlOf) as [string, string];
    await seeded({ url: source, driver: "pg" });
    const before = await fingerprint({ url: source, driver: "pg" });

    const file = path.join(await workDir(), "demo.dump");
    await backupPostgres(source, file);
    await restorePostgres(file, target);
    expect(await fingerprint({ url: target, driver: "pg" })).toEqual(before);

    await expect(restorePostgres(file, target)).rejects.toThrow(/déjà des tables/);
  });
});
