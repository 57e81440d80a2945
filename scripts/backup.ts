// npm run db:backup [-- FILE]      a backup of the database the environment names
// npm run db:restore -- FILE       restores it (see db/backup.ts for what is never overwritten)
//
// With DATABASE_URL: pg_dump / pg_restore (their client programs must be installed); restore into
// an empty database. Without it: the embedded database (PGLITE_DIR, default .data/pglite), which
// must not be open in a running server (stop `npm run demo` / `npm run dev` first).

import path from "node:path";
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from "@/db/backup";

const [command, fileArgument] = process.argv.slice(2);
const url = process.env.DATABASE_URL;
const dir = process.env.PGLITE_DIR || ".data/pglite";
const stamp = new Date().toISOString().replace(/[:.]/g, "-");

try {
  if (command === "backup") {
    const file = fileArgument ?? path.join("backups", `${url ? "postgres" : "pglite"}-${stamp}.${url ? "dump" : "tar.gz"}`);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.dirname(file), { recursive: true });
    if (url) await backupPostgres(url, file);
    else await backupPglite(dir, file);
    console.log(`Sauvegarde écrite : ${file}`);
  } else if (command === "restore" && fileArgument) {
    if (url) {
      await restorePostgres(fileArgument, url);
      console.log("Sauvegarde restaurée dans la base de DATABASE_URL.");
    } else {
      const movedTo = await restorePglite(fileArgument, dir);
      console.log(`Sauvegarde restaurée dans ${dir}.${movedTo ? ` L’ancienne base a été déplacée dans ${movedTo}.` : ""}`);
    }
  } else {
    console.error("Usage : npm run db:backup [-- FICHIER]   ou   npm run db:restore -- FICHIER");
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
