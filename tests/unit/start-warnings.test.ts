import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startWarnings } from '../../server/start-warnings.ts';

describe('start-up warnings', () => {
  it('say nothing for demo mode on loopback, the default', () => {
    expect(startWarnings(loadConfig({}))).toEqual([]);
    for (const host of ['127.0.0.1', 'localhost', '::1', '127.0.1.1']) {
      expect(startWarnings(loadConfig({ HOST: host })), host).toEqual([]);
    }
  });

  it('say loudly that demo mode on a reachable address exposes the demo accounts', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20']) {
      const text = startWarnings(loadConfig({ HOST: host })).join('\n');
      expect(text, host).toMatch(/WARNING: DEMO MODE \(KAIMEN_DEMO=on\) IS LISTENING ON HOST=/);
      expect(text).toContain(`HOST=${host}`);
      expect(text).toMatch(/dev mailbox/);
    }
  });

  it('say nothing about demo mode when it is off', () => {
    expect(startWarnings(loadConfig({ HOST: '0.0.0.0', KAIMEN_DEMO: 'off' }))).toEqual([]);
    expect(startWarnings(loadConfig({ HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@h/db' }))).toEqual([]);
  });

  it('still warn about rate limits being off', () => {
    expect(startWarnings(loadConfig({ KAIMEN_RATE_LIMITS: 'off' })).join('\n')).toMatch(/KAIMEN_RATE_LIMITS=off/);
  });
});
