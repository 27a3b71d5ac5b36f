import type { StyleSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { apiUrl } from '$lib/api/client';
import { BASEMAP_COLORS } from './colors';

/**
 * The font stack of every label Kaimen adds. Online styles' glyph servers (OpenFreeMap's among them)
 * carry Noto Sans; with no glyph server (the offline style) MapLibre draws every glyph in the browser
 * with this name as a CSS font family, falling back to the page's sans-serif, and Chinese always comes
 * from the map's `localIdeographFontFamily`.
 */
export const LABEL_FONT = ['Noto Sans Regular'];

/** The shipped place names (provinces, prefectures, municipal districts) as a source. */
export const PLACE_LABEL_SOURCE_ID = 'place-labels';

/** Label layers by the place level they show, and the zoom they appear from. */
export const PLACE_LABEL_LEVELS = [
  { level: 'province', minzoom: 3, maxzoom: 9, size: 14 },
  { level: 'prefecture', minzoom: 6, maxzoom: 12, size: 12.5 },
  { level: 'district', minzoom: 8, maxzoom: 14, size: 12 },
] as const;

/** The id of the label layer for one place level. */
export const placeLabelLayerId = (level: string) => `place-labels-${level}`;

function placeLabelLayer(entry: (typeof PLACE_LABEL_LEVELS)[number]): SymbolLayerSpecification {
  return {
    id: placeLabelLayerId(entry.level),
    type: 'symbol',
    source: PLACE_LABEL_SOURCE_ID,
    minzoom: entry.minzoom,
    maxzoom: entry.maxzoom,
    filter: ['==', ['get', 'level'], entry.level],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': LABEL_FONT,
      'text-size': entry.size,
      'symbol-sort-key': ['get', 'rank'],
    },
    paint: {
      'text-color': BASEMAP_COLORS.label,
      'text-halo-color': BASEMAP_COLORS.labelHalo,
      'text-halo-width': 1.5,
    },
  };
}

/**
 * The offline base map: administrative boundaries and place names served by our own API on a
 * sea-coloured background. No tiles, glyphs or sprites, so it works with no internet: with no glyph
 * server, MapLibre draws label text with the browser's own fonts.
 *
 * @param origin absolute origin such as `https://kaimen.example`; MapLibre fetches GeoJSON in a web
 *   worker, where a bare `/api/...` path has no page to resolve against.
 * @param attribution credits for the boundaries, shown by MapLibre's attribution control
 */
export function buildOfflineStyle(origin = '', attribution?: string): StyleSpecification {
  const layer = (name: string) => origin + apiUrl('/api/basemap/{layer}', { path: { layer: name } });
  return {
    version: 8,
    name: 'Kaimen offline',
    sources: {
      provinces: { type: 'geojson', data: layer('provinces.geojson'), ...(attribution ? { attribution } : {}) },
      prefectures: { type: 'geojson', data: layer('prefectures.geojson') },
      [PLACE_LABEL_SOURCE_ID]: { type: 'geojson', data: layer('labels.geojson') },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.water } },
      {
        id: 'provinces-fill',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': BASEMAP_COLORS.land },
      },
      {
        id: 'prefectures-line',
        type: 'line',
        source: 'prefectures',
        minzoom: 5,
        paint: {
          'line-color': BASEMAP_COLORS.prefectureLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.4, 10, 1],
        },
      },
      {
        id: 'provinces-line',
        type: 'line',
        source: 'provinces',
        paint: {
          'line-color': BASEMAP_COLORS.provinceLine,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6],
        },
      },
      ...PLACE_LABEL_LEVELS.map(placeLabelLayer),
    ],
  };
}
