import "server-only";
import { openDatabase, type DbHandle } from "@/db/client";

// One database per server process, opened on first use (never at import time, so that
// `next build` does not touch it) and kept on globalThis so dev reloads do not open it twice.
const globalForDb = globalThis as unknown as { dbHandle?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.dbHandle ??= openDatabase().catch((error: unknown) => {
    globalForDb.dbHandle = undefined;
    throw error;
  });
  return globalForDb.dbHandle;
}

export async function getDb() {
  return (await getDbHandle()).db;
}

export type { Database } from "@/db/client";
