// Backups of the whole database, as one file: for the embedded database, PGlite's own dump of its
// data directory (a gzipped tar, with the extensions' data); for PostgreSQL, pg_dump's custom
// format (restored with pg_restore). Used by `npm run db:backup` and `npm run db:restore FILE`.
//
// A restore never overwrites anything: the embedded database is restored into an empty directory
// (the current one is moved aside first), PostgreSQL into a database that holds no tables yet.

import { execFile } from "node:child_process";
import { existsSync, readdirSync, renameSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { DatabaseInUseError, pgliteOwner } from "@/db/pglite-owner";

const run = promisify(execFile);

/** Writes the PGlite data directory `dir` to `file` (.tar.gz). Refused while another process holds it. */
export async function backupPglite(dir: string, file: string) {
  const owner = pgliteOwner(dir);
  if (owner) throw new DatabaseInUseError(dir, owner);
  const { openDatabase } = await import("@/db/client");
  const handle = await openDatabase({ pgliteDir: dir });
  try {
    const client = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    const dump = await client.dumpDataDir("gzip");
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
}

/**
 * Restores a PGlite backup into `dir`. A directory already there is moved aside to
 * `<dir>.before-restore-<time>` (nothing is lost) and its path returned.
 */
export async function restorePglite(file: string, dir: string, now = new Date()): Promise<string | null> {
  const owner = pgliteOwner(dir);
  if (owner) throw new DatabaseInUseError(dir, owner);
  let movedTo: string | null = null;
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    movedTo = `${dir}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(dir, movedTo);
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const data = new Blob([await readFile(file)]);
  const client = await PGlite.create(dir, { loadDataDir: data, extensions: { unaccent, pg_trgm } });
  await client.query("select 1");
  await client.close();
  return movedTo;
}

/** pg_dump of the database at `url` into `file` (custom format). */
export async function backupPostgres(url: string, file: string) {
  await run("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", url], { maxBuffer: 16 * 1024 * 1024 });
}

/** pg_restore of `file` into the database at `url`, which must hold no table yet. */
export async function restorePostgres(file: string, url: string) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from pg_tables where schemaname = 'public'");
    if (rows[0]!.n > 0) {
      throw new Error("Cette base contient déjà des tables : restaurez dans une base vide (créez-la avec createdb), rien n’a été modifié.");
    }
  } finally {
    await client.end();
  }
  await run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname", url, file], { maxBuffer: 16 * 1024 * 1024 });
}
