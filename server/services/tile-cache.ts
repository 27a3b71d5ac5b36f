import type { Db } from '../../db/client.ts';
import type { VenueFilters } from '../../db/queries/venue-search.ts';
import type { TileAddress } from '../../domain/tiles/tile-math.ts';

/** One encoded tile as the route sends it: zero bytes for a tile with no venue. */
export interface CachedTile {
  bytes: Uint8Array;
  etag: string;
}

/** A tile from the cache, or just computed, with when it was computed (for the Age header). */
export interface TileLookup extends CachedTile {
  computedAt: number;
  hit: boolean;
}

export interface TileCacheOptions {
  /** Upper bound of the bytes held (tiles, keys and a fixed allowance per entry); least recently used go first. */
  maxBytes?: number;
  /** How long a tile is served from memory; the route's `max-age` is the same, so a tile is never older than this. */
  ttlMs?: number;
  /**
   * Reads a value that changes whenever venues change in any process (PostgreSQL's per-table write
   * counters); when it differs from the last reading, every tile is dropped.
   */
  probe?: (() => Promise<string>) | undefined;
  /** At most one probe per this many milliseconds. */
  probeIntervalMs?: number;
  now?: () => number;
}

/** Memory held per entry beyond its tile and key bytes (the entry object, Map slot, ETag). */
const ENTRY_OVERHEAD_BYTES = 160;

interface Entry extends CachedTile {
  computedAt: number;
  size: number;
}

/**
 * An in-memory LRU of encoded venue tiles, bounded by bytes. Low-zoom tiles cost in proportion to the
 * venues they cover (a z5 tile over Beijing groups 242,000 venues in 1.4 s at 1,000,000), and the map
 * asks for the same few of them over and over. Any venue write in this process calls `invalidate()`
 * (through `invalidateVenueTiles`); writes by other processes (`npm run import`, another server) are
 * noticed by the probe, usually within seconds, and in any case entries expire after `ttlMs`.
 */
export class TileCache {
  readonly maxBytes: number;
  readonly ttlMs: number;
  #entries = new Map<string, Entry>();
  /** Tiles being computed, so concurrent requests for one slow tile run its query once. */
  #pending = new Map<string, Promise<Entry>>();
  #bytes = 0;
  #generation = 0;
  #probe: (() => Promise<string>) | undefined;
  #probeIntervalMs: number;
  #probedAt = -Infinity;
  #probed: string | undefined;
  #now: () => number;

  constructor(options: TileCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.#probe = options.probe;
    this.#probeIntervalMs = options.probeIntervalMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** Bytes held now (never above maxBytes). */
  get bytes(): number {
    return this.#bytes;
  }

  /** Tiles held now. */
  get size(): number {
    return this.#entries.size;
  }

  /** Bumped by every invalidation; a tile computed under an older generation is not stored. */
  get generation(): number {
    return this.#generation;
  }

  /** Drops every tile, and keeps tiles being computed now from being stored. */
  invalidate(): void {
    this.#generation++;
    this.#entries.clear();
    this.#pending.clear();
    this.#bytes = 0;
  }

  /** The tile under `key`, from memory while fresh, else from `compute` (stored if it fits). */
  async get(key: string, compute: () => Promise<CachedTile>): Promise<TileLookup> {
    await this.#checkForChanges();
    const now = this.#now();
    const entry = this.#entries.get(key);
    if (entry && now - entry.computedAt < this.ttlMs) {
      // Map order is recency order: move the entry to the end.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return { bytes: entry.bytes, etag: entry.etag, computedAt: entry.computedAt, hit: true };
    }
    if (entry) this.#remove(key, entry);

    let pending = this.#pending.get(key);
    if (!pending) {
      const generation = this.#generation;
      pending = compute().then(
        (tile) => {
          const computed = {
            ...tile,
            computedAt: now,
            size: tile.bytes.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES,
          };
          if (this.#pending.get(key) === pending) this.#pending.delete(key);
          if (generation === this.#generation) this.#store(key, computed);
          return computed;
        },
        (error: unknown) => {
          if (this.#pending.get(key) === pending) this.#pending.delete(key);
          throw error;
        },
      );
      this.#pending.set(key, pending);
    }
    const tile = await pending;
    return { bytes: tile.bytes, etag: tile.etag, computedAt: tile.computedAt, hit: false };
  }

  #store(key: string, entry: Entry): void {
    if (entry.size > this.maxBytes) return;
    const old = this.#entries.get(key);
    if (old) this.#remove(key, old);
    this.#entries.set(key, entry);
    this.#bytes += entry.size;
    for (const [oldest, e] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#remove(oldest, e);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  async #checkForChanges(): Promise<void> {
    const now = this.#now();
    if (!this.#probe || now - this.#probedAt < this.#probeIntervalMs) return;
    this.#probedAt = now;
    let value: string | undefined;
    try {
      value = await this.#probe();
    } catch {
      // Unknown state: forget everything rather than risk serving stale tiles.
      value = undefined;
    }
    if (value === undefined || (this.#probed !== undefined && value !== this.#probed)) this.invalidate();
    this.#probed = value;
  }
}

/** A stable key for a tile and its filters: arrays sorted (they mean "any of" or "all of"), unset filters left out. */
export function tileCacheKey({ z, x, y }: TileAddress, filters: VenueFilters): string {
  const normalised = Object.entries(filters)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]) => [name, Array.isArray(value) ? [...new Set(value.map(String))].sort() : value] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return `${z}/${x}/${y}?${JSON.stringify(normalised)}`;
}

const caches = new WeakMap<Db, TileCache>();

/**
 * The tile cache of the app's database (one per database connection, so apps sharing one share it).
 * The tile route creates it on first use with its probe; later options are ignored.
 */
export function venueTileCache(app: { db: Db }, options?: TileCacheOptions): TileCache {
  let cache = caches.get(app.db);
  if (!cache) {
    cache = new TileCache(options);
    caches.set(app.db, cache);
  }
  return cache;
}

/**
 * Call after any write to venues (or their designations or opening hours), in the same process, so the
 * map never shows the old state from the tile cache. Cheap: it drops every cached tile.
 */
export function invalidateVenueTiles(app: { db: Db }): void {
  caches.get(app.db)?.invalidate();
}
