/**
 * `npm run bench`: time from `npm start` to the first 200 from /api/health on the embedded database,
 * first on an empty data folder (a first start), then again on the folder it left (a later start).
 * Targets (PRODUCT.md): 20 s and 6 s. Runs `npm start` exactly as a person would, on a free port.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS_LATER = Number(process.env.BENCH_RUNS ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), KAIMEN_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no health answer within 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) return (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'kaimen-bench-'));
try {
  const first = await timeStart(join(dataDir, 'pglite'));
  const later: number[] = [];
  for (let i = 0; i < RUNS_LATER; i++) later.push(await timeStart(join(dataDir, 'pglite')));
  const median = [...later].sort((a, b) => a - b)[Math.floor(later.length / 2)]!;
  console.log('startup to first 200 from /api/health (embedded PGlite + PostGIS, seed data)');
  console.log(
    `  first start, empty data folder: ${first.toFixed(1)} s   (target 20 s, ratio ${(first / 20).toFixed(2)})`,
  );
  console.log(
    `  later starts (median of ${later.length}): ${median.toFixed(1)} s   (target 6 s, ratio ${(median / 6).toFixed(2)}; runs ${later.map((s) => s.toFixed(1)).join(', ')})`,
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
