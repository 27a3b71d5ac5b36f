import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SEED_FILES } from '../../seeds/files.ts';

/** The offline base map's layers, by the name the API serves them under (a Map: `__proto__` is no layer). */
const LAYERS = new Map<string, () => Promise<Buffer>>([
  ['provinces.geojson', () => readFile(SEED_FILES.provinces)],
  ['prefectures.geojson', () => readFile(SEED_FILES.prefectures)],
  ['labels.geojson', placeLabels],
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
  const read = LAYERS.get(name);
  if (!read) return undefined;
  let layer = cache.get(name);
  if (!layer) {
    layer = withEtag(read());
    cache.set(name, layer);
    // A failed read must not be cached: the next request tries again.
    layer.catch(() => cache.delete(name));
  }
  return layer;
}

async function withEtag(read: Promise<Buffer>): Promise<BasemapLayer> {
  const body = await read;
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

interface BoundaryFile {
  features: { properties: { adcode: string | null; name: string; cp_lng?: number; cp_lat?: number } }[];
}

/**
 * Place names for the offline map: one point per province and prefecture at the label point the
 * boundary files carry (`level` is `province`, `prefecture`, or `district` for the municipalities'
 * districts, which their files hold as prefectures; `rank` 1–3 in that order, for collisions).
 */
async function placeLabels(): Promise<Buffer> {
  const features = [];
  for (const [level, path, rank] of [
    ['province', SEED_FILES.provinces, 1],
    ['prefecture', SEED_FILES.prefectures, 2],
  ] as const) {
    const file = JSON.parse(await readFile(path, 'utf8')) as BoundaryFile;
    for (const { properties: p } of file.features) {
      if (typeof p.cp_lng !== 'number' || typeof p.cp_lat !== 'number' || !p.name) continue;
      // The municipalities' "prefectures" are their districts (110108 海淀区).
      const district = level === 'prefecture' && p.adcode !== null && !p.adcode.endsWith('00');
      features.push({
        type: 'Feature',
        properties: { name: p.name, level: district ? 'district' : level, rank: district ? 3 : rank, adcode: p.adcode },
        geometry: { type: 'Point', coordinates: [p.cp_lng, p.cp_lat] },
      });
    }
  }
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
}
