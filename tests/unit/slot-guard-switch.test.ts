import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../db/client.ts';

describe('the slot guard switch (race tests’ positive control)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is refused when NODE_ENV=production, before any database is opened', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', slotGuard: false })).rejects.toThrow(
      /test-only switch/,
    );
  });
});
