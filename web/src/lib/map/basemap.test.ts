import { describe, it, expect, vi } from 'vitest';
import { chooseBasemap, ONLINE_STYLE_URL, styleReachable, type FetchLike } from './basemap';

const STYLE = { version: 8, sources: {}, layers: [] };

/** A fetch answering `body` with `ok`, and recording the URLs asked for. */
function answering(body: unknown, ok = true): FetchLike & { urls: string[] } {
  const urls: string[] = [];
  const fetchStyle = async (url: string) => {
    urls.push(url);
    return { ok, json: async () => body };
  };
  return Object.assign(fetchStyle, { urls });
}

/** A fetch that never answers until aborted, as a blackholed host behaves. */
const hanging: FetchLike = (_url, { signal }) =>
  new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));

describe('styleReachable', () => {
  it('is true only for an OK answer that is a version 8 style', async () => {
    expect(await styleReachable('u', 1000, answering(STYLE))).toBe(true);
    expect(await styleReachable('u', 1000, answering(STYLE, false))).toBe(false);
    expect(await styleReachable('u', 1000, answering({ version: 7 }))).toBe(false);
    expect(await styleReachable('u', 1000, answering('<html>'))).toBe(false);
  });

  it('is false when the request fails, and when it takes longer than the timeout (and aborts it)', async () => {
    expect(await styleReachable('u', 1000, () => Promise.reject(new TypeError('Failed to fetch')))).toBe(false);
    vi.useFakeTimers();
    try {
      let aborted = false;
      const probe = styleReachable('u', 4000, (url, init) => {
        init.signal.addEventListener('abort', () => (aborted = true));
        return hanging(url, init);
      });
      await vi.advanceTimersByTimeAsync(3999);
      expect(aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await probe).toBe(false);
      expect(aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('chooseBasemap', () => {
  const origin = 'http://kaimen.test';

  it('opens on OpenFreeMap when it answers and nothing is configured', async () => {
    const fetchStyle = answering(STYLE);
    expect(await chooseBasemap({ configuredUrl: null, origin, fetchStyle })).toEqual({
      kind: 'online',
      style: ONLINE_STYLE_URL,
    });
    expect(fetchStyle.urls).toEqual([ONLINE_STYLE_URL]);
    expect(ONLINE_STYLE_URL).toMatch(/^https:\/\/tiles\.openfreemap\.org\//);
  });

  it('uses BASEMAP_STYLE_URL instead when configured, a path resolved against the page', async () => {
    const fetchStyle = answering(STYLE);
    const chosen = await chooseBasemap({ configuredUrl: '/styles/tianditu.json', origin, fetchStyle });
    expect(chosen).toEqual({ kind: 'configured', style: 'http://kaimen.test/styles/tianditu.json' });
    expect(fetchStyle.urls).toEqual(['http://kaimen.test/styles/tianditu.json']);
  });

  it('falls back to the offline style, with its credits, when the style cannot be reached in time', async () => {
    const chosen = await chooseBasemap({
      configuredUrl: null,
      origin,
      fetchStyle: hanging,
      timeoutMs: 20,
      offlineAttribution: '边界',
    });
    expect(chosen.kind).toBe('offline');
    expect(typeof chosen.style === 'object' && chosen.style.sources.provinces).toMatchObject({
      data: 'http://kaimen.test/api/basemap/provinces.geojson',
      attribution: '边界',
    });
    const configured = await chooseBasemap({
      configuredUrl: 'https://t.example/s.json',
      origin,
      fetchStyle: hanging,
      timeoutMs: 20,
    });
    expect(configured.kind).toBe('offline');
  });
});
