import type { BrowserContext, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMISSION_COLORS } from '../../web/src/lib/map/colors.ts';
import { seriousViolations } from '../support/axe.ts';
import { DESKTOP, hasChromium, PHONE, type RunningServer, withServerAndBrowser } from '../support/browser.ts';
import { journeyEngines } from '../support/engines.ts';

/** Every request to the online base map's provider (OpenFreeMap). */
const PROVIDER = 'https://tiles.openfreemap.org/**';

/** A small stand-in for OpenFreeMap's style: one "street" line from its own tile host, with its credits. */
const FAKE_ATTRIBUTION = '© OpenStreetMap contributors · OpenFreeMap (test double)';
const FAKE_STYLE = {
  version: 8,
  sources: {
    streets: {
      type: 'geojson',
      data: 'https://tiles.openfreemap.org/test/streets.geojson',
      attribution: FAKE_ATTRIBUTION,
    },
  },
  layers: [
    { id: 'land', type: 'background', paint: { 'background-color': '#f2efe9' } },
    { id: 'streets', type: 'line', source: 'streets', paint: { 'line-color': '#ffffff', 'line-width': 4 } },
  ],
};
const FAKE_STREETS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [116.3, 39.9],
          [116.5, 39.92],
        ],
      },
    },
  ],
};

/** The provider answers with the stand-in style and data, and records what was asked of it. */
async function fakeProvider(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(PROVIDER, (route: Route) => {
    const url = route.request().url();
    asked.push(url);
    const body = url.includes('/styles/') ? FAKE_STYLE : url.endsWith('streets.geojson') ? FAKE_STREETS : null;
    if (!body) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' },
      body: JSON.stringify(body),
    });
  });
  return asked;
}

/** The network to the provider is off: every request to it fails at once. */
async function providerDown(context: BrowserContext): Promise<string[]> {
  const asked: string[] = [];
  await context.route(PROVIDER, (route: Route) => {
    asked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return asked;
}

const attr = (page: Page, name: string) => page.getByTestId('map').getAttribute(name);
const numberAttr = async (page: Page, name: string) => Number(await attr(page, name));

/** `#1f8a5b` as MapLibre's evaluated colours print it, `rgba(31,138,91,1)`. */
function rgba(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},1)`;
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('the base map on %s', (engine) => {
  let server: RunningServer;
  let browser: import('playwright-core').Browser;

  withServerAndBrowser(engine, (opened) => ({ server, browser } = opened));

  async function withContext<T>(
    options: typeof DESKTOP,
    network: (context: BrowserContext) => Promise<string[]>,
    run: (page: Page, asked: string[]) => Promise<T>,
  ): Promise<T> {
    const context = await browser.newContext(options);
    try {
      const asked = await network(context);
      return await run(await context.newPage(), asked);
    } finally {
      await context.close();
    }
  }

  it('with the network to the street map off, falls back to the offline map: place names, counts, colours', async () => {
    await withContext(DESKTOP, providerDown, async (page, asked) => {
      await page.goto(server.url + '/?c=116.4,39.91&z=8');
      await expect.poll(() => attr(page, 'data-basemap'), { timeout: 15_000 }).toBe('offline');
      expect(asked.some((url) => url.startsWith('https://tiles.openfreemap.org/styles/'))).toBe(true);
      // Place names from the shipped data, and the number of venues on each cluster.
      await expect.poll(() => numberAttr(page, 'data-place-labels'), { timeout: 30_000 }).toBeGreaterThan(0);
      await expect.poll(() => numberAttr(page, 'data-cluster-counts'), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(await numberAttr(page, 'data-cluster-counts')).toBe(await numberAttr(page, 'data-rendered-clusters'));
      // At zoom 8 dots and clusters take the admission colours, not one colour for all.
      const colours = (await attr(page, 'data-colours'))?.split(' ') ?? [];
      const admission = Object.values(ADMISSION_COLORS).map(rgba);
      expect(colours.length).toBeGreaterThan(1);
      for (const colour of colours) expect(admission).toContain(colour);
      expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('ECharts');
      expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).not.toContain('OpenStreetMap');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('names venues beside their dots at street zoom, and hovering a dot shows its name', async () => {
    await withContext(DESKTOP, providerDown, async (page) => {
      await page.goto(server.url + '/?c=116.3975,39.9087&z=14');
      await expect.poll(() => numberAttr(page, 'data-venue-names'), { timeout: 30_000 }).toBeGreaterThan(0);
      const [x, y] = ((await attr(page, 'data-some-venue')) ?? '').split(',').map(Number);
      const name = await attr(page, 'data-some-venue-name');
      const box = await page.getByTestId('map').boundingBox();
      if (!box || x === undefined || y === undefined || !name) throw new Error('no venue drawn');
      await page.mouse.move(box.x + x, box.y + y);
      await expect.poll(() => page.locator('.venue-tip').textContent(), { timeout: 5_000 }).toBe(name);
      // The same venue is in the list, where keyboard and screen-reader users reach it.
      expect(await page.getByTestId('venue-item').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(name)]),
      );
      await page.mouse.move(box.x + 5, box.y + box.height - 5);
      await expect.poll(() => page.locator('.venue-tip').count()).toBe(0);
    });
  });

  it('when the street map answers, opens on it with its credits, and draws venues over it', async () => {
    await withContext(DESKTOP, fakeProvider, async (page, asked) => {
      await page.goto(server.url + '/?c=116.4,39.91&z=11');
      await expect.poll(() => attr(page, 'data-basemap'), { timeout: 15_000 }).toBe('online');
      await expect.poll(() => numberAttr(page, 'data-rendered-venues'), { timeout: 30_000 }).toBeGreaterThan(0);
      expect(asked).toContain('https://tiles.openfreemap.org/styles/liberty');
      expect(asked).toContain('https://tiles.openfreemap.org/test/streets.geojson');
      await expect
        .poll(() => page.locator('.maplibregl-ctrl-attrib-inner').textContent(), { timeout: 10_000 })
        .toContain('OpenStreetMap');
      expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).not.toContain('ECharts');
      // The offline style's own place names are not drawn over the street map.
      expect(await numberAttr(page, 'data-place-labels')).toBe(0);
    });
  });

  it('the venue page locates the venue on the same base map: streets when online, offline otherwise', async () => {
    const near = await fetch(`${server.url}/api/venues?bbox=116.38,39.9,116.42,39.93&limit=1`);
    const [venue] = ((await near.json()) as { items: { id: string }[] }).items;
    if (!venue) throw new Error('no venue near Tiananmen');
    const url = `${server.url}/venues/${venue.id}`;
    await withContext(DESKTOP, fakeProvider, async (page) => {
      await page.goto(url);
      await expect
        .poll(() => page.getByTestId('venue-map').getAttribute('data-basemap'), { timeout: 15_000 })
        .toBe('online');
      await expect.poll(() => page.locator('[data-testid="venue-map"] canvas').count()).toBe(1);
    });
    await withContext(DESKTOP, providerDown, async (page) => {
      await page.goto(url);
      await expect
        .poll(() => page.getByTestId('venue-map').getAttribute('data-basemap'), { timeout: 15_000 })
        .toBe('offline');
      await expect
        .poll(() => page.locator('[data-testid="venue-map"] .maplibregl-ctrl-attrib').textContent())
        .toContain('ECharts');
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});

/** Web Mercator pixels at zoom z (512-pixel tiles, as MapLibre draws). */
function worldPixels(lng: number, lat: number, z: number): [number, number] {
  const size = 512 * 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return [((lng + 180) / 360) * size, ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * size];
}

describe.skipIf(!hasChromium).each(journeyEngines('both'))('the phone map and its bottom sheet on %s', (engine) => {
  let server: RunningServer;
  let page: Page;

  withServerAndBrowser(engine, (opened) => ({ server, page } = opened), { page: PHONE });

  it('lists only the venues a person sees above the sheet', async () => {
    await page.route(PROVIDER, (route) => route.abort('internetdisconnected'));
    await page.goto(server.url + '/?c=116.3975,39.9087&z=13');
    const sheet = page.getByTestId('results-sheet');
    expect(await sheet.getAttribute('data-state')).toBe('half');
    await expect.poll(() => page.getByTestId('venue-item').count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // Once the map has padded itself by the sheet and the list answered for that view…
    const map = (await page.getByTestId('map').boundingBox())!;
    const sheetTop = (await sheet.boundingBox())!.y;
    const visibleHeight = sheetTop - map.y;
    expect(visibleHeight).toBeGreaterThan(100);
    expect(visibleHeight).toBeLessThan(map.height - 100);

    /** Where each listed venue is drawn, from the camera in the URL (its centre is the visible part's). */
    const placed = async () => {
      const url = new URL(page.url());
      const [lng, lat] = (url.searchParams.get('c') ?? '').split(',').map(Number);
      const z = Number(url.searchParams.get('z'));
      const [cx, cy] = worldPixels(lng!, lat!, z);
      const ids = await page
        .getByTestId('venue-item')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-venue-id') ?? ''));
      const points = [];
      for (const id of ids) {
        const v = (await (await fetch(`${server.url}/api/venues/${id}`)).json()) as { lng: number; lat: number };
        const [x, y] = worldPixels(v.lng, v.lat, z);
        points.push({ x: x - cx + map.width / 2, y: y - cy + visibleHeight / 2 });
      }
      return { points, lng: lng!, lat: lat!, z };
    };
    const aboveSheet = (p: { x: number; y: number }) =>
      p.x >= -2 && p.x <= map.width + 2 && p.y >= -2 && p.y <= visibleHeight + 2;
    await expect
      .poll(
        async () => {
          if ((await page.getByTestId('venue-list').getAttribute('aria-busy')) !== 'false') return false;
          const { points } = await placed();
          return points.length > 0 && points.every(aboveSheet);
        },
        { timeout: 30_000 },
      )
      .toBe(true);

    // …and there are venues under the sheet that the list leaves out (the old bug counted them).
    const { points, lng, lat, z } = await placed();
    const [cx, cy] = worldPixels(lng, lat, z);
    const toLngLat = (x: number, y: number): [number, number] => {
      const size = 512 * 2 ** z;
      const wx = cx + x - map.width / 2;
      const wy = cy + y - visibleHeight / 2;
      const n = Math.PI - (2 * Math.PI * wy) / size;
      return [(wx / size) * 360 - 180, (180 / Math.PI) * Math.atan(Math.sinh(n))];
    };
    const [west, south] = toLngLat(0, map.height);
    const [east, north] = toLngLat(map.width, visibleHeight);
    const whole = await fetch(`${server.url}/api/venues?bbox=${west},${south},${east},${north}`);
    const under = ((await whole.json()) as { items: unknown[] }).items;
    expect(under.length).toBeGreaterThan(0);
    expect(await page.getByTestId('result-count').textContent()).toContain(String(points.length));
    // The base map's credits sit above the sheet, where they can be read.
    const credits = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
    expect(credits.y + credits.height).toBeLessThanOrEqual(sheetTop + 1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('choosing a venue in the list brings it into view above the sheet, where it stays listed', async () => {
    const item = page.getByTestId('venue-item').last();
    const id = await item.getAttribute('data-venue-id');
    const venue = (await (await fetch(`${server.url}/api/venues/${id}`)).json()) as { lng: number; lat: number };
    await item.locator('button').click();
    // The camera centres the venue in the part of the map above the sheet (the URL's centre is that part's)…
    await expect
      .poll(
        () => {
          const [lng, lat] = (new URL(page.url()).searchParams.get('c') ?? '').split(',').map(Number);
          return Math.abs(lng! - venue.lng) < 1e-3 && Math.abs(lat! - venue.lat) < 1e-3;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    // …so the list, which covers only that part, still has it once it answers for the new view.
    await expect
      .poll(
        async () =>
          (await page.getByTestId('venue-list').getAttribute('aria-busy')) === 'false' &&
          (await page.locator(`[data-testid="venue-item"][data-venue-id="${id}"]`).count()) === 1,
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await page.getByTestId('results-sheet').getAttribute('data-state')).toBe('half');
  });

  it('the legend button does not cover the place chip', async () => {
    const legend = (await page.getByTestId('map-legend').boundingBox())!;
    const place = page.locator('.place-pane');
    const box = (await place.boundingBox())!;
    const overlaps =
      legend.x < box.x + box.width &&
      box.x < legend.x + legend.width &&
      legend.y < box.y + box.height &&
      box.y < legend.y + legend.height;
    expect(overlaps, JSON.stringify({ legend, box })).toBe(false);
  });

  it('back from a venue page keeps the map view and the list where it was', async () => {
    await page.goto(server.url + '/?c=116.3975,39.9087&z=12');
    await expect.poll(() => page.getByTestId('venue-item').count(), { timeout: 30_000 }).toBeGreaterThan(10);
    await page.getByTestId('sheet-toggle').click();
    await expect.poll(() => page.getByTestId('results-sheet').getAttribute('data-state')).toBe('full');
    // On phones the sheet's body scrolls, the list with it.
    const list = page.locator('#results').locator('xpath=..');
    await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(50);
    const scrolled = await list.evaluate((el) => el.scrollTop);
    const view = new URL(page.url()).searchParams;
    const camera = [view.get('c'), view.get('z')];
    await page.getByTestId('venue-details-link').last().click();
    await page.waitForURL(/\/venues\//);
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/');
    const back = new URL(page.url()).searchParams;
    expect([back.get('c'), back.get('z')]).toEqual(camera);
    expect(await page.getByTestId('results-sheet').getAttribute('data-state')).toBe('full');
    await expect.poll(() => list.evaluate((el) => el.scrollTop), { timeout: 15_000 }).toBeGreaterThan(scrolled - 30);
  });
});
