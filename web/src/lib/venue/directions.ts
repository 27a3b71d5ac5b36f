/**
 * "Directions" links into the map apps Chinese families use. Kaimen stores WGS-84; each app reads
 * its own system, and a point in the wrong one lands hundreds of metres off inside China:
 *
 * - Amap (高德) reads GCJ-02 (`coordinate=gaode`): its navigation URI, by public transport, from
 *   wherever the person is.
 * - Baidu (百度) reads BD-09 (`coord_type=bd09ll`, said explicitly): its marker page, whose "到这里去"
 *   plans the route (the web direction URI insists on an origin we do not know).
 * - Apple Maps draws mainland China from AutoNavi's GCJ-02 data and reads a `daddr` point there as
 *   GCJ-02: Apple does not document it, but WGS-84 pins show the usual shift on its China map, as on
 *   every Chinese map. Outside the mainland (Hong Kong, Macao, Taiwan, abroad) its map is WGS-84. So
 *   Apple gets GCJ-02 for a venue in a mainland district (GB/T 2260 province codes other than 71, 81,
 *   82) and WGS-84 otherwise; with no district known, gcoord's own China box decides, as for Amap.
 *
 * The conversions are gcoord's, as on import (domain/crs.ts goes the other way), rounded to 6
 * decimals (about 0.1 m).
 */

import gcoord from 'gcoord';
import type { CoordSystem } from '$domain/vocab.ts';

/** The map apps offered, in the order shown. */
export const MAP_APPS = ['amap', 'baidu', 'apple'] as const;
export type MapApp = (typeof MAP_APPS)[number];

/** One app's link, with the point as it was written into it. */
export interface DirectionsLink {
  app: MapApp;
  crs: CoordSystem;
  lng: number;
  lat: number;
  href: string;
}

/** What the links need to know about a venue. */
export interface DirectionsTarget {
  name: string;
  lng: number;
  lat: number;
  /** The district's GB/T 2260 code, when known: it tells the mainland from Hong Kong, Macao and Taiwan. */
  adcode?: string | null;
  /** Shown on Baidu's marker page under the name. */
  address?: string | null;
}

const SYSTEMS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** A stored WGS-84 point in another system; gcoord leaves points outside its China box unshifted. */
function fromWgs84(crs: CoordSystem, point: { lng: number; lat: number }): { lng: number; lat: number } {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform<[number, number]>([point.lng, point.lat], gcoord.WGS84, SYSTEMS[crs]);
  return { lng, lat };
}

/** Where this project appears as the caller in the apps' statistics (their `src` parameters). */
const SOURCE = 'kaimen';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Province codes outside the mainland's GCJ-02 rule: Taiwan, Hong Kong, Macao. */
const NOT_MAINLAND = new Set(['71', '81', '82']);

/** Whether Apple Maps reads this venue's point in GCJ-02. */
function appleReadsGcj02(target: DirectionsTarget): boolean {
  if (target.adcode) return !NOT_MAINLAND.has(target.adcode.slice(0, 2));
  const shifted = fromWgs84('gcj02', target);
  return shifted.lng !== target.lng || shifted.lat !== target.lat;
}

/** The point in `crs`, rounded. */
function pointIn(crs: CoordSystem, target: DirectionsTarget): { lng: number; lat: number } {
  const point = fromWgs84(crs, { lng: target.lng, lat: target.lat });
  return { lng: round(point.lng), lat: round(point.lat) };
}

/** Amap's navigation URI takes `lng,lat,name` in one parameter, so the name must not bring its own commas. */
const amapName = (name: string) => name.replace(/[,，]/g, ' ');

/** The three directions links for a venue, Amap first (the most used in China). */
export function directionsLinks(target: DirectionsTarget): DirectionsLink[] {
  const amap = pointIn('gcj02', target);
  const baidu = pointIn('bd09', target);
  const appleCrs: CoordSystem = appleReadsGcj02(target) ? 'gcj02' : 'wgs84';
  const apple = pointIn(appleCrs, target);

  const amapQuery = new URLSearchParams({
    to: `${amap.lng},${amap.lat},${amapName(target.name)}`,
    mode: 'bus',
    coordinate: 'gaode',
    callnative: '1',
    src: SOURCE,
  });
  const baiduQuery = new URLSearchParams({
    location: `${baidu.lat},${baidu.lng}`,
    title: target.name,
    content: target.address || target.name,
    coord_type: 'bd09ll',
    output: 'html',
    src: `webapp.${SOURCE}.venue`,
  });
  const appleQuery = new URLSearchParams({ daddr: `${apple.lat},${apple.lng}`, dirflg: 'r' });

  return [
    { app: 'amap', crs: 'gcj02', ...amap, href: `https://uri.amap.com/navigation?${amapQuery}` },
    { app: 'baidu', crs: 'bd09', ...baidu, href: `https://api.map.baidu.com/marker?${baiduQuery}` },
    { app: 'apple', crs: appleCrs, ...apple, href: `https://maps.apple.com/?${appleQuery}` },
  ];
}

/** The point a directions link carries, read back from its href (for tests and for checking links). */
export function pointOfLink(app: MapApp, href: string): { lng: number; lat: number } | null {
  const query = new URL(href).searchParams;
  const pair =
    app === 'amap'
      ? query.get('to')?.split(',').slice(0, 2)
      : (app === 'baidu' ? query.get('location') : query.get('daddr'))?.split(',').reverse();
  const [lng, lat] = (pair ?? []).map(Number);
  return lng !== undefined && lat !== undefined && Number.isFinite(lng) && Number.isFinite(lat) ? { lng, lat } : null;
}
