import path from "node:path";
import type { DbHandle } from "@/db/client";
import { loadReferenceData } from "@/db/reference/load";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/** Applies the committed SQL migrations with drizzle-orm's migrator, then loads the code lists. */
export async function migrateDatabase(handle: DbHandle) {
  const config = { migrationsFolder };
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, config);
  } else if (handle.driver === "neon") {
    const { migrate } = await import("drizzle-orm/neon-serverless/migrator");
    await migrate(handle.db as never, config);
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(handle.db as never, config);
  }
  return loadReferenceData(handle.db);
}
