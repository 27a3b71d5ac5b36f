import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

interface District {
  adcode: string;
  name: string;
  level: string;
  city: string | null;
  province: string;
  lng: number;
  lat: number;
  located: string;
  bbox: [number, number, number, number] | null;
}

describe.each(testEngines())('district search on %s', (engine) => {
  let app: App;
  withTestApp(engine, (opened) => ({ app } = opened));

  const find = async (q: string, limit?: number) => {
    const res = await app.inject(`/api/districts?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: District[] }>().items;
  };

  it('finds a county-level district by part of its name, placed in its city', async () => {
    const [haidian] = await find('海淀');
    expect(haidian).toMatchObject({ adcode: '110108', name: '海淀区', level: 'district', province: '北京市' });
    // Inside Beijing's urban area, wherever the point comes from.
    expect(haidian!.lng).toBeGreaterThan(115.9);
    expect(haidian!.lng).toBeLessThan(116.8);
    expect(haidian!.lat).toBeGreaterThan(39.6);
    expect(haidian!.lat).toBeLessThan(40.3);
    expect(['label', 'venues', 'parent']).toContain(haidian!.located);
  });

  it('gives a province and a city the bounds of their boundary, to frame them whole', async () => {
    const [beijing] = await find('北京市');
    const [minLng, minLat, maxLng, maxLat] = beijing!.bbox!;
    // Beijing municipality spans about 115.4–117.5 E and 39.4–41.1 N.
    expect(minLng).toBeGreaterThan(115.2);
    expect(minLng).toBeLessThan(115.7);
    expect(maxLng).toBeGreaterThan(117.2);
    expect(maxLng).toBeLessThan(117.7);
    expect(minLat).toBeGreaterThan(39.2);
    expect(minLat).toBeLessThan(39.6);
    expect(maxLat).toBeGreaterThan(40.8);
    expect(maxLat).toBeLessThan(41.3);
    const [guangzhou] = await find('广州市');
    expect(guangzhou!.bbox).not.toBeNull();
    // Beijing's districts have boundaries in the shipped data: Haidian's lies inside Beijing's.
    const [haidian] = await find('海淀区');
    const inner = haidian!.bbox!;
    expect(inner[0]).toBeGreaterThanOrEqual(minLng);
    expect(inner[2]).toBeLessThanOrEqual(maxLng);
    expect(inner[2] - inner[0]).toBeLessThan((maxLng - minLng) / 2);
  });

  it('ranks an exact name first, then prefixes, with larger divisions before smaller', async () => {
    const items = await find('北京市');
    expect(items[0]).toMatchObject({ name: '北京市', level: 'province' });
    const prefixed = await find('广州');
    expect(prefixed[0]).toMatchObject({ name: '广州市', level: 'city', province: '广东省' });
    expect(prefixed.every((d) => d.name.includes('广州'))).toBe(true);
  });

  it('answers no match with an empty list and treats LIKE characters literally', async () => {
    expect(await find('不存在的地方')).toEqual([]);
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('refuses an empty query and a bad limit with 4xx codes', async () => {
    for (const url of [
      '/api/districts',
      '/api/districts?q=',
      '/api/districts?q=%20',
      '/api/districts?q=a&limit=0',
      '/api/districts?q=a&limit=Infinity',
    ]) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code, url).toMatch(/^(INVALID_QUERY|INVALID_LIMIT)$/);
    }
  });
});
