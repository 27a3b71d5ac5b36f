/**
 * `npm run bench`: time from `npm start` to the first 200 from /api/health on the embedded database, on
 * an empty data folder (a first start) and again on the folder it left (a later start), with what the
 * server process holds in memory once ready and after a few requests. Targets (PRODUCT.md): 20 s and 6 s.
 * Runs `npm start` exactly as a person would, on a free port. Other command lines given as arguments are
 * timed instead, interleaved round by round so that they share the machine's load:
 * `npm run bench -- 'npm start --silent' 'tsx server/server.ts'`. `BENCH_RUNS` sets the rounds (default
 * 5; each is one first and one later start per command). Linux only (it reads /proc).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COMMANDS = process.argv.length > 2 ? process.argv.slice(2) : ['npm start --silent'];
const CLOCK_TICKS = 100; // USER_HZ: /proc times are in hundredths of a second on Linux

/** Requests a visitor's first minute makes: search, detail, tiles, slots and a server-rendered page. */
const REQUESTS = [
  '/api/venues?near=116.397,39.908&radius_m=5000',
  '/api/venues?q=博物馆',
  '/api/venues?bbox=116.2,39.8,116.6,40.0&free=true',
  '/api/tiles/venues/5/26/12.mvt',
  '/api/tiles/venues/12/3372/1552.mvt',
  '/api/districts?q=海淀',
  '/api/slots',
  '/',
];

interface Sample {
  seconds: number;
  /** CPU seconds (user + system) of every process the command started, until the first 200. */
  cpuSeconds: number;
  /** Resident memory of the process listening on the port, in MiB, once ready and after REQUESTS. */
  rssReady: number;
  rssAfterRequests: number;
  /** Resident memory of every process the command started (npm, shells, loaders, the server), in MiB. */
  treeRssAfterRequests: number;
}

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

/** Pids of a process group (the command runs detached, so it leads its own group). */
function groupPids(group: number): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the ")" that ends the command name: state ppid pgrp …
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === group) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, and those of its children that ended (the build checks before the server starts)
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process of the group that holds the socket listening on `port`. */
function listenerPid(pids: number[], port: number): number {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] === '0A' && parseInt(cols[1]?.split(':')[1] ?? '', 16) === port) inodes.add(cols[9]!);
    }
  }
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(/^socket:\[(\d+)\]$/.exec(target)?.[1] ?? '')) return pid;
      }
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error(`no process of the group listens on ${port}`);
}

async function measureStart(command: string, dataDir: string): Promise<Sample> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, {
    shell: true,
    env: { ...process.env, PORT: String(port), KAIMEN_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  const group = child.pid!;
  try {
    let seconds: number | undefined;
    while (seconds === undefined) {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no health answer within 120 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.status === 200) seconds = (performance.now() - started) / 1000;
      } catch {
        // not listening yet
      }
      if (seconds === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    const pids = groupPids(group);
    const cpu = pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    const server = listenerPid(pids, port);
    const rssReady = rssMiB(server);
    const search = (await (await fetch(`http://127.0.0.1:${port}${REQUESTS[0]}`)).json()) as {
      items: { id: string }[];
    };
    const venue = search.items[0]!.id;
    for (const path of [...REQUESTS, `/api/venues/${venue}`, `/venues/${venue}`]) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    return {
      seconds,
      cpuSeconds: cpu,
      rssReady,
      rssAfterRequests: rssMiB(server),
      treeRssAfterRequests: groupPids(group).reduce((sum, pid) => sum + rssMiB(pid), 0),
    };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-group, 'SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const loadBefore = load();
const results = COMMANDS.map((command) => ({ command, first: [] as Sample[], later: [] as Sample[] }));
for (let round = 0; round < RUNS; round++) {
  for (const { command, first, later } of results) {
    const dataDir = mkdtempSync(join(tmpdir(), 'kaimen-bench-'));
    try {
      first.push(await measureStart(command, join(dataDir, 'pglite')));
      later.push(await measureStart(command, join(dataDir, 'pglite')));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

const row = (label: string, samples: Sample[], target: number) => {
  const m = (key: keyof Sample, digits: number) => median(samples.map((s) => s[key])).toFixed(digits);
  console.log(
    `  ${label}: ${m('seconds', 1)} s (target ${target} s; runs ${samples.map((s) => s.seconds.toFixed(1)).join(', ')})\n` +
      `    CPU to ready ${m('cpuSeconds', 1)} s; server RSS ${m('rssReady', 0)} MiB ready, ` +
      `${m('rssAfterRequests', 0)} MiB after ${REQUESTS.length + 3} requests; all processes ${m('treeRssAfterRequests', 0)} MiB`,
  );
};
console.log('startup to first 200 from /api/health (embedded PGlite + PostGIS, seed data)');
console.log(`medians of ${RUNS} rounds; load average (1, 5, 15 min) ${loadBefore} before, ${load()} after`);
for (const { command, first, later } of results) {
  console.log(`\`${command}\``);
  row('first start, empty data folder', first, 20);
  row('later start', later, 6);
}
