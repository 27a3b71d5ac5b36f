import { Type, type Static } from '@sinclair/typebox';
import { ACCESSIBILITY_NEEDS, type AccessibilityNeed, type VenueFilters } from '../../db/queries/venues.ts';
import { THEMES, VENUE_KINDS, type Theme, type VenueKind } from '../../db/schema/vocab.ts';
import { Errors } from '../errors.ts';
import { parseBBox, parseLngLat } from '../geo.ts';
import { BBoxParam, BooleanParam, FiniteNumber, LngLatParam } from './common.ts';

/** The largest radius a search accepts: about the width of China. */
export const MAX_RADIUS_M = 5_000_000;

/**
 * Query parameters that select venues, shared by `/api/venues`, `/api/tiles/venues/…` and
 * `/api/slots`, so every view of the catalogue filters the same way. Spread into a route's querystring.
 */
export const venueFilterProperties = {
  near: Type.Optional(LngLatParam),
  radius_m: Type.Optional(
    FiniteNumber({ exclusiveMinimum: 0, maximum: MAX_RADIUS_M, description: 'Radius around `near` in metres' }),
  ),
  bbox: Type.Optional(BBoxParam),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Substring of the Chinese or English name; one character works',
    }),
  ),
  kinds: Type.Optional(Type.String({ description: `Comma-separated venue kinds, any of: ${VENUE_KINDS.join(', ')}` })),
  themes: Type.Optional(Type.String({ description: `Comma-separated themes, any of: ${THEMES.join(', ')}` })),
  free: Type.Optional(BooleanParam),
  green_channel: Type.Optional(BooleanParam),
  accessible: Type.Optional(
    Type.String({
      description: `Comma-separated needs the venue is known to meet, all of: ${ACCESSIBILITY_NEEDS.join(', ')}`,
    }),
  ),
  designation: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'An official title the venue holds, e.g. 全国科普教育基地; `any` for any title',
    }),
  ),
};

/** The filters alone, as a schema (routes spread `venueFilterProperties` into their own). */
export const VenueFilterQuery = Type.Object(venueFilterProperties);
export type VenueFilterQuery = Static<typeof VenueFilterQuery>;

/** Turns validated query parameters into filters; throws the 400s schema validation cannot express. */
export function parseVenueFilters(query: VenueFilterQuery): VenueFilters {
  const near = query.near === undefined ? undefined : parseLngLat(query.near);
  if (query.radius_m !== undefined && !near) throw Errors.radiusWithoutNear();
  return {
    near,
    radiusM: query.radius_m,
    bbox: query.bbox === undefined ? undefined : parseBBox(query.bbox),
    q: query.q?.trim().toLowerCase() || undefined,
    kinds: parseList<VenueKind>(query.kinds, VENUE_KINDS, Errors.unknownKind),
    themes: parseList<Theme>(query.themes, THEMES, Errors.unknownTheme),
    free: query.free === 'true' ? true : undefined,
    greenChannel: query.green_channel === 'true' ? true : undefined,
    accessible: parseList<AccessibilityNeed>(query.accessible, ACCESSIBILITY_NEEDS, Errors.unknownAccessibilityNeed),
    designation: query.designation?.trim() || undefined,
  };
}

/** A comma-separated list of vocabulary words; unknown words answer the vocabulary's 400. */
function parseList<T extends string>(
  value: string | undefined,
  vocabulary: readonly T[],
  unknownError: (words: string[]) => Error,
): T[] | undefined {
  if (value === undefined) return undefined;
  const known = new Set<string>(vocabulary);
  const words = value
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w !== '');
  const unknown = words.filter((w) => !known.has(w));
  if (unknown.length > 0) throw unknownError(unknown);
  return words.length > 0 ? (words as T[]) : undefined;
}
