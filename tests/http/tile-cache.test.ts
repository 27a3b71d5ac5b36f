import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../db/client.ts';
import { venueWriteCounter } from '../../db/queries/tiles.ts';
import { venues } from '../../db/schema/index.ts';
import type { App } from '../../server/app.ts';
import { invalidateVenueTiles, venueTileCache } from '../../server/services/tile-cache.ts';
import { TEST_DATABASE_URL, testEngines } from '../support/engines.ts';
import { openTestApp, withTestApp } from '../support/http.ts';

/** Tiles around Tiananmen: z5 and z8 clusters are cached, z14 points are not. */
const Z5 = '/api/tiles/venues/5/26/12.mvt';
const Z8 = '/api/tiles/venues/8/210/96.mvt';
const Z14 = '/api/tiles/venues/14/13489/6208.mvt';

describe.each(testEngines())('tile cache over HTTP on %s', (engine) => {
  let app: App;
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  withTestApp(engine, (opened) => ({ app } = opened));
  beforeAll(async () => {
    // Made before the first tile so its options hold: no probe here, whatever other tests write.
    venueTileCache(app, { ttlMs: 60_000 });
  });

  it('answers a repeated cluster tile from memory (same body and ETag, with an Age), never a point tile', async () => {
    invalidateVenueTiles(app);
    const first = await get(Z5);
    const second = await get(Z5);
    expect(first.statusCode).toBe(200);
    expect(first.headers.age).toBeUndefined();
    expect(second.statusCode).toBe(200);
    expect(second.headers.age).toMatch(/^\d+$/);
    expect(second.headers['cache-control']).toBe('public, max-age=60');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(Buffer.compare(second.rawPayload, first.rawPayload)).toBe(0);
    expect((await get(Z5, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);

    // The same filters in another order are the same tile; other filters are another one.
    await get(`${Z8}?kinds=museum,science_center&free=true`);
    expect((await get(`${Z8}?free=true&kinds=science_center,museum`)).headers.age).toBeDefined();
    expect((await get(`${Z8}?kinds=museum`)).headers.age).toBeUndefined();

    await get(Z14);
    expect((await get(Z14)).headers.age).toBeUndefined();
  });

  it('holds no more bytes than its bound, dropping the least recently used tiles', async () => {
    const urls = [4, 5, 6, 7].flatMap((z) => {
      const x = Math.floor(((116.4 + 180) / 360) * 2 ** z);
      const y = Math.floor((0.5 - Math.atanh(Math.sin((39.9 * Math.PI) / 180)) / (2 * Math.PI)) * 2 ** z);
      return [`/api/tiles/venues/${z}/${x}/${y}.mvt`, `/api/tiles/venues/${z}/${x}/${y}.mvt?free=true`];
    });
    // What these tiles take when nothing is evicted, then a bound of half that on a database handle of
    // its own (apps on one handle share its cache).
    invalidateVenueTiles(app);
    for (const url of urls) await get(url);
    const bound = Math.floor(venueTileCache(app).bytes / 2);
    const small = await openTestApp(engine);
    try {
      const cache = venueTileCache(small.app, { maxBytes: bound });
      for (const url of urls) {
        expect([200, 204]).toContain((await small.app.inject(url)).statusCode);
        expect(cache.bytes).toBeLessThanOrEqual(bound);
      }
      expect(cache.size).toBeGreaterThan(0);
      expect(cache.size).toBeLessThan(urls.length);
      // The last tile is held; the first was evicted.
      expect((await small.app.inject(urls.at(-1)!)).headers.age).toBeDefined();
      expect((await small.app.inject(urls[0]!)).headers.age).toBeUndefined();
    } finally {
      await small.close();
    }
  });
});

// Writes here change what other test files see, so they run on PGlite, whose database is this file's own.
describe('tile cache invalidation on pglite', () => {
  let database: Database;
  let app: App;
  const get = (url: string) => app.inject({ url });

  withTestApp('pglite', (opened) => ({ app, database } = opened));

  it('after a venue write, invalidateVenueTiles makes the next tile show it', async () => {
    invalidateVenueTiles(app);
    const count = async () => {
      const res = await get(`${Z5}?kinds=museum`);
      return { age: res.headers.age, etag: res.headers.etag };
    };
    const before = await count();
    const [museum] = await database.db
      .select({ id: venues.id })
      .from(venues)
      .where(sql`'museum' = ANY(${venues.kinds}) AND ST_X(${venues.location}) BETWEEN 112.5 AND 123.75`)
      .limit(1);
    await database.db.update(venues).set({ status: 'suspended' }).where(eq(venues.id, museum!.id));
    // Written behind the cache's back: still the old tile.
    expect(await count()).toMatchObject({ etag: before.etag, age: expect.any(String) });
    invalidateVenueTiles(app);
    const after = await count();
    expect(after.age).toBeUndefined();
    expect(after.etag).not.toBe(before.etag);
  });
});

describe.runIf(testEngines().includes('postgres'))('tile cache and writes by other processes', () => {
  let writer: Database;
  let app: App;

  withTestApp('postgres', (opened) => ({ app } = opened));
  beforeAll(async () => {
    writer = await createDb({ databaseUrl: TEST_DATABASE_URL, maxConnections: 1 });
    venueTileCache(app, { probe: () => venueWriteCounter(app.db), probeIntervalMs: 0 });
  });
  afterAll(async () => {
    await writer?.close();
  });

  it('drops its tiles once PostgreSQL publishes a write to venues made on another connection', async () => {
    await app.inject(Z5);
    // Warm: a hit unless someone else wrote in between, which the loop below tolerates.
    const before = await venueWriteCounter(writer.db);
    // A write that changes nothing a test can see, counted all the same.
    await writer.db.execute(sql`UPDATE venues SET name_en = name_en WHERE id = (SELECT id FROM venues LIMIT 1)`);
    await writer.db.execute(sql`SELECT pg_stat_force_next_flush()`);
    let missed = false;
    for (let i = 0; i < 60 && !missed; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if ((await venueWriteCounter(app.db)) === before) continue;
      // The counter moved: the next tile request must recompute.
      missed = (await app.inject(Z5)).headers.age === undefined;
    }
    expect(missed).toBe(true);
  });
});
