/**
 * How far an import job has come, for the progress bar and for what a screen reader hears: the bar moves
 * with every poll, but the live region speaks only at quarter steps and when the status changes, so a
 * long import does not talk over everything else.
 */
import type { ImportJob } from './api';

/** The job is finished, one way or the other: polling stops. */
export function isFinished(job: Pick<ImportJob, 'status'>): boolean {
  return job.status === 'done' || job.status === 'failed';
}

/** Whole percent of rows handled, or null while the total is not known yet (the bar is indeterminate). */
export function progressPercent(job: Pick<ImportJob, 'status' | 'total_rows' | 'processed_rows'>): number | null {
  if (job.status === 'done') return 100;
  if (job.total_rows === null) return null;
  if (job.total_rows === 0) return job.status === 'failed' ? 0 : 100;
  return Math.min(100, Math.floor((job.processed_rows / job.total_rows) * 100));
}

/** The last quarter step reached (0, 25, 50, 75 or 100), or null before the total is known. */
export function progressStep(job: Pick<ImportJob, 'status' | 'total_rows' | 'processed_rows'>): number | null {
  const percent = progressPercent(job);
  return percent === null ? null : Math.floor(percent / 25) * 25;
}

/**
 * Whether moving from `before` to `after` is worth announcing: a new status, or a new quarter step
 * while running. The first sight of a job is always announced.
 */
export function shouldAnnounce(
  before: Pick<ImportJob, 'status' | 'total_rows' | 'processed_rows'> | null,
  after: Pick<ImportJob, 'status' | 'total_rows' | 'processed_rows'>,
): boolean {
  if (!before || before.status !== after.status) return true;
  return after.status === 'running' && progressStep(before) !== progressStep(after);
}

/** Milliseconds to wait before the next poll: quick at first, then gentler for long imports. */
export function pollDelay(polls: number): number {
  return polls < 20 ? 300 : polls < 60 ? 1000 : 2000;
}
