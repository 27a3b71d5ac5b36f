/**
 * Types of the public venue-search API.
 * Hand-written for the walking skeleton; to be replaced by types generated from the committed
 * OpenAPI document once it exists (see STYLE.md, practice 8).
 */

/** Venue kinds, stable API names. */
export type VenueKind =
  | 'museum'
  | 'library'
  | 'science_center'
  | 'memorial_hall'
  | 'art_gallery'
  | 'cultural_center'
  | 'heritage_hall'
  | 'performance_venue'
  | 'sports_venue'
  | 'park'
  | 'national_park'
  | 'youth_palace'
  | 'children_center'
  | 'practice_base'
  | 'community_station'
  | 'education_base'
  | 'camp';

/** Admission for minors. */
export type Admission = 'free' | 'discounted' | 'paid' | 'unknown';

/** How far a venue's point can be trusted; low-precision points are drawn fainter. */
export type CoordPrecision = 'high' | 'medium' | 'low';

/** One item of `GET /api/venues`. Kinds stay `string` so a new kind from the server does not break the client. */
export interface VenueItem {
  id: string;
  name: string;
  name_en: string | null;
  kinds: string[];
  themes: string[];
  lng: number;
  lat: number;
  distance_m: number | null;
  address: string | null;
  adcode: string | null;
  minors_admission: Admission;
  coord_precision: CoordPrecision;
}

/** Body of a successful `GET /api/venues`. */
export interface VenueSearchResponse {
  items: VenueItem[];
  next_cursor: string | null;
}

/** Body of every 4xx answer. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** Body of `GET /api/config`: runtime settings the server injects. */
export interface ClientConfig {
  basemap_style_url: string | null;
}

/** Bounding box as `[minLng, minLat, maxLng, maxLat]` in WGS-84 degrees. */
export type BBox = [number, number, number, number];
