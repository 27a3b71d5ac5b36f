import { describe, expect, it } from 'vitest';
import { isFinished, pollDelay, progressPercent, progressStep, shouldAnnounce } from './progress';

const job = (status: 'queued' | 'running' | 'done' | 'failed', processed_rows: number, total_rows: number | null) => ({
  status,
  processed_rows,
  total_rows,
});

describe('import progress', () => {
  it('is indeterminate until the total is known, then whole percent, and 100 when done', () => {
    expect(progressPercent(job('queued', 0, null))).toBeNull();
    expect(progressPercent(job('running', 500, 1503))).toBe(33);
    expect(progressPercent(job('running', 1503, 1503))).toBe(100);
    expect(progressPercent(job('done', 0, null))).toBe(100);
    expect(progressPercent(job('failed', 0, 0))).toBe(0);
  });

  it('announces status changes and quarter steps only', () => {
    expect(shouldAnnounce(null, job('queued', 0, null))).toBe(true);
    expect(shouldAnnounce(job('queued', 0, null), job('running', 0, 1000))).toBe(true);
    expect(shouldAnnounce(job('running', 100, 1000), job('running', 200, 1000))).toBe(false);
    expect(shouldAnnounce(job('running', 200, 1000), job('running', 250, 1000))).toBe(true);
    expect(shouldAnnounce(job('running', 1000, 1000), job('done', 1000, 1000))).toBe(true);
    expect(progressStep(job('running', 749, 1000))).toBe(50);
  });

  it('stops polling when finished and polls more gently as time goes on', () => {
    expect(isFinished(job('done', 1, 1))).toBe(true);
    expect(isFinished(job('failed', 0, null))).toBe(true);
    expect(isFinished(job('running', 0, 1))).toBe(false);
    expect(pollDelay(0)).toBeLessThan(pollDelay(100));
  });
});
