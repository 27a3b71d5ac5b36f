import gcoordModule from 'gcoord';
import type { CoordSystem } from './vocab.ts';
import type { LngLat } from './geo.ts';

// gcoord is CommonJS (`module.exports = gcoord`) but its types declare an ES default export, which
// NodeNext resolution reads as `module.exports.default`; at run time the import is gcoord itself.
const gcoord = gcoordModule as unknown as typeof gcoordModule.default;

const SYSTEMS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/**
 * Converts a point from the system it arrived in to WGS-84, the only one Kaimen stores. Amap and
 * Tencent (gcj02) and Baidu (bd09) points are offset from WGS-84 by hundreds of metres inside China;
 * gcoord leaves points outside China as they are, as those systems do.
 */
export function toWgs84(crs: CoordSystem, point: LngLat): LngLat {
  if (crs === 'wgs84') return point;
  const [lng, lat] = gcoord.transform<[number, number]>([point.lng, point.lat], SYSTEMS[crs], gcoord.WGS84);
  return { lng, lat };
}
