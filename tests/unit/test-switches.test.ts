/**
 * The switches for tests and load tests are refused in production: `KAIMEN_RATE_LIMITS=off` (lifts the
 * login and sign-up limits) and `createDb({ slotGuard: false })` (the race tests' positive control).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../db/client.ts';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('KAIMEN_RATE_LIMITS', () => {
  it('is on by default and when set to on', () => {
    expect(loadConfig({}).rateLimits).toBe(true);
    expect(loadConfig({ KAIMEN_RATE_LIMITS: 'on', NODE_ENV: 'production' }).rateLimits).toBe(true);
  });

  it('off lifts the limits outside production', () => {
    expect(loadConfig({ KAIMEN_RATE_LIMITS: 'off' }).rateLimits).toBe(false);
    expect(loadConfig({ KAIMEN_RATE_LIMITS: 'off', NODE_ENV: 'test' }).rateLimits).toBe(false);
  });

  it('off is refused with NODE_ENV=production, naming the variable', () => {
    const production = { KAIMEN_RATE_LIMITS: 'off', NODE_ENV: 'production' };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/KAIMEN_RATE_LIMITS=off .*NODE_ENV=production/);
  });

  it('any other value is refused', () => {
    expect(() => loadConfig({ KAIMEN_RATE_LIMITS: 'no' })).toThrow(/KAIMEN_RATE_LIMITS must be on or off/);
  });
});

describe('createDb({ slotGuard: false })', () => {
  // postgres.js connects on the first query only, so nothing here reaches a server.
  const url = 'postgres://nobody@127.0.0.1:1/none';
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is refused when NODE_ENV=production', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(createDb({ databaseUrl: url, slotGuard: false })).rejects.toThrow(/slotGuard.*NODE_ENV=production/);
    await expect(createDb({ slotGuard: false })).rejects.toThrow(/NODE_ENV=production/);
  });

  it('with the guard on, opens in production as anywhere', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const database = await createDb({ databaseUrl: url, slotGuard: true });
    await database.close();
  });

  it('is allowed outside production (the race tests use it)', async () => {
    vi.stubEnv('NODE_ENV', 'test');
    const database = await createDb({ databaseUrl: url, slotGuard: false });
    await database.close();
  });
});

describe('createDb({ photoLock: false })', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is refused when NODE_ENV=production, before any database is opened', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    await expect(createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', photoLock: false })).rejects.toThrow(
      /photoLock.*NODE_ENV=production/,
    );
  });
});
