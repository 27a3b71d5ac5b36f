import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('TRUST_PROXY', () => {
  it('is off by default and for off/false/0', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const off of ['off', 'false', '0', ' ']) expect(loadConfig({ TRUST_PROXY: off }).trustProxy).toBe(false);
  });

  it('refuses a hop count, which cannot tell a proxy from a client reaching Kaimen directly', () => {
    for (const hops of ['1', '2', '11']) {
      expect(() => loadConfig({ TRUST_PROXY: hops }), hops).toThrow(/hop count cannot tell a proxy from a client/);
    }
  });

  it('takes a list of addresses, CIDR ranges and proxy-addr names', () => {
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses the old `on` (any client could choose its address) with a message saying what to set', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'on' })).toThrow(/addresses of the reverse proxies in front of Kaimen/);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(ConfigError);
  });

  it('refuses anything that is not an address or a range', () => {
    for (const bad of ['proxy.example.org', '10.0.0.0/33', '10.0.0.1/8/2', '1.2.3', '127.0.0.1,,', '-1']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(ConfigError);
    }
  });
});
