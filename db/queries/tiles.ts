import { and, sql, type SQL } from 'drizzle-orm';
import type { MvtPointFeature, MvtValue } from '../../domain/tiles/mvt-encode.ts';
import {
  CLUSTER_BELOW_ZOOM,
  CLUSTER_CELLS_PER_TILE,
  MAX_MERCATOR_LAT,
  TILE_EXTENT,
  tileBounds,
  worldToTile,
  type TileAddress,
} from '../../domain/tiles/tile-math.ts';
import { queryRows, type Db } from '../client.ts';
import { venues } from '../schema/index.ts';
import { venueFilterConditions, type VenueFilters } from './venue-search.ts';

/** The one layer of the venue tiles: venue points from CLUSTER_BELOW_ZOOM on, clusters below it. */
export const VENUE_LAYER = 'venues';

/** Which tile, and which venues (the same filters as search). */
export interface VenueTileQuery {
  tile: TileAddress;
  filters: VenueFilters;
}

/** Columns each kind of feature carries as properties, in order (the rest of a row is its position). */
const VENUE_PROPERTIES = ['id', 'name', 'kinds', 'minors_admission', 'coord_precision'] as const;
const CLUSTER_PROPERTIES = ['count', 'cluster', 'id', 'name', 'minors_admission'] as const;

/** The width of the Web Mercator square in metres, the span ST_TileEnvelope divides. */
const MERCATOR_WIDTH_M = 2 * 20037508.342789244;

/** Degrees added around the tile's box for the index prefilter, so edge venues are never cut by rounding. */
const PREFILTER_MARGIN_DEG = 1e-9;

/** A feature row: its properties, and its world position (0..1) in wx, wy. */
type FeatureRow = Record<string, MvtValue> & { wx: number; wy: number };

/**
 * The features of one venue tile as points in tile coordinates, computed in SQL that runs unchanged on
 * both engines; the embedded engine encodes them in JS, and the PostgreSQL tests compare them with
 * `venueTileMvt`.
 */
export async function venueTileFeatures(db: Db, query: VenueTileQuery): Promise<MvtPointFeature[]> {
  const rows = await queryRows<FeatureRow>(db, tileRows(query));
  return rows.map(({ wx, wy, ...properties }) => ({ point: worldToTile(wx, wy, query.tile), properties }));
}

/**
 * The same tile encoded by PostGIS (ST_AsMVT, ST_AsMVTGeom, ST_TileEnvelope) in one statement. PostgreSQL
 * only: the embedded engine's PostGIS has no protobuf. Zero bytes when the tile holds nothing.
 */
export async function venueTileMvt(db: Db, query: VenueTileQuery): Promise<Uint8Array> {
  const { z, x, y } = query.tile;
  const columns = (query.tile.z < CLUSTER_BELOW_ZOOM ? CLUSTER_PROPERTIES : VENUE_PROPERTIES).map((c) =>
    sql.identifier(c),
  );
  // The point is rebuilt in metres from the shared world position, so both encoders place it alike.
  const [row] = await queryRows<{ mvt: Uint8Array | null }>(
    db,
    sql`SELECT ST_AsMVT(t, ${VENUE_LAYER}::text, ${TILE_EXTENT}::int, 'geom') AS mvt FROM (
      SELECT ST_AsMVTGeom(
          ST_SetSRID(ST_MakePoint((r.wx - 0.5) * ${MERCATOR_WIDTH_M}::float8, (0.5 - r.wy) * ${MERCATOR_WIDTH_M}::float8), 3857),
          ST_TileEnvelope(${z}::int, ${x}::int, ${y}::int), ${TILE_EXTENT}::int, 0, false) AS geom,
        ${sql.join(columns, sql`, `)}
      FROM (${tileRows(query)}) r
    ) t`,
  );
  return row?.mvt ? new Uint8Array(row.mvt) : new Uint8Array();
}

/** The box of the venues the filters select as [west, south, east, north]; undefined when none match. */
export async function venueTileBounds(
  db: Db,
  filters: VenueFilters,
): Promise<[number, number, number, number] | undefined> {
  const [row] = await queryRows<{ w: number | null; s: number; e: number; n: number }>(
    db,
    sql`SELECT ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n
      FROM (SELECT ST_Extent(${venues.location})::box3d AS b FROM ${venues} WHERE ${and(...venueFilterConditions(filters))}) x`,
  );
  return row && row.w !== null ? [Number(row.w), Number(row.s), Number(row.e), Number(row.n)] : undefined;
}

/**
 * The rows of a tile: each venue in it, or below CLUSTER_BELOW_ZOOM one row per occupied cluster cell
 * with the count and the mean position of its venues (for a cell of one, that venue's id and name), and
 * the admission most of them have (ties go to the first in text order), so colours read at every zoom.
 */
function tileRows({ tile, filters }: VenueTileQuery): SQL {
  const members = tileMembers(tile, filters);
  if (tile.z >= CLUSTER_BELOW_ZOOM) {
    return sql`SELECT id, name, kinds, minors_admission, coord_precision, wx, wy FROM (${members}) m ORDER BY id`;
  }
  // Cells are counted from the world's corner, not the tile's, so neighbouring tiles share one grid;
  // the cells nest in tiles, so a cell, and its mean position, lies in exactly one tile.
  const cells = 2 ** tile.z * CLUSTER_CELLS_PER_TILE;
  return sql`SELECT count(*)::int AS count, true AS cluster,
      CASE WHEN count(*) = 1 THEN min(c.id) END AS id,
      CASE WHEN count(*) = 1 THEN min(c.name) END AS name,
      mode() WITHIN GROUP (ORDER BY c.minors_admission) AS minors_admission,
      avg(c.wx) AS wx, avg(c.wy) AS wy
    FROM (
      SELECT m.*, LEAST(floor(m.wx * ${cells}::float8), ${cells - 1}::float8) AS cell_x,
        LEAST(floor(m.wy * ${cells}::float8), ${cells - 1}::float8) AS cell_y
      FROM (${members}) m
    ) c
    GROUP BY c.cell_y, c.cell_x
    ORDER BY c.cell_y, c.cell_x`;
}

/**
 * The venues the filters select whose point lies in the tile, with their world position. A venue is in
 * the tile whose index is floor(world × 2^z), so it is in exactly one tile of each zoom; the box
 * condition only lets the GiST index narrow the candidates.
 */
function tileMembers(tile: TileAddress, filters: VenueFilters): SQL {
  const n = 2 ** tile.z;
  const box = tileBounds(tile);
  // Venues beyond Mercator's latitude limit are clamped onto the top or bottom row of tiles.
  const south = tile.y === n - 1 ? -90 : box.minLat - PREFILTER_MARGIN_DEG;
  const north = tile.y === 0 ? 90 : box.maxLat + PREFILTER_MARGIN_DEG;
  const west = box.minLng - PREFILTER_MARGIN_DEG;
  const east = box.maxLng + PREFILTER_MARGIN_DEG;
  const conditions = venueFilterConditions(filters);
  conditions.push(
    sql`${venues.location} && ST_MakeEnvelope(${west}::float8, ${south}::float8, ${east}::float8, ${north}::float8, 4326)`,
  );
  return sql`SELECT * FROM (
      SELECT ${venues.id}::text AS id, ${venues.nameZh} AS name, array_to_string(${venues.kinds}, ',') AS kinds,
        ${venues.minorsAdmission} AS minors_admission, ${venues.coordPrecision} AS coord_precision,
        ${worldX()} AS wx, ${worldY()} AS wy
      FROM ${venues} WHERE ${and(...conditions)}
    ) v
    WHERE LEAST(floor(v.wx * ${n}::float8), ${n - 1}::float8) = ${tile.x}::float8
      AND LEAST(floor(v.wy * ${n}::float8), ${n - 1}::float8) = ${tile.y}::float8`;
}

/** World x (0..1) of a venue: lngLatToWorld in domain/tiles/tile-math.ts, in SQL. */
function worldX(): SQL {
  return sql`((ST_X(${venues.location}) + 180) / 360)`;
}

/** World y (0..1, southwards) of a venue, its latitude clamped to Mercator's limit (ln(0) would throw). */
function worldY(): SQL {
  const lat = sql`GREATEST(LEAST(ST_Y(${venues.location}), ${MAX_MERCATOR_LAT}::float8), ${-MAX_MERCATOR_LAT}::float8)`;
  return sql`(0.5 - ln(tan(pi() / 4 + radians(${lat}) / 2)) / (2 * pi()))`;
}

/**
 * A value that changes whenever rows of the tables tiles are drawn from are written, by any process:
 * PostgreSQL's cumulative per-table write counters. They are published by the writing backend within
 * about a second of its commit (at most a minute under lock contention), so a cache checking this is
 * stale for seconds at most. The embedded engine does not publish them; there every write is in-process.
 */
export async function venueWriteCounter(db: Db): Promise<string> {
  const [row] = await queryRows<{ n: string }>(
    db,
    sql`SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::text AS n FROM pg_stat_user_tables
      WHERE relid IN ('venues'::regclass, 'designations'::regclass, 'venue_open_intervals'::regclass)`,
  );
  return row?.n ?? '0';
}
