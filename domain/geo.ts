/** A WGS-84 point in decimal degrees. */
export interface LngLat {
  lng: number;
  lat: number;
}

/** A WGS-84 box; min < max on both axes (boxes across the antimeridian are not supported). */
export interface BBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

const inLngRange = (v: number) => Number.isFinite(v) && v >= -180 && v <= 180;
const inLatRange = (v: number) => Number.isFinite(v) && v >= -90 && v <= 90;

/** Parses "lng,lat"; undefined when it is not a point on Earth. */
export function parseLngLat(value: string): LngLat | undefined {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [lng, lat] = parts;
  if (parts.length !== 2 || lng === undefined || lat === undefined || !inLngRange(lng) || !inLatRange(lat)) {
    return undefined;
  }
  return { lng, lat };
}

/** Parses "minLng,minLat,maxLng,maxLat"; undefined when it is not a proper box. */
export function parseBBox(value: string): BBox | undefined {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [minLng, minLat, maxLng, maxLat] = parts;
  if (
    parts.length !== 4 ||
    minLng === undefined ||
    minLat === undefined ||
    maxLng === undefined ||
    maxLat === undefined ||
    !inLngRange(minLng) ||
    !inLngRange(maxLng) ||
    !inLatRange(minLat) ||
    !inLatRange(maxLat) ||
    minLng >= maxLng ||
    minLat >= maxLat
  ) {
    return undefined;
  }
  return { minLng, minLat, maxLng, maxLat };
}

/** PostGIS's sphere radius (the WGS-84 mean radius), so JS and SQL great-circle distances agree. */
export const EARTH_RADIUS_M = 6371008.7714;

/** Great-circle distance in metres on the sphere PostGIS uses for geography with use_spheroid = false. */
export function greatCircleMetres(a: LngLat, b: LngLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
