/**
 * The fixed set of requests `bench/search.ts` measures: what the map and list ask for while a parent or
 * teacher looks around Beijing and Shanghai. The web client always sends the map's bbox with limit 200;
 * the nearest-first and name searches are what a place or name typed in the search box asks for.
 */
import { localDayOf } from '../domain/hours/local-time.ts';
import { comingWeekend } from '../server/schemas/venue-filters.ts';
import { tileContaining } from '../domain/tiles/tile-math.ts';

/** One measured request. */
export interface BenchQuery {
  name: string;
  /** The request path with its query string; a second page gets its cursor from the first. */
  path: string | ((get: (path: string) => Promise<unknown>) => Promise<string>);
}

/** Tiananmen and People's Square: where the near searches and the tiles are centred. */
const BEIJING = { lng: 116.3975, lat: 39.9087 };
const SHANGHAI = { lng: 121.4737, lat: 31.2304 };
/** A desktop map of each city at about zoom 11 (30 × 20 km). */
const BEIJING_VIEW = '116.22,39.83,116.57,40.00';
const SHANGHAI_VIEW = '121.30,31.13,121.65,31.33';
/** Zooms of the tiles: a country view (clusters), a city view (clusters), streets (points). */
const TILE_ZOOMS = [5, 10, 14];

const venues = (params: Record<string, string>) => `/api/venues?${new URLSearchParams(params).toString()}`;
const near = (p: { lng: number; lat: number }) => `${p.lng},${p.lat}`;

/** The requests, in the order the table lists them. `today` is a Shanghai day (YYYY-MM-DD). */
export function benchQueries(today = localDayOf(Date.now())): BenchQuery[] {
  const saturday = comingWeekend(today)[0]!;
  const nearBeijing10km = venues({ near: near(BEIJING), radius_m: '10000', limit: '50' });
  const tiles = (city: string, point: { lng: number; lat: number }) =>
    TILE_ZOOMS.map((z) => {
      const { x, y } = tileContaining(point.lng, point.lat, z);
      return { name: `tile z${z} ${city}`, path: `/api/tiles/venues/${z}/${x}/${y}.mvt` };
    });
  return [
    { name: 'near 3 km, 50 nearest', path: venues({ near: near(BEIJING), radius_m: '3000', limit: '50' }) },
    { name: 'near 10 km, 50 nearest', path: nearBeijing10km },
    {
      name: 'near 10 km, page 2 (cursor)',
      path: async (get) => {
        const first = (await get(nearBeijing10km)) as { next_cursor: string | null };
        if (!first.next_cursor) throw new Error('the first page of "near 10 km" has no next page');
        return `${nearBeijing10km}&cursor=${encodeURIComponent(first.next_cursor)}`;
      },
    },
    { name: 'bbox city view, 200', path: venues({ bbox: SHANGHAI_VIEW, limit: '200' }) },
    { name: 'q 1 char 宫', path: venues({ q: '宫' }) },
    { name: 'q 2 chars 科技', path: venues({ q: '科技' }) },
    { name: 'q 4 chars 自然博物', path: venues({ q: '自然博物' }) },
    {
      name: 'bbox + kinds + free, 200',
      path: venues({ bbox: BEIJING_VIEW, kinds: 'museum,science_center', free: 'true', limit: '200' }),
    },
    {
      name: `bbox + open_on ${saturday.slice(5)}, 200`,
      path: venues({ bbox: BEIJING_VIEW, open_on: saturday, limit: '200' }),
    },
    ...tiles('Beijing', BEIJING),
    ...tiles('Shanghai', SHANGHAI),
  ];
}
