/**
 * How a venue's point is drawn when it is not exact. The API grades points high (within ~200 m),
 * medium (within ~1 km) or low (district or town level only); a pin would claim more than the data
 * knows, so medium and low points are drawn as a circle covering where the venue may be.
 */

import type { Feature, Polygon } from 'geojson';
import type { CoordPrecision } from '$lib/api/types';
import type { LngLat } from './camera';

/** Radius of the "somewhere in here" circle; null means a pin is honest. */
export function approxRadiusMetres(precision: CoordPrecision | string): number | null {
  if (precision === 'medium') return 1000;
  // A district-level point can be several kilometres out; 5 km covers a typical urban district.
  if (precision === 'low') return 5000;
  return null;
}

/** Zoom that shows the whole circle (or the street around a pin) in a small map. */
export function approxZoom(precision: CoordPrecision | string): number {
  if (precision === 'medium') return 12;
  if (precision === 'low') return 9.5;
  return 15;
}

/** Mean Earth radius in metres (the sphere the API's distances use). */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * A circle of `radiusM` metres around `center` as a GeoJSON polygon with `steps` vertices, computed
 * on the sphere so it stays round at any latitude.
 */
export function circlePolygon(center: LngLat, radiusM: number, steps = 64): Feature<Polygon> {
  const [lng, lat] = center;
  const lat1 = (lat * Math.PI) / 180;
  const lng1 = (lng * Math.PI) / 180;
  const angle = radiusM / EARTH_RADIUS_M;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = ((i % steps) / steps) * 2 * Math.PI;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(bearing));
    const lng2 =
      lng1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(angle) * Math.cos(lat1),
        Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([(lng2 * 180) / Math.PI, (lat2 * 180) / Math.PI]);
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}
