import { afterAll, beforeAll } from 'vitest';

/**
 * Opens something before the suite's tests and closes it after them. `bind` gets it once open, for the
 * suite to keep (an assignment such as `(opened) => ({ app, database } = opened)`), and may prepare more
 * with it. Hooks the suite adds later run after the opening and before the closing: vitest runs afterAll
 * hooks in the reverse order of their registration.
 */
export function openForSuite<T>(
  open: () => Promise<T>,
  close: (opened: T) => Promise<void>,
  bind: (opened: T) => unknown,
): void {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
    await bind(opened);
  });
  afterAll(async () => {
    if (opened !== undefined) await close(opened);
  });
}
