// One process per PGlite data directory: PGlite has no lock of its own (its postmaster.pid holds
// no real process id and stays behind after a crash). The process that opens a directory writes
// its id in it; another process finds it, checks that process is alive, and refuses to open.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const OWNER_FILE = ".offre-formation-owner.json";

export class DatabaseInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `La base intégrée ${dir} est déjà ouverte par le processus ${pid} (le serveur ?). PGlite n’admet qu’un processus à la fois : ` +
        "arrêtez-le d’abord, ou utilisez une autre base (PGLITE_DIR, DATABASE_URL).",
    );
    this.name = "DatabaseInUseError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process other than this one that holds the directory, if any. */
export function pgliteOwner(dir: string): number | null {
  try {
    const { pid } = JSON.parse(readFileSync(path.join(dir, OWNER_FILE), "utf8")) as { pid?: unknown };
    return typeof pid === "number" && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the directory for this process (refusing when another live process has it); returns the release. */
export function claimPglite(dir: string): () => void {
  const owner = pgliteOwner(dir);
  if (owner !== null) throw new DatabaseInUseError(dir, owner);
  const file = path.join(dir, OWNER_FILE);
  writeFileSync(file, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return () => {
    process.off("exit", release);
    release();
  };
}
