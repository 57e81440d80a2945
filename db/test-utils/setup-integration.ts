// Runs before each integration test file: points db/index.ts at the project's database (set up
// once by its global setup) and closes the handle after the file, so that the next file (or
// the database drop at the end) finds it free.

import { afterAll, inject } from "vitest";
import type { DbHandle } from "@/db/client";
import "./test-env";

Object.assign(process.env, inject("testDbEnv"));

afterAll(async () => {
  const store = globalThis as unknown as { dbHandle?: Promise<DbHandle> };
  const handle = store.dbHandle;
  store.dbHandle = undefined;
  if (handle) await (await handle).close();
});
