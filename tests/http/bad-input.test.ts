import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';
import { seededRandom } from '../support/random.ts';

const NASTY = [
  '',
  ' ',
  'abc',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '0x10',
  '1,2',
  '1,2,3,4',
  '181,91',
  '-181,-91,181,91',
  "' OR 1=1 --",
  '%00',
  '\u0000',
  '博物馆',
  '馆'.repeat(200),
  '\\',
  '%',
  '_',
  '[]',
  '{}',
  'true',
  'false',
  '-1',
  '99999999999999999999',
  '0.0000001',
];
const PARAMS = ['near', 'radius_m', 'bbox', 'q', 'kinds', 'free', 'limit', 'cursor', 'sort', 'x'];

describe.each(testEngines())('bad input on %s', (engine) => {
  let app: App;
  withTestApp(engine, (opened) => ({ app } = opened));

  it('300 random malformed searches never answer 5xx, and every 4xx has an error code', async () => {
    const random = seededRandom(20261128);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 300; i++) {
      const params = new URLSearchParams();
      const count = 1 + Math.floor(random() * 3);
      for (let j = 0; j < count; j++) params.append(pick(PARAMS), pick(NASTY));
      const url = `/api/venues?${params.toString()}`;
      const res = await app.inject(url);
      expect(res.statusCode, url).toBeLessThan(500);
      if (res.statusCode >= 400) expect(res.json().error.code, url).toMatch(/^[A-Z_]+$/);
    }
  });

  it.each([
    '/api/venues/%00',
    '/api/venues/' + 'a'.repeat(2000),
    "/api/venues/1'%20OR%20'1'='1",
    '/api/basemap/..%2F..%2Fpackage.json',
    '/api/basemap/__proto__',
    '/api/basemap/constructor',
  ])('%s answers 4xx', async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
