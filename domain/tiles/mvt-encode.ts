import { PbfWriter } from 'pbf';

/**
 * A small Mapbox Vector Tile 2.1 encoder for point layers, for the embedded engine, whose PostGIS is
 * built without protobuf (no ST_AsMVT). It writes what ST_AsMVT writes for the same rows: property
 * values typed as PostgreSQL types map (text → string, non-negative int → uint, negative int → sint,
 * other numbers → double, boolean → bool), NULL properties left out, no feature ids.
 * Spec: https://github.com/mapbox/vector-tile-spec/tree/master/2.1
 */

/** A property value a feature can carry; null and undefined are left out, as ST_AsMVT leaves out NULL. */
export type MvtValue = string | number | boolean | null | undefined;

/** One point feature in tile coordinates (0..extent, y downwards). */
export interface MvtPointFeature {
  point: [number, number];
  properties: Record<string, MvtValue>;
}

export interface MvtLayer {
  name: string;
  extent: number;
  features: MvtPointFeature[];
}

/** Message field numbers and wire constants from vector_tile.proto. */
const TILE_LAYERS = 3;
const LAYER = { version: 15, name: 1, features: 2, keys: 3, values: 4, extent: 5 } as const;
const FEATURE = { tags: 2, type: 3, geometry: 4 } as const;
const VALUE = { string: 1, double: 3, uint: 5, sint: 6, bool: 7 } as const;
const GEOMETRY_POINT = 1;
const MOVE_TO_ONCE = (1 << 3) | 1; // command id 1 (MoveTo), count 1

/**
 * Encodes layers of point features into a tile. Layers without features are left out, so a tile with
 * nothing in it encodes to zero bytes, as ST_AsMVT answers for no rows.
 */
export function encodeMvt(layers: MvtLayer[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) {
    if (layer.features.length > 0) pbf.writeMessage(TILE_LAYERS, writeLayer, layer);
  }
  return pbf.finish();
}

function writeLayer(layer: MvtLayer, pbf: PbfWriter): void {
  // Keys and values are shared tables; features refer to them by index.
  const keys = new Map<string, number>();
  const values = new Map<string, { index: number; value: string | number | boolean }>();
  const tagsOf = (properties: Record<string, MvtValue>): number[] => {
    const tags: number[] = [];
    for (const [key, value] of Object.entries(properties)) {
      if (value === null || value === undefined) continue;
      let keyIndex = keys.get(key);
      if (keyIndex === undefined) keys.set(key, (keyIndex = keys.size));
      // The type is part of the identity: the string "1" and the number 1 are different values.
      const id = `${typeof value}:${String(value)}`;
      let entry = values.get(id);
      if (!entry) values.set(id, (entry = { index: values.size, value }));
      tags.push(keyIndex, entry.index);
    }
    return tags;
  };

  pbf.writeVarintField(LAYER.version, 2);
  pbf.writeStringField(LAYER.name, layer.name);
  for (const feature of layer.features) {
    pbf.writeMessage(LAYER.features, writeFeature, { tags: tagsOf(feature.properties), point: feature.point });
  }
  for (const key of keys.keys()) pbf.writeStringField(LAYER.keys, key);
  for (const { value } of values.values()) pbf.writeMessage(LAYER.values, writeValue, value);
  pbf.writeVarintField(LAYER.extent, layer.extent);
}

function writeFeature({ tags, point }: { tags: number[]; point: [number, number] }, pbf: PbfWriter): void {
  pbf.writePackedVarint(FEATURE.tags, tags);
  pbf.writeVarintField(FEATURE.type, GEOMETRY_POINT);
  // A point is one MoveTo from the cursor's start (0, 0), its parameters zigzag-encoded.
  pbf.writePackedVarint(FEATURE.geometry, [MOVE_TO_ONCE, zigzag(point[0]), zigzag(point[1])]);
}

function writeValue(value: string | number | boolean, pbf: PbfWriter): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE.string, value);
  else if (typeof value === 'boolean') pbf.writeBooleanField(VALUE.bool, value);
  else if (!Number.isSafeInteger(value)) pbf.writeDoubleField(VALUE.double, value);
  else if (value >= 0) pbf.writeVarintField(VALUE.uint, value);
  else pbf.writeSVarintField(VALUE.sint, value);
}

/** Protobuf's zigzag encoding of a signed integer (small magnitudes stay small). */
function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}
