import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SEED_FILES } from '../../seeds/files.ts';

/** The offline base map's layers, by the name the API serves them under (a Map: `__proto__` is no layer). */
const LAYERS = new Map([
  ['provinces.geojson', SEED_FILES.provinces],
  ['prefectures.geojson', SEED_FILES.prefectures],
]);

/** A layer's GeoJSON and its ETag. */
export interface BasemapLayer {
  body: Buffer;
  etag: string;
}

// The shipped files never change while the process runs: each is read once, then held in memory.
const cache = new Map<string, Promise<BasemapLayer>>();

/** The named layer, read once from the seed files; undefined for a name that is no layer. */
export function basemapLayer(name: string): Promise<BasemapLayer> | undefined {
  const path = LAYERS.get(name);
  if (!path) return undefined;
  let layer = cache.get(path);
  if (!layer) {
    layer = readLayer(path);
    cache.set(path, layer);
    // A failed read must not be cached: the next request tries again.
    layer.catch(() => cache.delete(path));
  }
  return layer;
}

async function readLayer(path: string): Promise<BasemapLayer> {
  const body = await readFile(path);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}
