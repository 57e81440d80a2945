// Each integration project runs the same files through a different driver: check that the
// project really talks to the database it was set up for.

import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { getDb, getDbHandle } from "@/db";
import { driverFor } from "@/db/client";

it("uses the driver of the project, on a migrated database with the reference lists", async () => {
  const handle = await getDbHandle();
  expect(handle.driver).toBe(process.env.DB_DRIVER || "pglite");
  expect(handle.driver).toBe(driverFor({ url: process.env.DATABASE_URL || undefined, driver: process.env.DB_DRIVER || undefined }));
  if (handle.driver !== "pglite") expect(process.env.DATABASE_URL).toMatch(/\/it_[0-9a-f]{12}$/);
  if (handle.driver === "neon") expect(process.env.NEON_WS_PROXY).toMatch(/^127\.0\.0\.1:\d+\/v1$/);

  const db = await getDb();
  const { rows } = (await db.execute(sql`select count(*)::int as communes, unaccent('Évreux') as plain, current_setting('server_version') as version from communes`)) as unknown as {
    rows: { communes: number; plain: string; version: string }[];
  };
  expect(rows[0]).toMatchObject({ communes: 34_745, plain: "Evreux" });
});
