// Where a benchmark's data lives: a fresh PGlite directory in the system's temporary folder, or
// a database of its own on a PostgreSQL server (created, and dropped at the end unless kept) —
// never the app's .data/pglite nor DATABASE_URL's database. With `reuse`, a PostgreSQL database
// kept by an earlier run is opened as it is (its pending migrations applied), so a large data set
// is generated once. BENCH_DATABASE_SUFFIX, when set, ends the database's name, so that several
// people benchmarking on one server keep apart.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";

export type Engine = "pglite" | "pg";

export interface BenchDatabase {
  handle: DbHandle;
  /** False when `reuse` found the database already there: its data is the earlier run's. */
  fresh: boolean;
  where: string;
  /** PostgreSQL: the database's URL (with its suffix), for a process of the benchmark's own. */
  url?: string;
  dispose: () => Promise<void>;
}

/** The PostgreSQL server to create benchmark databases on (its maintenance database). */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openBenchDatabase({ engine, name, keep = false, reuse = false }: { engine: Engine; name: string; keep?: boolean; reuse?: boolean }): Promise<BenchDatabase> {
  if (engine === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), `${name}-`));
    const handle = await openDatabase({ pgliteDir: dir });
    await migrateDatabase(handle);
    return {
      handle,
      fresh: true,
      where: `PGlite in ${dir}`,
      dispose: async () => {
        await handle.close();
        if (!keep) await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const suffix = process.env.BENCH_DATABASE_SUFFIX ? `_${process.env.BENCH_DATABASE_SUFFIX}` : "";
  const database = `bench_${`${name}${suffix}`.replace(/\W/g, "_")}`;
  const exists = await onServer(async (client) => (await client.query("select 1 from pg_database where datname = $1", [database])).rowCount === 1);
  const fresh = !(reuse && exists);
  if (fresh) {
    await onServer(async (client) => {
      await client.query(`drop database if exists ${database} with (force)`);
      await client.query(`create database ${database}`);
    });
  }
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  const handle = await openDatabase({ url: url.toString(), driver: "pg" });
  // A kept database gets the migrations added since it was generated.
  await migrateDatabase(handle);
  return {
    handle,
    fresh,
    where: `PostgreSQL database ${database}`,
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      if (!keep && !reuse) await onServer((client) => client.query(`drop database if exists ${database} with (force)`));
    },
  };
}

/** The options of every benchmark on a generated database: `--size full|small`, `--only pg|pglite`, `--reuse`, `--keep`, `--no-plans`. */
export const DATABASE_BENCH_OPTIONS = {
  size: { type: "string", default: "full" },
  only: { type: "string" },
  reuse: { type: "boolean", default: false },
  keep: { type: "boolean", default: false },
  "no-plans": { type: "boolean", default: false },
} as const;

/** The cases of the size asked for (on the one engine asked for, if any); exits when there are none. */
export function selectCases<C extends { engine: Engine }>(sizes: Record<string, C[]>, size: string | undefined, only: string | undefined): C[] {
  const cases = sizes[size ?? ""]?.filter((c) => !only || c.engine === only);
  if (!cases?.length) {
    console.error(`--size must be ${Object.keys(sizes).join(" or ")} (and --only pg or pglite), not « ${size} ${only ?? ""} ».`);
    process.exit(2);
  }
  return cases;
}
