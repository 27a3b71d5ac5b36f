/**
 * `npm run seeds:boundaries`: regenerates seeds/boundaries/*.geojson from the full-precision ECharts 4
 * boundaries in ../shared/data/boundaries. Douglas–Peucker simplification (turf) at a tolerance that
 * keeps shapes recognisable at the zooms the offline base map shows, coordinates cut to 4 decimals
 * (~11 m), and only the properties Kaimen uses. Features without an adcode (mostly Taiwan's cities and
 * 崇明) are still drawn; the district loader skips them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { simplify } from '@turf/simplify';
import { truncate } from '@turf/truncate';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const SOURCE_DIR = resolve(process.argv[2] ?? '../shared/data/boundaries');
const OUT_DIR = resolve('seeds/boundaries');

interface Job {
  input: string;
  output: string;
  /** Simplification tolerance in degrees. */
  tolerance: number;
}

const jobs: Job[] = [
  { input: 'cn_province_echarts4.geojson', output: 'provinces.geojson', tolerance: 0.01 },
  { input: 'cn_prefecture_echarts4.geojson', output: 'prefectures.geojson', tolerance: 0.01 },
];

for (const job of jobs) {
  const source = JSON.parse(readFileSync(resolve(SOURCE_DIR, job.input), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    Record<string, unknown>
  >;
  let slivers = 0;
  const features = source.features
    .filter((f) => f.geometry)
    .map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const kept: Position[][][] = [];
      for (const rings of polygons) {
        const simplified = simplifyPolygon(rings, job.tolerance);
        if (simplified) kept.push(simplified);
        else slivers++;
      }
      const p = f.properties ?? {};
      return {
        type: 'Feature' as const,
        properties: {
          adcode: typeof p.adcode === 'string' && p.adcode !== '' ? p.adcode : null,
          name: p.name,
          cp_lng: p.cp_lng ?? null,
          cp_lat: p.cp_lat ?? null,
        },
        geometry: { type: 'MultiPolygon' as const, coordinates: kept },
      };
    })
    // A feature made only of slivers (the source has a second, tiny 山南市) has nothing left to draw.
    .filter((f) => f.geometry.coordinates.length > 0);
  const out = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(resolve(OUT_DIR, job.output), out + '\n');
  const withoutCode = features.filter((f) => f.properties.adcode === null).length;
  console.log(
    `${job.output}: ${features.length} features (${withoutCode} drawn without an adcode, ${slivers} degenerate slivers dropped), ${(out.length / 1024).toFixed(0)} KiB`,
  );
}

/**
 * Simplifies one polygon; undefined when it is a degenerate sliver (the source holds a few rings of
 * collinear or repeated points that turf refuses as polygons).
 */
function simplifyPolygon(rings: Position[][], tolerance: number): Position[][] | undefined {
  try {
    const polygon: Polygon = { type: 'Polygon', coordinates: rings };
    const simplified = truncate(simplify(polygon, { tolerance, highQuality: true }), { precision: 4, coordinates: 2 });
    // Simplification can collapse a tiny polygon to nothing; MapLibre chokes on empty polygons.
    const kept = simplified.coordinates.filter((ring) => ring.length >= 4);
    return kept.length > 0 ? kept : undefined;
  } catch {
    return undefined;
  }
}
