// Global setup of the integration-pglite project: one throwaway PGlite directory per run,
// migrated and loaded with the reference lists once; the test files then open it one at a time.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";
import "./test-env";

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "offre-formation-pglite-"));
  const handle = await openDatabase({ pgliteDir: dir });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  project.provide("testDbEnv", { DATABASE_URL: "", DB_DRIVER: "", PGLITE_DIR: dir, NEON_WS_PROXY: "" });

  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
