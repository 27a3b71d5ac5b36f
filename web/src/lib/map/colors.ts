/**
 * The map's colours, in one place. MapLibre paints from style objects built in TypeScript and draws
 * on a canvas (or in a worker), where CSS custom properties do not reach: reading them would mean
 * `getComputedStyle` on a mounted element before every style build, and nothing at all for the
 * server-built style. So the map keeps named constants here, and the few CSS tokens that must match
 * a map colour (`--color-map-*` in `$lib/styles/tokens.css`) are checked against these by a test.
 */

/** The offline base map: quiet, so venue points stand out. */
export const BASEMAP_COLORS = {
  water: '#dceaf2',
  land: '#f7f4ec',
  provinceLine: '#b9ae98',
  prefectureLine: '#d8cfbd',
  /** Place names, with a halo of land colour so they read over lines. */
  label: '#5c5446',
  labelHalo: '#f7f4ec',
} as const;

/** Point colours by admission for minors: parents look for "free" first. */
export const ADMISSION_COLORS = {
  free: '#1f8a5b',
  discounted: '#d08a12',
  paid: '#5b6b8c',
  unknown: '#8a8f98',
} as const;

/** Marks drawn over the venues. */
export const MARK_COLORS = {
  /** The venue highlighted on map and list together; the pin a manager drags. */
  highlight: '#e0452b',
  /** The chosen place distances are measured from. */
  place: '#2b6cd4',
  /** The ring around points and clusters, so they read on any base map; the clusters' count. */
  stroke: '#ffffff',
  /** A thin dark edge under the white count, so it reads on the light (discounted) colour too. */
  countHalo: '#1d2a26',
  /** Venue names at street zoom. */
  name: '#1d2a26',
} as const;
