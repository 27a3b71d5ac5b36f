import { customType } from 'drizzle-orm/pg-core';

/**
 * PostGIS columns with their SRID spelt out (drizzle-kit drops the SRID of its built-in geometry
 * column). Values are written with SQL such as `ST_SetSRID(ST_MakePoint(lng, lat), 4326)` and read
 * through ST_X/ST_Y or ST_AsGeoJSON, never as raw EWKB.
 */
export const pointWgs84 = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(Point,4326)',
});

/** A MultiPolygon in WGS-84, e.g. a simplified province boundary. */
export const multiPolygonWgs84 = customType<{ data: string; driverData: string }>({
  dataType: () => 'geometry(MultiPolygon,4326)',
});
