import { VectorTile } from '@mapbox/vector-tile';
import { sql } from 'drizzle-orm';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Engine } from '../../db/client.ts';
import { VENUE_LAYER, venueTileFeatures, venueTileMvt } from '../../db/queries/tiles.ts';
import type { App } from '../../server/app.ts';
import { encodeMvt } from '../../domain/tiles/mvt-encode.ts';
import { CLUSTER_CELLS_PER_TILE, TILE_EXTENT, type TileAddress } from '../../domain/tiles/tile-math.ts';
import { testEngines } from '../support/engines.ts';
import { everyItem, openTestApp, type TestApp, withTestApp } from '../support/http.ts';

interface Item {
  id: string;
  name: string;
  kinds: string[];
  lng: number;
  lat: number;
  minors_admission: string;
}
type Props = Record<string, string | number | boolean>;
interface Feature {
  x: number;
  y: number;
  props: Props;
}

// Expectations use the textbook Web Mercator formulas written out here, not the helpers under test.
const world = (lng: number, lat: number) => ({
  wx: (lng + 180) / 360,
  wy: 0.5 - Math.atanh(Math.sin((lat * Math.PI) / 180)) / (2 * Math.PI),
});
const tileContaining = (lng: number, lat: number, z: number): TileAddress => {
  const { wx, wy } = world(lng, lat);
  return { z, x: Math.floor(wx * 2 ** z), y: Math.floor(wy * 2 ** z) };
};
/** A world position in a tile's own coordinates, rounded to the tile's integer grid. */
const worldToTile = (wx: number, wy: number, { z, x, y }: TileAddress) =>
  [(wx * 2 ** z - x) * TILE_EXTENT, (wy * 2 ** z - y) * TILE_EXTENT].map(Math.round) as [number, number];
/** The bbox filter covering a block of tiles of one zoom, computed from z/x/y. */
const bboxOf = (tiles: TileAddress[]) => {
  const n = 2 ** tiles[0]!.z;
  const lng = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  const [xs, ys] = [tiles.map((t) => t.x), tiles.map((t) => t.y)];
  const box = [lng(Math.min(...xs)), lat(Math.max(...ys) + 1), lng(Math.max(...xs) + 1), lat(Math.min(...ys))];
  return `bbox=${box.join(',')}`;
};

const TIANANMEN = { lng: 116.3975, lat: 39.9087 };
const BEIJING_14 = tileContaining(TIANANMEN.lng, TIANANMEN.lat, 14); // 14/13489/6208

/** The 2x2 block of tiles at zoom z whose shared corner is the tile corner nearest the point. */
function blockAround(lng: number, lat: number, z: number): TileAddress[] {
  const { wx, wy } = world(lng, lat);
  const [x0, y0] = [Math.round(wx * 2 ** z) - 1, Math.round(wy * 2 ** z) - 1];
  return [0, 1].flatMap((dy) => [0, 1].map((dx) => ({ z, x: x0 + dx, y: y0 + dy })));
}

/** Tiles over Beijing, Xi'an and Shanghai at cluster and point zooms, two 2x2 blocks among them. */
const PARITY_TILES: TileAddress[] = [
  ...blockAround(TIANANMEN.lng, TIANANMEN.lat, 5),
  ...blockAround(TIANANMEN.lng, TIANANMEN.lat, 8),
  tileContaining(TIANANMEN.lng, TIANANMEN.lat, 10),
  BEIJING_14,
  tileContaining(108.9398, 34.3416, 9),
  tileContaining(121.4737, 31.2304, 11),
  tileContaining(121.4737, 31.2304, 12),
];

/** The tiles carry no buffer: every point lies within the tile's own 0..extent square. */
const insideTile = (f: Feature) => [f.x, f.y].every((c) => c >= 0 && c <= TILE_EXTENT);

/** Decodes the venue layer with the reference decoder; an empty body is a tile with no features. */
function decode(bytes: Uint8Array): Feature[] {
  if (bytes.length === 0) return [];
  const layer = new VectorTile(new PbfReader(bytes)).layers[VENUE_LAYER]!;
  expect(layer.extent).toBe(TILE_EXTENT);
  return Array.from({ length: layer.length }, (_, i) => {
    const feature = layer.feature(i);
    const points = feature.loadGeometry().flat();
    expect(feature.type).toBe(1);
    expect(points).toHaveLength(1);
    return { x: points[0]!.x, y: points[0]!.y, props: { ...feature.properties } };
  });
}

/** Asserts two tiles hold the same features: equal properties, coordinates within one tile unit. */
function expectSameFeatures(actual: Feature[], expected: Feature[]): void {
  expect(actual).toHaveLength(expected.length);
  const left = [...expected];
  for (const f of actual) {
    const same = (e: Feature) =>
      Math.abs(e.x - f.x) <= 1 && Math.abs(e.y - f.y) <= 1 && JSON.stringify(e.props) === JSON.stringify(f.props);
    const i = left.findIndex(same);
    expect(i, `no match for ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(0);
    left.splice(i, 1);
  }
}

/** The admission most members have, ties to the first in text order (as SQL's mode() picks). */
function mostCommonAdmission(members: Item[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.minors_admission, (counts.get(m.minors_admission) ?? 0) + 1);
  const sorted = [...counts].sort(([a, n], [b, k]) => k - n || (a < b ? -1 : 1));
  return sorted[0]![0];
}

/** The clusters a tile should hold, worked out in JS from every venue's coordinates. */
function expectedClusters(items: Item[], tile: TileAddress): Feature[] {
  const cells = new Map<string, Item[]>();
  for (const item of items) {
    const at = tileContaining(item.lng, item.lat, tile.z);
    if (at.x !== tile.x || at.y !== tile.y) continue;
    const { wx, wy } = world(item.lng, item.lat);
    const key = [wx, wy].map((w) => Math.floor(w * 2 ** tile.z * CLUSTER_CELLS_PER_TILE)).join('/');
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  return [...cells.values()].map((members) => {
    const positions = members.map((m) => world(m.lng, m.lat));
    const mean = (k: 'wx' | 'wy') => positions.reduce((sum, w) => sum + w[k], 0) / positions.length;
    const [x, y] = worldToTile(mean('wx'), mean('wy'), tile);
    const props: Props = { count: members.length, cluster: true };
    if (members.length === 1) Object.assign(props, { id: members[0]!.id, name: members[0]!.name });
    props.minors_admission = mostCommonAdmission(members);
    return { x, y, props };
  });
}

describe.each(testEngines())('GET /api/tiles/venues on %s', (engine) => {
  let app: App;
  let all: Item[];

  const get = async (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
  /** Every venue a search finds, page by page. */
  const search = (query: string) => everyItem<Item>(app, `/api/venues?${query}`, 200);
  const tile = async ({ z, x, y }: TileAddress, query = '') => {
    const res = await get(`/api/tiles/venues/${z}/${x}/${y}.mvt${query ? `?${query}` : ''}`);
    expect([200, 204], res.body).toContain(res.statusCode);
    return decode(res.rawPayload);
  };
  const ids = (features: Feature[]) => features.map((f) => f.props.id).sort();
  const total = (features: Feature[]) => features.reduce((sum, f) => sum + Number(f.props.count), 0);

  withTestApp(engine, (opened) => ({ app } = opened));
  beforeAll(async () => {
    all = await search('');
  });

  it('a z=14 tile over central Beijing holds exactly the venues /api/venues finds in its bbox, inside the tile', async () => {
    const features = await tile(BEIJING_14);
    const expected = await search(bboxOf([BEIJING_14]));
    expect(features.length).toBeGreaterThan(3);
    expect(ids(features)).toEqual(expected.map((v) => v.id).sort());
    for (const f of features) {
      expect(insideTile(f)).toBe(true);
      const venue = all.find((v) => v.id === f.props.id)!;
      expect(f.props).toEqual({
        id: venue.id,
        name: venue.name,
        kinds: venue.kinds.join(','),
        minors_admission: venue.minors_admission,
        coord_precision: expect.any(String),
      });
      const { wx, wy } = world(venue.lng, venue.lat);
      const [x, y] = worldToTile(wx, wy, BEIJING_14);
      expect(Math.abs(f.x - x) <= 1 && Math.abs(f.y - y) <= 1).toBe(true);
    }
  });

  it.each([5, 8, 10])('at z=%i a 2x2 block of cluster tiles counts each venue in its bbox exactly once', async (z) => {
    const block = blockAround(TIANANMEN.lng, TIANANMEN.lat, z);
    const tiles = await Promise.all(block.map((t) => tile(t)));
    const inBlock = await search(bboxOf(block));
    expect(inBlock.length).toBeGreaterThan(100);
    expect(tiles.reduce((sum, features) => sum + total(features), 0)).toBe(inBlock.length);
    const singles = tiles.flatMap((features) => features.filter((f) => f.props.count === 1).map((f) => f.props.id));
    expect(new Set(singles).size).toBe(singles.length);
    // The block's corner is next to Tiananmen, so its venues fall in more than one of the tiles.
    expect(tiles.filter((features) => features.length > 0).length).toBeGreaterThan(1);
    for (const features of tiles) {
      expect(features.some((f) => Number(f.props.count) > 1) || features.length === 0).toBe(true);
      for (const f of features) {
        expect(insideTile(f)).toBe(true);
        expect(f.props.cluster === true && Number.isInteger(f.props.count)).toBe(true);
        expect(f.props.id === undefined).toBe(f.props.count !== 1);
      }
    }
    // Cell by cell against a brute-force clustering, so no cell is split or repeated across tile edges.
    block.forEach((t, i) => expectSameFeatures(tiles[i]!, expectedClusters(all, t)));
  });

  it('kinds, free and near/radius_m select the same venues as search, at z=14 and in z=8 clusters', async () => {
    const t8 = tileContaining(TIANANMEN.lng, TIANANMEN.lat, 8);
    const unfiltered = total(await tile(t8));
    // The teacher's filters and a kind word too (issue 11): the map shows what the list finds.
    const teacher = 'green_channel=true&school_places=true&group_size=45&grade=5';
    for (const filter of ['kinds=museum', 'free=true', 'near=116.3975,39.9087&radius_m=1500', teacher, 'q=bwg']) {
      const points = await tile(BEIJING_14, filter);
      expect(ids(points), filter).toEqual((await search(`${bboxOf([BEIJING_14])}&${filter}`)).map((v) => v.id).sort());
      const count = (await search(`${bboxOf([t8])}&${filter}`)).length;
      expect(total(await tile(t8, filter)), filter).toBe(count);
      expect(count > 0 && count < unfiltered, `${filter}: ${count} of ${unfiltered}`).toBe(true);
    }
    const museums = await tile(BEIJING_14, 'kinds=museum');
    expect(museums.every((f) => String(f.props.kinds).split(',').includes('museum'))).toBe(true);
    const free = await tile(BEIJING_14, 'free=true');
    expect(free.every((f) => f.props.minors_admission === 'free')).toBe(true);
  });

  it.each([
    ['kinds=zoo', 'UNKNOWN_KIND'],
    ['bbox=1,2,3', 'INVALID_BBOX'],
    ['near=200,10', 'INVALID_NEAR'],
    ['radius_m=100', 'RADIUS_WITHOUT_NEAR'],
    ['free=maybe', 'INVALID_FREE'],
    ['unknown=1', 'VALIDATION_FAILED'],
  ])('%s answers 400 %s on the tile and the TileJSON, exactly as /api/venues does', async (query, code) => {
    const fromSearch = await get(`/api/venues?${query}`);
    expect(fromSearch.json()).toMatchObject({ error: { code } });
    for (const url of [`/api/tiles/venues/10/843/388.mvt?${query}`, `/api/tiles/venues.json?${query}`]) {
      const res = await get(url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual(fromSearch.json());
    }
  });

  it.each(['1.5/0/0', '-1/0/0', '23/0/0', 'a/0/0', '2/4/0', '2/0/4', '2/-1/0', '0/0/1', '3/Infinity/0', '2/0/0.5'])(
    '%s answers 400 INVALID_TILE',
    async (zxy) => {
      const res = await get(`/api/tiles/venues/${zxy}.mvt`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: { code: 'INVALID_TILE' } });
    },
  );

  it('a tile with no venue answers 204 with an empty body and the cache header', async () => {
    const ocean = tileContaining(-30, 0, 14);
    const res = await get(`/api/tiles/venues/${ocean.z}/${ocean.x}/${ocean.y}.mvt`);
    expect(res.statusCode).toBe(204);
    expect(res.rawPayload).toHaveLength(0);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
  });

  it('answers the tile type with an ETag and Cache-Control, and 304 for If-None-Match', async () => {
    const url = '/api/tiles/venues/8/210/97.mvt'; // Tiananmen's tile
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload).toHaveLength(0);
    expect(again.headers.etag).toBe(etag);
    expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
    expect((await get(`${url}?free=true`, { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('TileJSON 3.0.0 names the layer and fields, the bounds, and a tiles URL that forwards the filters', async () => {
    const res = await get('/api/tiles/venues.json?kinds=museum&free=true', { host: 'kaimen.test:8080' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ tilejson: '3.0.0', scheme: 'xyz', minzoom: 0, maxzoom: 16 });
    expect(body.tiles).toEqual(['http://kaimen.test:8080/api/tiles/venues/{z}/{x}/{y}.mvt?kinds=museum&free=true']);
    expect(body.vector_layers.map((l: { id: string }) => l.id)).toEqual(['venues']);
    expect(Object.keys(body.vector_layers[0].fields).sort()).toEqual(
      ['cluster', 'coord_precision', 'count', 'id', 'kinds', 'minors_admission', 'name'].sort(),
    );
    const free = await search('kinds=museum&free=true');
    const [lngs, lats] = [free.map((v) => v.lng), free.map((v) => v.lat)];
    const expected = [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
    body.bounds.forEach((b: number, i: number) => expect(b).toBeCloseTo(expected[i]!, 6));
    // A tile fetched through the template is the filtered tile.
    const { z, x, y } = BEIJING_14;
    const url = new URL(body.tiles[0].replace('{z}', z).replace('{x}', x).replace('{y}', y));
    const viaTemplate = (await get(`${url.pathname}${url.search}`)).rawPayload;
    expect(viaTemplate.length).toBeGreaterThan(0);
    const direct = await get(`/api/tiles/venues/${z}/${x}/${y}.mvt?kinds=museum&free=true`);
    expect(viaTemplate.equals(direct.rawPayload)).toBe(true);
    expect((await get('/api/tiles/venues.json')).json().tiles[0]).toMatch(
      /\/api\/tiles\/venues\/\{z\}\/\{x\}\/\{y\}\.mvt$/,
    );
  });
});

describe.runIf(testEngines().includes('postgres'))('venue tiles across encoders and engines', () => {
  const opened = {} as Record<Engine, TestApp & { refs: Map<string, string> }>;

  beforeAll(async () => {
    for (const engine of ['pglite', 'postgres'] as const) {
      const testApp = await openTestApp(engine);
      // Ids are random per database; the seed's source_ref names the same venue on both.
      const rows = await queryRows<{ id: string; ref: string }>(
        testApp.database.db,
        sql`SELECT id::text AS id, source_ref AS ref FROM venues`,
      );
      opened[engine] = { ...testApp, refs: new Map(rows.map((r) => [r.id, r.ref])) };
    }
  });
  afterAll(async () => {
    for (const e of Object.values(opened)) await e.close();
  });

  it('on PostgreSQL, the JS encoder and ST_AsMVT give the same features, with and without filters', async () => {
    const { db } = opened.postgres.database;
    let compared = 0;
    for (const tile of PARITY_TILES) {
      for (const filters of [{}, { kinds: ['museum' as const], free: true }]) {
        const fromPostgis = decode(await venueTileMvt(db, { tile, filters }));
        const features = await venueTileFeatures(db, { tile, filters });
        expectSameFeatures(decode(encodeMvt([{ name: VENUE_LAYER, extent: TILE_EXTENT, features }])), fromPostgis);
        compared += fromPostgis.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('PGlite and PostgreSQL answer the same features (same venues and counts, coordinates within one unit)', async () => {
    let compared = 0;
    for (const { z, x, y } of PARITY_TILES) {
      const [pglite, postgres] = await Promise.all(
        (['pglite', 'postgres'] as const).map(async (engine) => {
          const { app, refs } = opened[engine];
          const res = await app.inject(`/api/tiles/venues/${z}/${x}/${y}.mvt`);
          const byRef = (props: Props): Props => (props.id ? { ...props, id: refs.get(String(props.id))! } : props);
          return decode(res.rawPayload).map((f) => ({ ...f, props: byRef(f.props) }));
        }),
      );
      expectSameFeatures(pglite!, postgres!);
      compared += postgres!.length;
    }
    expect(compared).toBeGreaterThan(50);
  });
});
