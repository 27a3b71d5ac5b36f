/**
 * `npx tsx bench/import-health.ts -- --mb 49`: does the embedded server keep answering while it imports
 * a big file (issue 13 row 8)? The API runs as `npm start` runs it: on the embedded database in a data
 * folder on disk (a temporary one, made from the prepared seeded template, removed afterwards; `--memory`
 * keeps it in memory instead), listening on a port of 127.0.0.1, alone in this process. Two forked
 * processes are the clients, so their work never holds the server's thread: one asks `/api/health` every
 * `--every` ms over its own connection from before the upload until the job ends; the other generates a
 * CSV (or `--format geojson`) of `--mb` megabytes, uploads it as an admin through POST
 * /api/imports/venues and follows the job. Prints the import's time and rows, the health latencies (p50,
 * p95, p99, max, and how many answered in more than 100 ms) before, during the upload and during the job,
 * the server's event-loop delay (how long its thread was held at a time), and the load.
 * Not a test: figures depend on the machine; docs/PERFORMANCE.md keeps them.
 *
 * Options: --mb 49, --format csv|geojson, --every 50 (ms between health requests), --dry-run, --memory.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { readTemplate } from '../seeds/template.ts';
import { createActor } from '../tests/support/accounts.ts';
import { machine, percentileOf } from './booking-setup.ts';

/** Milliseconds since the epoch, comparable across the bench's processes. */
const clock = (): number => performance.timeOrigin + performance.now();

interface Sample {
  /** When the request was sent (clock()). */
  at: number;
  ms: number;
  status: number;
}
type FromProbe = { ready: true } | { samples: Sample[] };

interface UploadOrder {
  base: string;
  headers: Record<string, string>;
  format: 'csv' | 'geojson';
  mb: number;
  dryRun: boolean;
}
interface JobAnswer {
  status: string;
  processed_rows: number;
  inserted: number;
  failed_rows: number;
  message?: string | null;
}
type FromUploader =
  | { file: { bytes: number; rows: number }; uploadStart: number }
  | { uploadEnd: number; status: number; answer: string }
  | { jobEnd: number; job: JobAnswer };

if (process.argv[2] === '--probe') {
  await probe(process.argv[3]!, Number(process.argv[4]));
} else if (process.argv[2] === '--upload') {
  process.once('message', (order: UploadOrder) => void upload(order));
} else {
  await main();
}

/** The forked health client: one request every `every` ms (never two at once), until told to stop. */
async function probe(base: string, every: number): Promise<void> {
  const samples: Sample[] = [];
  let stopping = false;
  process.on('message', () => {
    stopping = true;
  });
  process.send!({ ready: true } satisfies FromProbe);
  while (!stopping) {
    const sent = clock();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    samples.push({ at: sent, ms: clock() - sent, status: res.status });
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  process.send!({ samples } satisfies FromProbe, () => process.exit(0));
}

/** The forked admin: makes the file, uploads it, and follows the job to its end. */
async function upload({ base, headers, format, mb, dryRun }: UploadOrder): Promise<void> {
  const tell = (message: FromUploader) => new Promise<void>((resolve) => process.send!(message, () => resolve()));
  const file = format === 'csv' ? generateCsv(mb) : generateGeoJson(mb);
  const body = Buffer.from(file.text);
  const mapping = {
    name_zh: 'name',
    lng: 'lng',
    lat: 'lat',
    kinds: 'kind',
    source_ref: 'ref',
    address_zh: 'address',
    admission_rule: 'rule',
  };
  const query = new URLSearchParams({
    crs: 'wgs84',
    source: `bench-import-${Date.now()}`,
    mapping: JSON.stringify(mapping),
    ...(dryRun ? { dry_run: 'true' } : {}),
  });
  await tell({ file: { bytes: body.length, rows: file.rows }, uploadStart: clock() });
  const res = await fetch(`${base}/api/imports/venues?${query}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': format === 'csv' ? 'text/csv' : 'application/geo+json' },
    body,
  });
  const answer = await res.text();
  await tell({ uploadEnd: clock(), status: res.status, answer });
  const id = res.status === 202 ? (JSON.parse(answer) as { id: string }).id : null;
  if (!id) process.exit(0);
  for (;;) {
    const r = await fetch(`${base}/api/imports/${id}`, { headers });
    const job = (await r.json()) as JobAnswer;
    if (job.status === 'done' || job.status === 'failed') {
      await tell({ jobEnd: clock(), job });
      process.exit(0);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A CSV of about `mb` megabytes: venues across China with long but valid addresses and rules. */
function generateCsv(mb: number): { text: string; rows: number } {
  const lines = ['name,lng,lat,kind,ref,address,rule'];
  let size = lines[0]!.length + 1;
  const filler = '某某路某某号附近，乘坐公交车到站后步行约五分钟即到。'.repeat(12);
  let i = 0;
  while (size < mb * 1024 * 1024) {
    const lng = (100 + (i % 2000) * 0.01).toFixed(4);
    const lat = (25 + Math.floor(i / 2000) * 0.01).toFixed(4);
    const line = `压测导入馆${i},${lng},${lat},museum,imp-${i},"${filler}${i}","${filler}"`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    i++;
  }
  return { text: `${lines.join('\n')}\n`, rows: i };
}

function generateGeoJson(mb: number): { text: string; rows: number } {
  const { rows } = generateCsv(mb);
  const filler = '某某路某某号附近，乘坐公交车到站后步行约五分钟即到。'.repeat(12);
  const features: string[] = [];
  for (let i = 0; i < rows; i++) {
    const lng = 100 + (i % 2000) * 0.01;
    const lat = 25 + Math.floor(i / 2000) * 0.01;
    features.push(
      JSON.stringify({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [lng, lat] },
        properties: { name: `压测导入馆${i}`, kind: 'museum', ref: `imp-${i}`, address: `${filler}${i}`, rule: filler },
      }),
    );
  }
  return { text: `{"type":"FeatureCollection","features":[${features.join(',')}]}`, rows };
}

function summary(label: string, samples: Sample[]): string {
  if (samples.length === 0) return `${label}: no samples`;
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const slow = sorted.filter((ms) => ms > 100).length;
  const errors = samples.filter((s) => s.status !== 200).length;
  const f = (ms: number) => `${ms.toFixed(1)} ms`;
  return (
    `${label}: ${samples.length} requests, p50 ${f(percentileOf(sorted, 50))}, p95 ${f(percentileOf(sorted, 95))}, ` +
    `p99 ${f(percentileOf(sorted, 99))}, max ${f(sorted.at(-1)!)}, over 100 ms: ${slow}, not 200: ${errors}`
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    options: {
      mb: { type: 'string', default: '49' },
      format: { type: 'string', default: 'csv' },
      every: { type: 'string', default: '50' },
      'dry-run': { type: 'boolean', default: false },
      memory: { type: 'boolean', default: false },
    },
  });
  const template = readTemplate('seeded');
  if (!template) throw new Error('no seeded PGlite template: run `npm install` (scripts/prepare-embedded.ts) first');
  console.log(`machine: ${machine()}`);

  const folder = values.memory ? undefined : mkdtempSync(join(tmpdir(), 'kaimen-import-bench-'));
  console.log(`database: embedded, ${folder ? `data folder ${folder} (on disk, as npm start)` : 'in memory'}`);
  const database = await createDb({ loadDataDir: template, ...(folder ? { dataDir: folder } : {}) });
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'warn' }), web: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await createActor(database, { role: 'admin' });
  const forkSelf = (args: string[]): ChildProcess =>
    fork(new URL(import.meta.url).pathname, args, { execArgv: ['--import', 'tsx'] });

  const prober = forkSelf(['--probe', base, values.every]);
  const samples = new Promise<Sample[]>((resolve) =>
    prober.on('message', (m: FromProbe) => {
      if ('samples' in m) resolve(m.samples);
    }),
  );
  await new Promise<void>((resolve) => prober.once('message', () => resolve()));
  // A baseline: the same requests with nothing else running in the server.
  await new Promise((resolve) => setTimeout(resolve, 5000));

  // How long the server's thread was held at a time: the event loop's delay, sampled every 10 ms.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const uploader = forkSelf(['--upload']);
  let uploadStart = 0;
  let uploadEnd = 0;
  const jobEnd = await new Promise<number>((resolve, reject) => {
    uploader.on('message', (m: FromUploader) => {
      if ('file' in m) {
        loop.enable();
        uploadStart = m.uploadStart;
        console.log(`file: ${values.format}, ${(m.file.bytes / 1024 / 1024).toFixed(1)} MB, ${m.file.rows} rows`);
      } else if ('uploadEnd' in m) {
        uploadEnd = m.uploadEnd;
        if (m.status !== 202) return reject(new Error(`upload answered ${m.status}: ${m.answer}`));
        console.log(`upload answered 202 in ${((uploadEnd - uploadStart) / 1000).toFixed(2)} s`);
      } else {
        const { job } = m;
        console.log(
          `job ${job.status} in ${((m.jobEnd - uploadEnd) / 1000).toFixed(1)} s: ${job.processed_rows} rows, ` +
            `${job.inserted} inserted, ${job.failed_rows} bad${job.message ? ` (${job.message})` : ''}`,
        );
        resolve(m.jobEnd);
      }
    });
    uploader.send({
      base,
      headers: admin.headers,
      format: values.format === 'geojson' ? 'geojson' : 'csv',
      mb: Number(values.mb),
      dryRun: values['dry-run'],
    } satisfies UploadOrder);
  });
  loop.disable();
  prober.send('stop');
  const all = await samples;
  console.log(
    summary(
      'health before the upload',
      all.filter((s) => s.at < uploadStart),
    ),
  );
  console.log(
    summary(
      'health during the upload',
      all.filter((s) => s.at >= uploadStart && s.at < uploadEnd),
    ),
  );
  console.log(
    summary(
      'health during the job   ',
      all.filter((s) => s.at >= uploadEnd && s.at < jobEnd),
    ),
  );
  const ms = (ns: number) => `${(ns / 1e6).toFixed(0)} ms`;
  console.log(
    `server event-loop delay during upload and job: p50 ${ms(loop.percentile(50))}, p99 ${ms(loop.percentile(99))}, ` +
      `max ${ms(loop.max)}`,
  );
  console.log(`after: ${machine()}`);
  await app.close();
  await database.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
}
