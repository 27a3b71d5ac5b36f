import { describe, expect, it } from 'vitest';
import { TileCache, tileCacheKey, type CachedTile } from '../../server/services/tile-cache.ts';

const tile = (size: number, tag = 'a'): CachedTile => ({ bytes: new Uint8Array(size), etag: `"${tag}"` });

/** A compute function that counts its calls. */
function counter(result: CachedTile) {
  const calls = { n: 0 };
  return {
    calls,
    compute: async () => {
      calls.n++;
      return result;
    },
  };
}

describe('tile cache', () => {
  it('computes a tile once and then serves it from memory, with the time it was computed', async () => {
    let now = 1000;
    const cache = new TileCache({ now: () => now });
    const { calls, compute } = counter(tile(100));
    const first = await cache.get('5/26/12?[]', compute);
    now = 3500;
    const second = await cache.get('5/26/12?[]', compute);
    expect(first.hit).toBe(false);
    expect(second).toMatchObject({ hit: true, computedAt: 1000, etag: '"a"' });
    expect(second.bytes).toBe(first.bytes);
    expect(calls.n).toBe(1);
  });

  it('recomputes a tile once it is older than the TTL', async () => {
    let now = 0;
    const cache = new TileCache({ ttlMs: 60_000, now: () => now });
    const { calls, compute } = counter(tile(10));
    await cache.get('k', compute);
    now = 59_999;
    expect((await cache.get('k', compute)).hit).toBe(true);
    now = 60_000;
    expect((await cache.get('k', compute)).hit).toBe(false);
    expect(calls.n).toBe(2);
  });

  it('invalidate() drops every tile, and a tile computed across an invalidation is not stored', async () => {
    const cache = new TileCache();
    await cache.get('a', async () => tile(10));
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);

    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = cache.get('b', () => {
      started();
      return new Promise<CachedTile>((resolve) => (release = () => resolve(tile(10, 'old'))));
    });
    await running;
    cache.invalidate(); // a venue write while the tile's query runs
    release();
    expect((await slow).etag).toBe('"old"'); // the request that asked first still gets its answer
    const again = await cache.get('b', async () => tile(10, 'new'));
    expect(again).toMatchObject({ hit: false, etag: '"new"' });
  });

  it('runs one computation for concurrent requests of one tile', async () => {
    const cache = new TileCache();
    const { calls, compute } = counter(tile(10));
    const results = await Promise.all([cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)]);
    expect(calls.n).toBe(1);
    expect(new Set(results.map((r) => r.bytes)).size).toBe(1);
  });

  it('a failed computation is not cached: the next request tries again', async () => {
    const cache = new TileCache();
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await cache.get('k', async () => tile(10))).hit).toBe(false);
    expect((await cache.get('k', async () => tile(10))).hit).toBe(true);
  });

  it('never holds more than maxBytes, evicting the least recently used tiles first', async () => {
    const cache = new TileCache({ maxBytes: 10_000 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => tile(2000));
    expect(cache.size).toBe(4);
    await cache.get('a', async () => tile(2000)); // a is now the most recently used
    await cache.get('e', async () => tile(3000)); // something must go: b, the least recently used
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    const held = async (key: string) => (await cache.get(key, async () => tile(1))).hit;
    expect(await held('b')).toBe(false);
    expect(await held('a')).toBe(true);

    for (let i = 0; i < 200; i++) {
      await cache.get(`t${i}`, async () => tile(500 + ((i * 37) % 900)));
      expect(cache.bytes).toBeLessThanOrEqual(10_000);
    }
    // A tile bigger than the whole cache is served but not stored.
    expect((await cache.get('huge', async () => tile(20_000))).bytes.length).toBe(20_000);
    expect((await cache.get('huge', async () => tile(20_000))).hit).toBe(false);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
  });

  it('drops every tile when the probe reads a new value, at most once per probe interval', async () => {
    let now = 0;
    let writes = 7;
    let probes = 0;
    const cache = new TileCache({
      now: () => now,
      probeIntervalMs: 1000,
      probe: async () => {
        probes++;
        return String(writes);
      },
    });
    await cache.get('k', async () => tile(10));
    writes++; // another process writes a venue
    now = 500;
    expect((await cache.get('k', async () => tile(10))).hit).toBe(true); // not probed yet
    now = 1000;
    expect((await cache.get('k', async () => tile(10))).hit).toBe(false);
    now = 2000;
    expect((await cache.get('k', async () => tile(10))).hit).toBe(true); // unchanged
    expect(probes).toBe(3);
  });

  it('keys by tile and filters, whatever the order of the filters or of their list values', () => {
    const z5 = { z: 5, x: 26, y: 12 };
    expect(tileCacheKey(z5, { kinds: ['park', 'museum'], free: true, q: undefined })).toBe(
      tileCacheKey(z5, { free: true, kinds: ['museum', 'park'] }),
    );
    expect(tileCacheKey(z5, { kinds: [] })).toBe(tileCacheKey(z5, {}));
    expect(tileCacheKey(z5, { free: true })).not.toBe(tileCacheKey(z5, {}));
    expect(tileCacheKey(z5, {})).not.toBe(tileCacheKey({ z: 5, x: 26, y: 13 }, {}));
    expect(tileCacheKey(z5, { openDays: ['2026-11-29'] })).not.toBe(tileCacheKey(z5, { openDays: ['2026-11-30'] }));
  });
});
