// npm run db:seed: loads the Lorraine demo data set (db/seed/*.ts) into the database the
// environment names (DATABASE_URL, or the embedded PGlite directory). Run `npm run db:migrate`
// first: the seed needs the communes and Formacodes it loads.
//
// Idempotent: ids are derived from stable names and every insert skips rows that exist (dossier
// versions, whose ids saveDossier draws, are recognised by their number), so a second run changes
// nothing, and changes made in the demo since (a reset password, an approval) are kept. Dates
// are relative to the day of the first run (Europe/Paris), so a fresh database always shows
// courses starting in the coming months.
//
// Publication and rejection go through approveRevision/rejectRevision, the one path that writes
// the published catalogue; organisation dossiers go through saveDossier/approveDossier, which copy
// the approved dossier into the organisation.

import { getDbHandle } from "@/db";
import { printSummary, seedDemo } from "@/db/seed/demo";
import type { SeedClock } from "@/db/seed/prepare";
import { parisDate } from "@/lib/dates";

// The demo accounts have published passwords: never load them into a real database by accident.
if (process.env.DATABASE_URL && !process.argv.includes("--demo-on-server")) {
  console.error(
    "Refused: DATABASE_URL is set, and the demo accounts have passwords published in the README.\n" +
      "To load the demo into that database anyway (a test or staging server, never production), run:\n" +
      "  npm run db:seed -- --demo-on-server",
  );
  process.exit(1);
}

const now = new Date();
const clock: SeedClock = { now, today: parisDate(now) };
const handle = await getDbHandle();
try {
  const created = await seedDemo(handle.db, clock);
  await printSummary(handle.db, clock.today, created);
} finally {
  await handle.close();
}
