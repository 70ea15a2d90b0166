import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LOCK_FILE = "supportclock.lock";

/** A second process was started on a PGlite data directory that a live process owns. */
export class DataDirInUseError extends Error {
  readonly code = "DATA_DIR_IN_USE";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null; // gone meanwhile, or not yet written
  }
}

/**
 * Makes this process the only one using `dataDir`: PGlite is one process's database, and two
 * writing one directory diverge and lose acknowledged writes. The lock file holds the owner's pid;
 * a lock whose pid is gone (a killed process) is taken over. Creation is exclusive (O_EXCL), so of
 * two processes taking over one stale lock, one wins and the other sees a live owner. Returns the release.
 */
export function lockDataDir(dataDir: string, pid = process.pid): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, `${pid}\n`, { flag: "wx" });
      return () => {
        if (ownerOf(path) === pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = ownerOf(path);
    if (owner !== null && owner !== pid && alive(owner)) {
      throw new DataDirInUseError(
        `DATA_DIR ${dataDir} is in use by process ${owner} (${path}): the embedded database serves one process; stop that one first, or run several instances on PostgreSQL (DATABASE_URL)`,
      );
    }
    if (owner === null && attempt === 0) continue; // being written by a process that just created it: look again
    try {
      unlinkSync(path); // stale: its process is gone
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new DataDirInUseError(`DATA_DIR ${dataDir}: could not take its lock ${path}; another process keeps taking it`);
}
