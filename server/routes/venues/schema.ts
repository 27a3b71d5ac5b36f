import { Type, type Static } from '@sinclair/typebox';
import { COORD_PRECISIONS, MINORS_ADMISSIONS, THEMES, VENUE_KINDS } from '../../../domain/vocab.ts';
import { FiniteInteger, Id, Literals, Nullable } from '../../schemas/common.ts';
import { VenueHours } from '../../schemas/hours.ts';
import { venueFilterProperties } from '../../schemas/venue-filters.ts';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export const VenueSearchQuery = Type.Object(
  {
    ...venueFilterProperties,
    sort: Type.Optional(
      Type.Union([Type.Literal('distance'), Type.Literal('relevance'), Type.Literal('name')], {
        description:
          'distance (needs near; the default with near), relevance (needs q; exact name, then prefix, then contains; the default with q and no near), name (the default otherwise)',
      }),
    ),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })),
    cursor: Type.Optional(Type.String({ maxLength: 500, description: '`next_cursor` of the previous page' })),
  },
  { additionalProperties: false },
);
export type VenueSearchQuery = Static<typeof VenueSearchQuery>;

/** Open now, and the coming days with holidays (the venue page, the console's hours preview). */
export const VenueSummary = Type.Object(
  {
    id: Id,
    name: Type.String({ description: 'Chinese name' }),
    name_en: Nullable(Type.String()),
    kinds: Type.Array(Literals(VENUE_KINDS)),
    themes: Type.Array(Literals(THEMES)),
    lng: Type.Number(),
    lat: Type.Number(),
    distance_m: Nullable(Type.Number({ description: 'Great-circle distance from `near`; null without it' })),
    address: Nullable(Type.String()),
    adcode: Nullable(Type.String()),
    minors_admission: Literals(MINORS_ADMISSIONS),
    coord_precision: Type.Union(
      COORD_PRECISIONS.map((v) => Type.Literal(v)),
      { description: 'high ≤ ~200 m, medium ≤ ~1 km, low = district level' },
    ),
  },
  { $id: 'VenueSummary' },
);

const UnknownHoursExcluded = Nullable(
  Type.Integer({
    description:
      'With a date filter: how many venues matched everything else but were left out because their opening hours are unknown (send include_unknown_hours=true to keep them); null otherwise',
  }),
);

export const VenueList = Type.Object({
  items: Type.Array(Type.Ref('VenueSummary')),
  next_cursor: Nullable(Type.String()),
  unknown_hours_excluded: UnknownHoursExcluded,
});

export const VenueFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Array(Type.Number()) }),
      properties: Type.Ref('VenueSummary'),
    }),
  ),
  next_cursor: Nullable(Type.String()),
  unknown_hours_excluded: UnknownHoursExcluded,
});

export const VenueDetail = Type.Object({
  id: Id,
  name: Type.String(),
  name_en: Nullable(Type.String()),
  kinds: Type.Array(Type.String()),
  themes: Type.Array(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  address: Nullable(Type.String()),
  address_en: Nullable(Type.String()),
  adcode: Nullable(Type.String()),
  district: Nullable(
    Type.Object({ adcode: Type.String(), name: Type.String(), city: Nullable(Type.String()), province: Type.String() }),
  ),
  source_crs: Type.String({ description: 'Coordinate system the point arrived in; stored as WGS-84' }),
  coord_precision: Type.String(),
  opening_hours: Nullable(Type.String({ description: 'OSM opening_hours syntax, Asia/Shanghai' })),
  minors_admission: Type.String(),
  admission_rule: Nullable(Type.String()),
  booking_mode: Type.String(),
  accessibility: Type.Object({
    wheelchair: Nullable(Type.Boolean()),
    hearing: Nullable(Type.Boolean()),
    visual: Nullable(Type.Boolean()),
    cognitive: Nullable(Type.Boolean()),
  }),
  contacts: Type.Object({
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  suitability: Type.Object(
    {
      age_min: Nullable(Type.Integer()),
      age_max: Nullable(Type.Integer()),
      grade_min: Nullable(Type.Integer()),
      grade_max: Nullable(Type.Integer()),
    },
    { description: 'Ages and grades the venue suits; null means no limit on that side' },
  ),
  hours: VenueHours,
  group_policy: Type.Object({
    min_size: Nullable(Type.Integer()),
    max_size: Nullable(Type.Integer()),
    lead_days: Nullable(Type.Integer()),
    green_channel: Nullable(Type.Boolean()),
  }),
  designations: Type.Array(
    Type.Object({
      title: Type.String(),
      issuer: Nullable(Type.String()),
      level: Type.String(),
      year: Nullable(Type.Integer()),
      revoked: Type.Boolean(),
    }),
  ),
  verification_status: Type.String(),
  provenance: Type.Object({
    source: Type.String(),
    source_ref: Nullable(Type.String()),
    note: Nullable(Type.String()),
    updated_at: Type.String({ format: 'date-time' }),
  }),
});

export const VenueParams = Type.Object({ id: Id });

export const VenueDetailQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Evaluate the hours at this moment (ISO date-time with a zone) instead of now',
      }),
    ),
  },
  { additionalProperties: false },
);
