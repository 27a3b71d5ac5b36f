import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeMvt, type MvtPointFeature } from '../../domain/tiles/mvt-encode.ts';

const decodeLayer = (bytes: Uint8Array, name: string) => new VectorTile(new PbfReader(bytes)).layers[name];

describe('encodeMvt', () => {
  it('writes point features that the reference decoder reads back, property types included', () => {
    const features: MvtPointFeature[] = [
      { point: [10, 20], properties: { name: '故宫博物院', count: 3, cluster: true, ratio: 0.25, delta: -7 } },
      { point: [4096, 0], properties: { name: 'A', count: 3, cluster: false, missing: null, gone: undefined } },
      { point: [-5, 4100], properties: { one: '1', other: 1 } },
    ];
    const layer = decodeLayer(encodeMvt([{ name: 'venues', extent: 4096, features }]), 'venues')!;
    expect(layer.version).toBe(2);
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBe(3);
    const read = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    expect(read.map((f) => f.type)).toEqual([1, 1, 1]);
    expect(read.map((f) => f.id)).toEqual([undefined, undefined, undefined]);
    expect(read.map((f) => f.loadGeometry().map((ring) => ring.map((p) => [p.x, p.y])))).toEqual([
      [[[10, 20]]],
      [[[4096, 0]]],
      [[[-5, 4100]]],
    ]);
    expect({ ...read[0]!.properties }).toEqual({ name: '故宫博物院', count: 3, cluster: true, ratio: 0.25, delta: -7 });
    // Null and undefined are left out, as ST_AsMVT leaves out NULL columns.
    expect({ ...read[1]!.properties }).toEqual({ name: 'A', count: 3, cluster: false });
    // The string "1" and the number 1 stay distinct values.
    expect({ ...read[2]!.properties }).toEqual({ one: '1', other: 1 });
  });

  it('writes several layers and leaves empty ones out', () => {
    const point: MvtPointFeature = { point: [1, 2], properties: { a: 'b' } };
    const bytes = encodeMvt([
      { name: 'empty', extent: 4096, features: [] },
      { name: 'venues', extent: 512, features: [point] },
    ]);
    const tile = new VectorTile(new PbfReader(bytes));
    expect(Object.keys(tile.layers)).toEqual(['venues']);
    expect(tile.layers.venues!.extent).toBe(512);
  });

  it('encodes a tile with nothing in it as zero bytes', () => {
    expect(encodeMvt([])).toHaveLength(0);
    expect(encodeMvt([{ name: 'venues', extent: 4096, features: [] }])).toHaveLength(0);
  });

  it('shares repeated keys and values between features (the tile grows by little per repeat)', () => {
    const many = (n: number) =>
      encodeMvt([
        {
          name: 'venues',
          extent: 4096,
          features: Array.from({ length: n }, (_, i) => ({
            point: [i, i] as [number, number],
            properties: { minors_admission: 'free', kinds: 'museum,science_centre' },
          })),
        },
      ]).length;
    // Each further feature costs its geometry and tag indices only, not the strings again.
    expect(many(11) - many(10)).toBeLessThan(16);
  });
});
