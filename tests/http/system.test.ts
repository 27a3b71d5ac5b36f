import { describe, expect, it } from 'vitest';
import type { App } from '../../server/app.ts';
import { testEngines } from '../support/engines.ts';
import { withTestApp } from '../support/http.ts';

describe.each(testEngines())('system routes on %s', (engine) => {
  let app: App;
  withTestApp(engine, (opened) => ({ app } = opened), { env: { BASEMAP_STYLE_URL: 'https://example.org/style.json' } });

  it('GET /api/health names the engine and the PostGIS version', async () => {
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: engine, postgis: expect.stringMatching(/^3\.\d+/) });
  });

  it('GET /api/openapi.json documents every API route with tags, summary and operationId', async () => {
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<string, Record<string, { tags?: string[]; summary?: string; operationId?: string }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/venues', '/api/venues/{id}', '/api/config', '/api/basemap/{layer}']),
    );
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        expect(op.tags?.length, `${method} ${path} tags`).toBeGreaterThan(0);
        expect(op.summary, `${method} ${path} summary`).toBeTruthy();
        expect(op.operationId, `${method} ${path} operationId`).toBeTruthy();
      }
    }
  });

  it('GET /api/docs serves the interactive documentation', async () => {
    const res = await app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('GET /api/config tells the client which base-map style to use', async () => {
    expect((await app.inject('/api/config')).json()).toEqual({ basemap_style_url: 'https://example.org/style.json' });
  });

  it('GET /api/basemap/provinces.geojson serves the shipped boundaries with an ETag', async () => {
    const res = await app.inject('/api/basemap/provinces.geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.json().features).toHaveLength(34);
    const again = await app.inject({
      url: '/api/basemap/provinces.geojson',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const missing = await app.inject('/api/basemap/rivers.geojson');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'BASEMAP_LAYER_NOT_FOUND' } });
  });

  it("GET /api/basemap/labels.geojson names provinces, prefectures and the municipalities' districts at points", async () => {
    const res = await app.inject('/api/basemap/labels.geojson');
    expect(res.statusCode).toBe(200);
    const features = res.json().features as {
      properties: { name: string; level: string };
      geometry: { type: string };
    }[];
    const level = (name: string) => features.find((f) => f.properties.name === name)?.properties.level;
    expect(level('北京')).toBe('province');
    expect(level('合肥市')).toBe('prefecture');
    expect(level('海淀区')).toBe('district');
    expect(features.every((f) => f.geometry.type === 'Point')).toBe(true);
    expect(features.length).toBeGreaterThan(500);
  });

  it('every answer carries the security headers: no framing, no sniffing, no full Referer', async () => {
    for (const url of ['/api/health', '/api/venues/00000000-0000-4000-8000-000000000000', '/api/nothing']) {
      const res = await app.inject(url);
      expect(res.headers, url).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      });
    }
  });

  it('an unknown API route answers 404 ROUTE_NOT_FOUND as JSON', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('a malformed JSON body answers 400 INVALID_JSON, not 5xx', async () => {
    const res = await app.inject({
      method: 'DELETE',
      url: '/api/venues',
      headers: { 'content-type': 'application/json' },
      payload: '{nope',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
  });

  it('a method the route does not take answers 404 ROUTE_NOT_FOUND', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/venues' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
