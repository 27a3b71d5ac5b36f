/**
 * The loop every import job runs, whatever it loads: count the file's rows, mark the job running, hand
 * the rows to a loader in batches (each batch checked, written in its own transaction and recorded with
 * the job's progress), and finish the job as done or failed. Venue and school imports differ only in
 * their loader.
 */
import { isEmbedded, type Db } from '../../../db/client.ts';
import { finishImportJob, getImportJob, markImportJobRunning, type ImportJobRow } from '../../../db/queries/imports.ts';
import type { SourceRow } from './rows.ts';
import type { ImportSource } from './source.ts';

/** Rows per transaction and per progress update on PostgreSQL (its queries run on the server, not here). */
export const BATCH_SIZE = 500;
/**
 * Rows per transaction on the embedded database. PGlite's queries run on this thread: a 500-row batch's
 * district lookup or upsert held it for 0.3–5 s on the loaded 2-core machine, and every other request
 * with it. 50 rows keep each query a few tens of milliseconds, with a turn of the event loop between
 * queries (yieldTurn), so /api/health keeps answering during a 49 MB import (docs/PERFORMANCE.md; 25
 * rows answered no faster and took twice as long).
 */
export const EMBEDDED_BATCH_SIZE = 50;

/** The batch size for this database. */
export const batchSizeFor = (db: Db): number => (isEmbedded(db) ? EMBEDDED_BATCH_SIZE : BATCH_SIZE);

/**
 * Gives the event loop a turn (timers, sockets: other requests, the jobs' heartbeat) before going on,
 * and honours an abort there when given one. Loaders call it between the queries of a batch, without the
 * signal: a batch once begun is finished and recorded.
 */
export async function yieldTurn(signal?: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  signal?.throwIfAborted();
}

/** Loads one job's batches in order; `finish` runs once after the last one, before the job is done. */
export interface BatchLoader {
  load(batch: SourceRow[]): Promise<void>;
  finish?(): Promise<void>;
}

/**
 * Runs a queued job to the end and answers it. Bad rows do not fail the job; an unexpected error (the
 * database gone, an abort) marks it failed with a message for the client and is rethrown for the log.
 */
export async function runImportJob(
  db: Db,
  jobId: string,
  file: ImportSource,
  options: { dryRun: boolean; signal?: AbortSignal | undefined },
  loaderFor: (totalRows: number) => BatchLoader,
): Promise<ImportJobRow> {
  try {
    const totalRows = await file.countRows();
    await markImportJobRunning(db, jobId, totalRows);
    const loader = loaderFor(totalRows);
    const batchSize = batchSizeFor(db);
    let batch: SourceRow[] = [];
    for (const row of file.rows()) {
      batch.push(row);
      if (batch.length < batchSize) continue;
      await loader.load(await nextTurn(batch, options.signal));
      batch = [];
    }
    if (batch.length > 0) await loader.load(await nextTurn(batch, options.signal));
    await loader.finish?.();
    await finishImportJob(db, jobId, { status: 'done' });
  } catch (error) {
    const message = options.signal?.aborted
      ? 'stopped: the server shut down during the import; start it again'
      : `the import stopped on an unexpected error (logged on the server)${options.dryRun ? '' : '; the batches before it are loaded'}`;
    await finishImportJob(db, jobId, { status: 'failed', message }).catch(() => {});
    throw error;
  }
  return (await getImportJob(db, { id: jobId }))!;
}

/**
 * Waits for the event loop's next turn before a batch, then answers it. PGlite runs in this thread and
 * its queries resolve without giving timers and sockets a turn, so without this an embedded import
 * would hold every other request until it ends. An abort is honoured here, before a batch rather than
 * after, so a job whose last batch is in finishes as done.
 */
async function nextTurn<T>(batch: T, signal: AbortSignal | undefined): Promise<T> {
  await yieldTurn(signal);
  return batch;
}
