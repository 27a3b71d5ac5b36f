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
} as const;

/** Point colours by admission for minors: parents look for "free" first. */
export const ADMISSION_COLORS = {
  free: '#1f8a5b',
  discounted: '#d08a12',
  paid: '#5b6b8c',
  unknown: '#8a8f98',
} as const;

/** Clusters darken with size: from light brand green to the darkest brand shade. */
export const CLUSTER_COLORS = ['#7fb8a4', '#3f9a7a', '#1f6f5c', '#0d3b30'] as const;

/** Marks drawn over the venues. */
export const MARK_COLORS = {
  /** The venue highlighted on map and list together; the pin a manager drags. */
  highlight: '#e0452b',
  /** The chosen place distances are measured from. */
  place: '#2b6cd4',
  /** The ring around points and clusters, so they read on any base map. */
  stroke: '#ffffff',
} as const;
