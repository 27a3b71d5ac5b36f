import type { StyleSpecification } from 'maplibre-gl';
import { apiUrl } from '$lib/api/client';
import { BASEMAP_COLORS } from './colors';

/**
 * The offline base map: administrative boundaries served by our own API on a sea-coloured background.
 * No tiles, glyphs or sprites, so it works with no internet and needs no symbol layers
 * (text would need a glyph server).
 *
 * @param origin absolute origin such as `https://kaimen.example`; MapLibre fetches GeoJSON in a web
 *   worker, where a bare `/api/...` path has no page to resolve against.
 */
export function buildOfflineStyle(origin = ''): StyleSpecification {
  return {
    version: 8,
    name: 'Kaimen offline',
    sources: {
      provinces: {
        type: 'geojson',
        data: origin + apiUrl('/api/basemap/{layer}', { path: { layer: 'provinces.geojson' } }),
      },
      prefectures: {
        type: 'geojson',
        data: origin + apiUrl('/api/basemap/{layer}', { path: { layer: 'prefectures.geojson' } }),
      },
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
    ],
  };
}
