import { Type, type Static } from '@sinclair/typebox';
import type { VenueFilters } from '../../db/queries/venues.ts';
import { VENUE_KINDS, type VenueKind } from '../../db/schema/vocab.ts';
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
  free: Type.Optional(BooleanParam),
};

/** The filters alone, as a schema (routes spread `venueFilterProperties` into their own). */
export const VenueFilterQuery = Type.Object(venueFilterProperties);
export type VenueFilterQuery = Static<typeof VenueFilterQuery>;

const KNOWN_KINDS = new Set<string>(VENUE_KINDS);

/** Turns validated query parameters into filters; throws the 400s schema validation cannot express. */
export function parseVenueFilters(query: VenueFilterQuery): VenueFilters {
  const near = query.near === undefined ? undefined : parseLngLat(query.near);
  if (query.radius_m !== undefined && !near) throw Errors.radiusWithoutNear();
  return {
    near,
    radiusM: query.radius_m,
    bbox: query.bbox === undefined ? undefined : parseBBox(query.bbox),
    q: query.q?.trim().toLowerCase() || undefined,
    kinds: parseKinds(query.kinds),
    free: query.free === 'true' ? true : undefined,
  };
}

function parseKinds(value: string | undefined): VenueKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = kinds.filter((k) => !KNOWN_KINDS.has(k));
  if (unknown.length > 0) throw Errors.unknownKind(unknown);
  return kinds.length > 0 ? (kinds as VenueKind[]) : undefined;
}
