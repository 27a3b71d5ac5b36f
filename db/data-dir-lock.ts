/**
 * One process per embedded data folder. PGlite keeps the database in the process's memory and writes it
 * back to the folder: two processes on one folder each work on their own view and one side's writes are
 * silently lost. So opening a folder takes a lock file beside it (`<folder>.lock`, beside rather than
 * inside, as the folder belongs to PGlite) holding the owner's pid, host and start time, created with
 * O_EXCL so only one process can make it. A second process finds it and refuses to start, naming the
 * owner. A lock whose process is gone (a crash, a kill -9: no exit handler ran) is stale: its pid is no
 * longer alive on this host, and the next process takes it over. A lock from another host (a shared
 * network folder) cannot be checked and is never taken over.
 */
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
}

/** Thrown when another live process holds the folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: LockOwner | undefined,
  ) {
    super(
      owner
        ? `The embedded database ${lockPath.replace(/\.lock$/, '')} is in use by another Kaimen process ` +
            `(pid ${owner.pid} on ${owner.host}, started ${owner.started}). Stop that process first, or give this one ` +
            `another folder (KAIMEN_DATA_DIR). If no such process runs any more, delete ${lockPath}.`
        : `The embedded database ${lockPath.replace(/\.lock$/, '')} is locked by ${lockPath}, which names no owner ` +
            `this process can check. If no other Kaimen process uses the folder, delete ${lockPath}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** The held lock: `release` removes it (also run at process exit, when still held). */
export interface DataDirLock {
  path: string;
  release(): void;
}

/** The lock file of a data folder. */
export const lockPathOf = (dataDir: string) => `${resolve(dataDir)}.lock`;

/** Takes the folder's lock or throws DataDirLockedError; a stale lock (its process gone) is taken over. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = lockPathOf(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) return held(path);
    const owner = readOwner(path);
    if (owner === 'missing') continue; // released between our create and our read: try again
    if (owner === undefined || owner.host !== hostname() || isAlive(owner.pid)) {
      throw new DataDirLockedError(path, owner);
    }
    // Stale: move it aside atomically, so that of two processes taking it over only one removes it, and
    // a fresh lock another process has made in the meantime is never the one removed.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved !== 'missing' && moved !== undefined && moved.pid !== owner.pid) {
      // Another process took it over first and we moved its fresh lock: put it back, and it holds the folder.
      renameSync(aside, path);
      throw new DataDirLockedError(path, moved);
    }
    unlinkSync(aside);
  }
  throw new DataDirLockedError(path, undefined);
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | undefined | 'missing' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return undefined;
  }
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.started === 'string') {
      return owner as LockOwner;
    }
  } catch {
    // a half-written lock: its writer died between creating and writing it, or it is still writing
  }
  return undefined;
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function held(path: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      const owner = readOwner(path);
      if (owner !== 'missing' && owner?.pid === process.pid) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { path, release };
}
