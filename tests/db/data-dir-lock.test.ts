/**
 * Issue 13 row 4: two embedded processes on one KAIMEN_DATA_DIR each worked on their own view, and one
 * side's writes were lost. Real processes now: the second refuses to start, naming the first; after the
 * first is killed without a chance to clean up (SIGKILL, as in a crash), the next one takes the stale
 * lock over and starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockPathOf } from '../../db/data-dir-lock.ts';
import { fromRoot } from '../../db/project-root.ts';

const SCRIPT = fromRoot('tests', 'support', 'hold-data-dir.ts');

interface Run {
  child: ChildProcess;
  /** Resolves with `open` once the folder is open, or with the exit code and stderr when it stops first. */
  outcome: Promise<{ open: true } | { open: false; code: number | null; stderr: string }>;
  exited: Promise<number | null>;
}

function hold(dataDir: string): Run {
  // One process (tsx as a loader, not its launcher), so the pid in the lock is the one killed.
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const outcome = new Promise<{ open: true } | { open: false; code: number | null; stderr: string }>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('open ')) resolve({ open: true });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    void exited.then((code) => resolve({ open: false, code, stderr }));
  });
  return { child, outcome, exited };
}

describe('one process per embedded data folder', () => {
  const parent = mkdtempSync(join(tmpdir(), 'kaimen-lock-'));
  const dataDir = join(parent, 'pglite');
  const running: ChildProcess[] = [];
  afterAll(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(parent, { recursive: true, force: true });
  });

  it('refuses a second process with a clear message; a crashed owner’s stale lock is taken over', async () => {
    const first = hold(dataDir);
    running.push(first.child);
    expect(await first.outcome).toEqual({ open: true });
    const owner = JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8')) as { pid: number };
    expect(owner.pid).toBeGreaterThan(0);

    const second = hold(dataDir);
    running.push(second.child);
    const refused = await second.outcome;
    expect(refused).toMatchObject({ open: false, code: 1 });
    const message = (refused as { stderr: string }).stderr;
    expect(message).toContain('is in use by another Kaimen process');
    expect(message).toContain(`pid ${owner.pid}`);
    expect(message).toContain('KAIMEN_DATA_DIR');

    // A crash: no exit handler runs, the lock file stays behind naming a process that is gone.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(existsSync(lockPathOf(dataDir))).toBe(true);

    const third = hold(dataDir);
    running.push(third.child);
    expect(await third.outcome).toEqual({ open: true });
    const taken = JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8')) as { pid: number };
    expect(taken.pid).not.toBe(owner.pid);

    // A clean close gives the folder back.
    third.child.stdin!.end();
    expect(await third.exited).toBe(0);
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
  }, 180_000);
});
