import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { greatCircleMetres } from '../../domain/geo.ts';
import { namePinyin } from '../../domain/pinyin.ts';
import { kindMatchOf } from '../../domain/search-words.ts';
import { testEngines } from '../support/engines.ts';
import { everyItem, type ListPage, withTestApp } from '../support/http.ts';

interface Item {
  id: string;
  name: string;
  name_en: string | null;
  kinds: string[];
  themes: string[];
  lng: number;
  lat: number;
  distance_m: number | null;
  minors_admission: string;
}

describe.each(testEngines())('GET /api/venues on %s', (engine) => {
  let app: App;
  let all: Item[];

  const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  const page = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ListPage<Item>>();
  };
  /** Follows next_cursor to the end, `limit` rows at a time. */
  const everything = (url: string, limit: number) => everyItem<Item>(app, url, limit);

  withTestApp(engine, (opened) => ({ app } = opened));
  beforeAll(async () => {
    all = await everything('/api/venues', 200);
  });

  it('pages through all 225 seeded venues by name without repeats or gaps', async () => {
    expect(all).toHaveLength(225);
    const small = await everything('/api/venues', 7);
    expect(small.map((v) => v.id)).toEqual(all.map((v) => v.id));
    expect(new Set(small.map((v) => v.id)).size).toBe(225);
  });

  it('near Tiananmen within 3 km returns exactly the brute-force great-circle set, nearest first', async () => {
    const near = { lng: 116.3975, lat: 39.9087 };
    const { items } = await page('/api/venues?near=116.3975,39.9087&radius_m=3000&limit=200');
    const expected = all
      .filter((v) => greatCircleMetres(near, v) <= 3000)
      .map((v) => v.id)
      .sort();
    expect(items.map((v) => v.id).sort()).toEqual(expected);
    expect(items.length).toBeGreaterThan(5);
    for (const item of items) {
      expect(item.distance_m).not.toBeNull();
      expect(item.distance_m!).toBeLessThanOrEqual(3000);
      expect(Math.abs(item.distance_m! - greatCircleMetres(near, item))).toBeLessThan(0.5);
    }
    const distances = items.map((v) => v.distance_m!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('pages nearest-first results with a cursor, matching one big page', async () => {
    const url = '/api/venues?near=121.4737,31.2304&radius_m=50000';
    const big = await page(`${url}&limit=200`);
    const paged = await everything(url, 4);
    expect(paged.map((v) => v.id)).toEqual(big.items.map((v) => v.id));
  });

  it('q=博物 returns only venues whose name contains 博物, all of them', async () => {
    const items = await everything(`/api/venues?q=${encodeURIComponent('博物')}`, 200);
    const expected = all.filter((v) => v.name.includes('博物') || (v.name_en ?? '').toLowerCase().includes('博物'));
    expect(items.length).toBeGreaterThan(10);
    expect(items.map((v) => v.id).sort()).toEqual(expected.map((v) => v.id).sort());
    for (const item of items) expect(item.name).toContain('博物');
  });

  it.each(['馆', '宫', '科技馆', 'museum', 'MUSEUM'])(
    'q=%s matches the same venues a substring scan does',
    async (q) => {
      const items = await everything(`/api/venues?q=${encodeURIComponent(q)}`, 200);
      const needle = q.toLowerCase();
      // Names, the Chinese name's pinyin, and the venues of the kind a kind word names (科技馆, museum).
      const words = kindMatchOf(needle);
      const expected = all.filter(
        (v) =>
          `${v.name} ${v.name_en ?? ''}`.toLowerCase().includes(needle) ||
          namePinyin(v.name).namePinyin.includes(needle) ||
          namePinyin(v.name).nameInitials.includes(needle) ||
          (words !== undefined &&
            (v.kinds.some((k) => (words.kinds as string[]).includes(k)) ||
              v.themes.some((t) => (words.themes as string[]).includes(t)))),
      );
      expect(items.map((v) => v.id).sort()).toEqual(expected.map((v) => v.id).sort());
      expect(items.length).toBeGreaterThan(0);
    },
  );

  it('filters by bbox, kinds and free admission for minors', async () => {
    const bbox = [116.3, 39.85, 116.45, 39.95] as const;
    const { items } = await page(`/api/venues?bbox=${bbox.join(',')}&kinds=museum,library&free=true&limit=200`);
    const expected = all.filter(
      (v) =>
        v.lng >= bbox[0] &&
        v.lng <= bbox[2] &&
        v.lat >= bbox[1] &&
        v.lat <= bbox[3] &&
        v.kinds.some((k) => k === 'museum' || k === 'library') &&
        v.minors_admission === 'free',
    );
    expect(items.map((v) => v.id).sort()).toEqual(expected.map((v) => v.id).sort());
    expect(items.length).toBeGreaterThan(0);
  });

  it('answers GeoJSON for Accept: application/geo+json', async () => {
    const res = await get('/api/venues?q=%E6%95%85%E5%AE%AB&limit=5', { accept: 'application/geo+json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = res.json<{ type: string; features: { geometry: { coordinates: number[] }; properties: Item }[] }>();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.length).toBeGreaterThan(0);
    const [f] = body.features;
    expect(f!.geometry.coordinates).toEqual([f!.properties.lng, f!.properties.lat]);
  });

  it.each([
    ['near=abc', 'INVALID_NEAR'],
    ['near=200,10', 'INVALID_NEAR'],
    ['near=116,39&radius_m=-5', 'INVALID_RADIUS'],
    ['near=116,39&radius_m=abc', 'INVALID_RADIUS'],
    ['radius_m=100', 'RADIUS_WITHOUT_NEAR'],
    ['bbox=1,2,3', 'INVALID_BBOX'],
    ['bbox=116.5,39,116.2,40', 'INVALID_BBOX'],
    ['limit=100000', 'INVALID_LIMIT'],
    ['limit=0', 'INVALID_LIMIT'],
    ['limit=ten', 'INVALID_LIMIT'],
    ['kinds=zoo', 'UNKNOWN_KIND'],
    ['kinds=museum,spaceport', 'UNKNOWN_KIND'],
    ['free=maybe', 'INVALID_FREE'],
    ['cursor=not-a-cursor', 'INVALID_CURSOR'],
    [`q=${'长'.repeat(101)}`, 'INVALID_QUERY'],
    ['unknown=1', 'VALIDATION_FAILED'],
  ])('%s answers 400 %s', async (query, code) => {
    const res = await get(`/api/venues?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code } });
  });

  it('a cursor from one query is refused by another', async () => {
    const first = await page('/api/venues?q=%E9%A6%86&limit=2');
    const res = await get(`/api/venues?q=%E5%AE%AB&limit=2&cursor=${encodeURIComponent(first.next_cursor!)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CURSOR' } });
  });

  it('GET /api/venues/{id} returns the detail with district names and designations', async () => {
    const museum = all.find((v) => v.name === '中国国家博物馆')!;
    const res = await get(`/api/venues/${museum.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: museum.id,
      name: '中国国家博物馆',
      district: { adcode: '110101', name: '东城区', province: '北京市' },
      minors_admission: 'free',
      provenance: { source: 'kaimen-curated', source_ref: 'bj-001' },
      accessibility: { wheelchair: null },
    });
    expect(body.designations.map((d: { title: string }) => d.title)).toContain('国家一级博物馆');
  });

  it('GET /api/venues/{id} answers 404 VENUE_NOT_FOUND and 400 INVALID_ID', async () => {
    const missing = await get('/api/venues/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'VENUE_NOT_FOUND' } });
    const bad = await get('/api/venues/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'INVALID_ID' } });
  });
});
