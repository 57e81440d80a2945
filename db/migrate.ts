// npm run db:migrate: applies migrations and loads the reference lists into the database the
// environment names (DATABASE_URL, or the embedded PGlite directory).

import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate-database";

const handle = await openDatabase();
try {
  const started = Date.now();
  const counts = await migrateDatabase(handle);
  console.log(`Migrated the ${handle.driver} database in ${Date.now() - started} ms; reference rows:`, counts);
} finally {
  await handle.close();
}
