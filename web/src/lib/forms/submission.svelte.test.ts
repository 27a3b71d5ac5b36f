import { describe, expect, it } from 'vitest';
import { Submission } from './submission.svelte';

const words = (error: unknown) => `failed: ${(error as Error).message}`;

describe('Submission', () => {
  it('is busy while the work runs and remembers a success', async () => {
    const submission = new Submission(words);
    let release: () => void = () => {};
    const running = submission.run(() => new Promise<void>((resolve) => (release = resolve)));
    expect(submission.busy).toBe(true);
    release();
    expect(await running).toBe(true);
    expect(submission).toMatchObject({ busy: false, error: null, succeeded: true, failures: 0 });
  });

  it('words a failure, counts it, and clears it on the next attempt', async () => {
    const submission = new Submission(words);
    expect(await submission.run(() => Promise.reject(new Error('409')))).toBe(false);
    expect(submission).toMatchObject({ busy: false, error: 'failed: 409', succeeded: false, failures: 1 });
    submission.fail('name missing');
    expect(submission.failures).toBe(2);
    await submission.run(() => Promise.resolve());
    expect(submission.error).toBeNull();
  });

  it('announces a success in the words given, or worded from what the work answered', async () => {
    const submission = new Submission(words);
    await submission.run(
      () => Promise.resolve(3),
      (n) => `${n} slots published`,
    );
    expect(submission.notice).toBe('3 slots published');
    await submission.run(() => Promise.reject(new Error('409')), 'saved');
    expect(submission.notice).toBeNull();
  });
});
