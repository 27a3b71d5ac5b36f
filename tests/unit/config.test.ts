import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to port 3000 on 127.0.0.1, the embedded database under ./data and auto seeding', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir.endsWith('data/pglite')).toBe(true);
    expect(config.seed).toBe('auto');
    expect(config.basemapStyleUrl).toBeUndefined();
  });

  it('reads PORT, HOST, DATABASE_URL, KAIMEN_DATA_DIR and BASEMAP_STYLE_URL', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@h/db',
      KAIMEN_DATA_DIR: '/tmp/x',
      BASEMAP_STYLE_URL: 'https://example.org/style.json',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@h/db',
      dataDir: '/tmp/x',
      basemapStyleUrl: 'https://example.org/style.json',
    });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ KAIMEN_SEED: 'sometimes' }, /KAIMEN_SEED/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ BASEMAP_STYLE_URL: 'ftp://x' }, /BASEMAP_STYLE_URL/],
  ])('rejects %j with a ConfigError naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
