import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { FiniteInteger, FiniteNumber, Id, Nullable } from '../../schemas/common.ts';
import {
  BOOKING_MODES,
  COORD_PRECISIONS,
  COORD_SYSTEMS,
  GRADE_MAX,
  GRADE_MIN,
  MINORS_ADMISSIONS,
  PUBLICATION_STATUSES,
  THEMES,
  VENUE_KINDS,
  VERIFICATION_STATUSES,
} from '../../../domain/vocab.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** An optional field that may also be cleared with null. */
const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

/** The fields a venue manager edits; the same for creating (with the required ones) and patching. */
const editable = {
  name_zh: Type.Optional(Text(120)),
  name_en: Clearable(Text(160)),
  kinds: Type.Optional(Type.Array(literals(VENUE_KINDS), { minItems: 1, maxItems: 5, uniqueItems: true })),
  themes: Type.Optional(Type.Array(literals(THEMES), { maxItems: THEMES.length, uniqueItems: true })),
  address_zh: Clearable(Text(200)),
  address_en: Clearable(Text(300)),
  adcode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 district code' })),
  opening_hours: Clearable(Text(500)),
  minors_admission: Type.Optional(literals(MINORS_ADMISSIONS)),
  admission_rule: Clearable(Text(1000)),
  booking_mode: Type.Optional(literals(BOOKING_MODES)),
  wheelchair: Clearable(Type.Boolean()),
  hearing: Clearable(Type.Boolean()),
  visual: Clearable(Type.Boolean()),
  cognitive: Clearable(Type.Boolean()),
  phone: Clearable(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() -]+$' })),
  website: Clearable(Type.String({ maxLength: 300, pattern: '^https?://\\S+$' })),
  email: Clearable(Type.String({ format: 'email', maxLength: 254 })),
  age_min: Clearable(FiniteInteger({ minimum: 0, maximum: 18 })),
  age_max: Clearable(FiniteInteger({ minimum: 0, maximum: 18 })),
  grade_min: Clearable(FiniteInteger({ minimum: GRADE_MIN, maximum: GRADE_MAX })),
  grade_max: Clearable(FiniteInteger({ minimum: GRADE_MIN, maximum: GRADE_MAX })),
  group_min: Clearable(FiniteInteger({ minimum: 1, maximum: 10_000 })),
  group_max: Clearable(FiniteInteger({ minimum: 1, maximum: 10_000 })),
  group_lead_days: Clearable(FiniteInteger({ minimum: 0, maximum: 365 })),
  green_channel: Clearable(Type.Boolean()),
};

/** A point as the manager picked or pasted it, in the system it came in. */
const point = {
  lng: FiniteNumber({ minimum: -180, maximum: 180 }),
  lat: FiniteNumber({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(
    literals(COORD_SYSTEMS),
    // description on the wrapper is lost; documented in the route descriptions
  ),
};

export const CreateVenueBody = Type.Object(
  {
    ...editable,
    name_zh: Text(120),
    kinds: Type.Array(literals(VENUE_KINDS), { minItems: 1, maxItems: 5, uniqueItems: true }),
    ...point,
  },
  { additionalProperties: false },
);
export type CreateVenueBody = Static<typeof CreateVenueBody>;

export const PatchVenueBody = Type.Object(
  { ...editable, lng: Type.Optional(point.lng), lat: Type.Optional(point.lat), crs: point.crs },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchVenueBody = Static<typeof PatchVenueBody>;

export const ClaimBody = Type.Object({ evidence: Text(1000) }, { additionalProperties: false });

export const VenueIdParams = Type.Object({ id: Id });

export const Photo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  url: Type.String(),
  content_type: Type.String(),
  bytes: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Nullable(Type.String()),
});

export const VenueRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name_zh: Type.String(),
    name_en: Nullable(Type.String()),
    kinds: Type.Array(literals(VENUE_KINDS)),
    themes: Type.Array(literals(THEMES)),
    lng: Type.Number(),
    lat: Type.Number(),
    source_crs: literals(COORD_SYSTEMS),
    coord_precision: literals(COORD_PRECISIONS),
    location_checked_at: Nullable(Type.String({ format: 'date-time' })),
    adcode: Nullable(Type.String()),
    district_name: Nullable(Type.String()),
    address_zh: Nullable(Type.String()),
    address_en: Nullable(Type.String()),
    opening_hours: Nullable(Type.String()),
    hours_known: Type.Boolean(),
    minors_admission: literals(MINORS_ADMISSIONS),
    admission_rule: Nullable(Type.String()),
    booking_mode: literals(BOOKING_MODES),
    wheelchair: Nullable(Type.Boolean()),
    hearing: Nullable(Type.Boolean()),
    visual: Nullable(Type.Boolean()),
    cognitive: Nullable(Type.Boolean()),
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    email: Nullable(Type.String()),
    age_min: Nullable(Type.Integer()),
    age_max: Nullable(Type.Integer()),
    grade_min: Nullable(Type.Integer()),
    grade_max: Nullable(Type.Integer()),
    group_min: Nullable(Type.Integer()),
    group_max: Nullable(Type.Integer()),
    group_lead_days: Nullable(Type.Integer()),
    green_channel: Nullable(Type.Boolean()),
    status: literals(PUBLICATION_STATUSES),
    verification_status: literals(VERIFICATION_STATUSES),
    review_note: Nullable(Type.String({ description: 'Why the bureau rejected or suspended the venue' })),
    organisation: Nullable(Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String() })),
    photos: Type.Array(Photo),
    updated_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'VenueRecord' },
);
export type VenueRecord = Static<typeof VenueRecord>;

export const ManagedVenueList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name_zh: Type.String(),
      adcode: Nullable(Type.String()),
      status: literals(PUBLICATION_STATUSES),
      verification_status: literals(VERIFICATION_STATUSES),
      review_note: Nullable(Type.String()),
      updated_at: Type.String({ format: 'date-time' }),
    }),
  ),
});

export const Claim = Type.Object({
  id: Type.String({ format: 'uuid' }),
  venue_id: Type.String({ format: 'uuid' }),
  status: literals(['pending', 'approved', 'rejected']),
  created_at: Type.String({ format: 'date-time' }),
});
