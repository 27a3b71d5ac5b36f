/**
 * Names for the catalogue's API types that several modules share. Each is read off the generated
 * `paths` by path (`ApiAnswer<'/api/venues/{id}'>`), so it follows the committed OpenAPI document
 * (`npm run api:generate`); a type used in one place is written there the same way instead.
 */
import type { ApiAnswer, ApiQuery } from './client';

/** One item of `GET /api/venues`. */
export type VenueItem = ApiAnswer<'/api/venues'>['items'][number];

/** Venue kinds, stable API names. */
export type VenueKind = VenueItem['kinds'][number];

/** Educational themes, stable API names. */
export type Theme = VenueItem['themes'][number];

/** Orders `GET /api/venues` can sort by. */
export type VenueSort = NonNullable<ApiQuery<'/api/venues'>['sort']>;

/** Admission for minors. */
export type Admission = VenueItem['minors_admission'];

/** How far a venue's point can be trusted; low-precision points are drawn fainter. */
export type CoordPrecision = VenueItem['coord_precision'];

/** Bounding box as `[minLng, minLat, maxLng, maxLat]` in WGS-84 degrees (sent as `bbox=` text). */
export type BBox = [number, number, number, number];

/** Body of `GET /api/venues/{id}`: everything the venue page shows. */
export type VenueDetail = ApiAnswer<'/api/venues/{id}'>;

/** A venue's opening hours as the API evaluates them: open now, and the coming 7 days. */
export type VenueHours = VenueDetail['hours'];

/** One day of {@link VenueHours}; `intervals` is null when the hours are unknown, empty when closed. */
export type HoursDay = VenueHours['days'][number];

/** A bookable time (open day or programme session) with places left per allocation. */
export type Slot = ApiAnswer<'/api/venues/{id}/slots'>['items'][number];

/** A province, city or district found by name, with a point to centre a search on. */
export type DistrictItem = ApiAnswer<'/api/districts'>['items'][number];
