/**
 * `npx tsx bench/import-health.ts -- --mb 49`: does the embedded server keep answering while it imports
 * a big file (issue 13 row 8)? On the embedded database (PGlite from the prepared seeded template, in
 * memory) the API listens on a port of 127.0.0.1, as `npm start` does; a forked process asks
 * `/api/health` every `--every` ms over its own connection from before the upload until the job ends;
 * an admin uploads a generated CSV (or `--format geojson`) of `--mb` megabytes through
 * POST /api/imports/venues. Prints the import's time and rows, and the health latencies (p50, p95, p99,
 * max, and how many answered in more than 100 ms) during the upload and during the job, with the load.
 * Not a test: figures depend on the machine; docs/PERFORMANCE.md keeps them.
 *
 * Options: --mb 49, --format csv|geojson, --every 50 (ms between health requests), --dry-run.
 */
import { fork } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDb } from '../db/client.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { readTemplate } from '../seeds/template.ts';
import { createActor } from '../tests/support/accounts.ts';
import { machine, percentileOf } from './booking-setup.ts';

interface Sample {
  /** When the request was sent, ms since the probe started. */
  at: number;
  ms: number;
  status: number;
}
type FromProbe = { ready: true } | { samples: Sample[] };

if (process.argv[2] === '--probe') {
  await probe(process.argv[3]!, Number(process.argv[4]));
} else {
  await main();
}

/** The forked client: one health request every `every` ms (never two at once), until told to stop. */
async function probe(base: string, every: number): Promise<void> {
  const samples: Sample[] = [];
  const started = performance.now();
  let stopping = false;
  process.on('message', () => {
    stopping = true;
  });
  process.send!({ ready: true } satisfies FromProbe);
  while (!stopping) {
    const sent = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    samples.push({ at: sent - started, ms: performance.now() - sent, status: res.status });
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  process.send!({ samples } satisfies FromProbe, () => process.exit(0));
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
    },
  });
  const mb = Number(values.mb);
  const format = values.format === 'geojson' ? 'geojson' : 'csv';
  const template = readTemplate('seeded');
  if (!template) throw new Error('no seeded PGlite template: run `npm install` (scripts/prepare-embedded.ts) first');
  console.log(`machine: ${machine()}`);

  const database = await createDb({ loadDataDir: template });
  const app = await buildApp({ database, config: loadConfig({ LOG_LEVEL: 'warn' }), web: false });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await createActor(database, { role: 'admin' });
  const file = format === 'csv' ? generateCsv(mb) : generateGeoJson(mb);
  const body = Buffer.from(file.text);
  console.log(`file: ${format}, ${(body.length / 1024 / 1024).toFixed(1)} MB, ${file.rows} rows`);

  const child = fork(new URL(import.meta.url).pathname, ['--probe', base, values.every], {
    execArgv: ['--import', 'tsx'],
  });
  const samples = new Promise<Sample[]>((resolve) =>
    child.on('message', (m: FromProbe) => {
      if ('samples' in m) resolve(m.samples);
    }),
  );
  await new Promise<void>((resolve) => child.once('message', () => resolve()));
  const t0 = performance.now();
  // A baseline: the same requests with nothing else running in the server.
  await new Promise((resolve) => setTimeout(resolve, 5000));

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
    ...(values['dry-run'] ? { dry_run: 'true' } : {}),
  });
  // How long the server's thread was held at a time: the event loop's delay, sampled every 10 ms.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const uploadStart = performance.now();
  const res = await fetch(`${base}/api/imports/venues?${query}`, {
    method: 'POST',
    headers: { ...admin.headers, 'content-type': format === 'csv' ? 'text/csv' : 'application/geo+json' },
    body,
  });
  const accepted = (await res.json()) as { id?: string; error?: unknown };
  const uploadEnd = performance.now();
  if (res.status !== 202 || !accepted.id) throw new Error(`upload answered ${res.status}: ${JSON.stringify(accepted)}`);
  console.log(`upload answered 202 in ${((uploadEnd - uploadStart) / 1000).toFixed(2)} s`);

  let job: { status: string; processed_rows: number; inserted: number; failed_rows: number; message?: string | null };
  for (;;) {
    const r = await fetch(`${base}/api/imports/${accepted.id}`, { headers: admin.headers });
    job = (await r.json()) as typeof job;
    if (job.status === 'done' || job.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const jobEnd = performance.now();
  loop.disable();
  console.log(
    `job ${job.status} in ${((jobEnd - uploadEnd) / 1000).toFixed(1)} s: ${job.processed_rows} rows, ` +
      `${job.inserted} inserted, ${job.failed_rows} bad${job.message ? ` (${job.message})` : ''}`,
  );
  child.send('stop');
  const all = await samples;
  const rel = (t: number) => t - t0;
  // The probe's clock started just before t0; close enough at these scales (a few ms).
  console.log(
    summary(
      'health before the upload',
      all.filter((s) => s.at < rel(uploadStart)),
    ),
  );
  console.log(
    summary(
      'health during the upload',
      all.filter((s) => s.at >= rel(uploadStart) && s.at < rel(uploadEnd)),
    ),
  );
  console.log(
    summary(
      'health during the job   ',
      all.filter((s) => s.at >= rel(uploadEnd) && s.at < rel(jobEnd)),
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
}
