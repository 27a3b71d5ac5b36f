/**
 * Venue tiles as the tile route sends them. PostgreSQL encodes a tile with ST_AsMVT; the embedded
 * engine, whose PostGIS lacks it, selects the same features with the same SQL and encodes them in JS.
 * Cluster tiles are served from memory (services/tile-cache.ts): each groups every venue it covers
 * (seconds at low zoom with a million venues), and they are few and small. An `open_at` tile is asked
 * for once, so it is not kept.
 */
import { createHash } from 'node:crypto';
import type { Db, Engine } from '../../db/client.ts';
import { VENUE_LAYER, venueTileFeatures, venueTileMvt, venueWriteCounter } from '../../db/queries/tiles.ts';
import type { VenueFilters } from '../../db/queries/venue-search.ts';
import { encodeMvt } from '../../domain/tiles/mvt-encode.ts';
import { CLUSTER_BELOW_ZOOM, TILE_EXTENT, type TileAddress } from '../../domain/tiles/tile-math.ts';
import { tileCacheKey, venueTileCache, type CachedTile } from './tile-cache.ts';

/** An encoded tile (zero bytes when no venue is in it) and, when it came from memory, its age. */
export interface VenueTile extends CachedTile {
  /** Seconds since the cached tile was computed; undefined for a tile computed for this request. */
  ageS?: number;
}

/**
 * The venue tile at `tile` for `filters`. Cached cluster tiles live at most `maxAgeMs` (the route's
 * max-age, so no tile is ever older than a browser may keep it).
 */
export async function venueTile(
  app: { db: Db; engine: Engine },
  query: { tile: TileAddress; filters: VenueFilters },
  maxAgeMs: number,
): Promise<VenueTile> {
  const encode = async (): Promise<CachedTile> => {
    const bytes =
      app.engine === 'postgres'
        ? await venueTileMvt(app.db, query)
        : encodeMvt([{ name: VENUE_LAYER, extent: TILE_EXTENT, features: await venueTileFeatures(app.db, query) }]);
    return { bytes, etag: `"${createHash('sha1').update(bytes).digest('base64url')}"` };
  };
  // The green channel and school places follow slots and bookings, which drop no cached tile: not cached.
  const followsSlots = query.filters.greenChannel || query.filters.schoolPlaces;
  if (query.tile.z >= CLUSTER_BELOW_ZOOM || query.filters.openAt || followsSlots) return encode();
  const cache = venueTileCache(app, {
    ttlMs: maxAgeMs,
    probe: app.engine === 'postgres' ? () => venueWriteCounter(app.db) : undefined,
  });
  const found = await cache.get(tileCacheKey(query.tile, query.filters), encode);
  const tile: VenueTile = { bytes: found.bytes, etag: found.etag };
  if (found.hit) tile.ageS = Math.floor((Date.now() - found.computedAt) / 1000);
  return tile;
}
