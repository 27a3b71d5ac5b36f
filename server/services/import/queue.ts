/**
 * The in-process import queue (venues and schools): one job at a time, in the order they came, so two imports never race
 * for the same rows and a big file cannot starve the database of connections. The queue holds only
 * the files waiting in memory; status and progress live in the job rows.
 */
import type { Db } from '../../../db/client.ts';
import { failStaleImportJobs, failUnfinishedImportJobs, heartbeatImportJobs } from '../../../db/queries/imports.ts';
import { runSchoolImport, type SchoolImportOptions } from './import-schools.ts';
import { runImport, type ImportOptions } from './import-venues.ts';
import { invalidateVenueTiles } from '../tile-cache.ts';
import type { ImportSource } from './source.ts';

/**
 * Every job holds a lease on the database: its owner renews it (heartbeat_at) this often, while the job
 * waits and while it runs (the work yields between steps, so the timer gets its turn).
 */
export const HEARTBEAT_MS = 10_000;
/**
 * A queued or running job whose lease has not been renewed for this long belonged to a process that is
 * gone (a crash, a kill): it is failed with a message saying so, at start and by every process's sweep.
 * It cannot resume: its file lived only in that process's memory.
 */
export const LEASE_MS = 45_000;
interface Logger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** A job waiting with its file: a venue import (no `entity`, as before schools) or a school import. */
type QueuedImport =
  | { entity?: 'venues'; jobId: string; file: ImportSource; options: Omit<ImportOptions, 'signal'> }
  | { entity: 'schools'; jobId: string; file: ImportSource; options: Omit<SchoolImportOptions, 'signal'> };

export class ImportQueue {
  readonly #waiting: QueuedImport[] = [];
  #current: string | undefined;
  #draining: Promise<void> | undefined;
  readonly #abort = new AbortController();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {
    // Renew our jobs' leases, then fail jobs whose lease expired (their process is gone): a crashed
    // process's job shows as failed within LEASE_MS + HEARTBEAT_MS, not only at the next start.
    this.#heartbeat = setInterval(() => {
      heartbeatImportJobs(this.db, this.jobIds())
        .then(() => this.recoverStaleJobs())
        .catch((err: unknown) => this.log.warn({ err }, 'import heartbeat failed'));
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  /** Fails jobs a crashed process left queued or running (lease expired); at start and every heartbeat. */
  async recoverStaleJobs(): Promise<void> {
    const failed = await failStaleImportJobs(this.db, LEASE_MS);
    if (failed > 0) this.log.warn({ failed }, 'marked interrupted import jobs failed');
  }

  /** Adds a job (already recorded as queued); it starts when the ones before it have finished. */
  enqueue(job: QueuedImport): void {
    if (this.#abort.signal.aborted) throw new Error('the import queue is closed');
    this.#waiting.push(job);
    this.#draining ??= this.#drain();
  }

  /** Ids of the running job and those waiting. */
  jobIds(): string[] {
    return [...(this.#current ? [this.#current] : []), ...this.#waiting.map((j) => j.jobId)];
  }

  async #drain(): Promise<void> {
    for (let job = this.#waiting.shift(); job; job = this.#waiting.shift()) {
      this.#current = job.jobId;
      try {
        const signal = this.#abort.signal;
        if (job.entity === 'schools') await runSchoolImport(this.db, job.jobId, job.file, { ...job.options, signal });
        else await runImport(this.db, job.jobId, job.file, { ...job.options, signal });
      } catch (err) {
        // runImport has marked the job failed; the cause is for the operator, not the client.
        if (!this.#abort.signal.aborted) this.log.error({ err, jobId: job.jobId }, 'import job failed');
      } finally {
        this.#current = undefined;
        // Batches committed even when the job failed later: cached cluster tiles must not hide them.
        invalidateVenueTiles({ db: this.db });
      }
    }
    this.#draining = undefined;
  }

  /**
   * Stops taking jobs, stops the running one after its current batch, and marks the waiting ones
   * failed, so no job is left looking busy after the server has gone.
   */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    this.#abort.abort();
    const waiting = this.#waiting.splice(0).map((j) => j.jobId);
    await failUnfinishedImportJobs(this.db, waiting, 'stopped: the server shut down before the import started');
    await this.#draining;
  }
}
