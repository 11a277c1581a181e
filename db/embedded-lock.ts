import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * PGlite must never be opened by two processes at once: it corrupts data silently. Whoever opens
 * the data folder first holds a lock file naming its process; everyone else is refused. A lock
 * left behind by a process that no longer exists (a crash, SIGKILL) is taken over.
 */
export class EmbeddedDatabaseLockedError extends Error {
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The embedded database in ${dataDir} is in use by another process ` +
        `(pid ${holder.pid} on ${holder.host}, since ${holder.since}). ` +
        `Stop that process first (the app server, a seed or a migration), or point DATA_DIR elsewhere. ` +
        `Nothing was written.`,
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

type LockHolder = { pid: number; host: string; since: string; processStart: string | null };

export type EmbeddedLock = { release(): void };

export function lockFilePath(dataDir: string) {
  return path.join(dataDir, "embedded.lock");
}

export function acquireEmbeddedLock(dataDir: string): EmbeddedLock {
  mkdirSync(dataDir, { recursive: true });
  const file = lockFilePath(dataDir);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStartTime(process.pid),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        try {
          if (readHolder(file)?.pid === me.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(file);
      if (holder && holderIsAlive(holder)) throw new EmbeddedDatabaseLockedError(dataDir, holder);
      // Stale: its process is gone. Remove it and try once more; a racing taker wins via "wx".
      try {
        unlinkSync(file);
      } catch {
        /* someone else removed it */
      }
    }
  }
  const holder = readHolder(file);
  throw new EmbeddedDatabaseLockedError(dataDir, holder ?? { pid: -1, host: "unknown", since: "unknown", processStart: null });
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockHolder;
  } catch {
    return null;
  }
}

function holderIsAlive(holder: LockHolder): boolean {
  // A lock written on another machine (a shared volume) cannot be checked from here: respect it.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // The pid exists; after a crash it may have been reused by an unrelated process.
  const start = processStartTime(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** The kernel's start time of a process (Linux), to tell a reused pid from the original holder. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}
