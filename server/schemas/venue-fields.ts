import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  EMAIL_MAX,
  EMAIL_PATTERN,
  PHONE_MAX,
  PHONE_MIN,
  PHONE_PATTERN,
  WEBSITE_MAX,
  WEBSITE_PATTERN,
} from '../../domain/contact.ts';
import {
  BOOKING_MODES,
  COORD_SYSTEMS,
  GRADE_MAX,
  GRADE_MIN,
  MINORS_ADMISSIONS,
  THEMES,
  VENUE_KINDS,
} from '../../domain/vocab.ts';
import { FiniteInteger, FiniteNumber, Literals, Nullable } from './common.ts';
import { Text } from './venue-console.ts';

/**
 * The fields of a venue its managers write: the routes check a body with them, the commands
 * (create-venue, update-venue) take it.
 */

/** An optional field that may also be cleared with null. */
const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

/** The fields a venue manager edits; the same for creating (with the required ones) and patching. */
const editable = {
  name_zh: Type.Optional(Text(120)),
  name_en: Clearable(Text(160)),
  kinds: Type.Optional(Type.Array(Literals(VENUE_KINDS), { minItems: 1, maxItems: 5, uniqueItems: true })),
  themes: Type.Optional(Type.Array(Literals(THEMES), { maxItems: THEMES.length, uniqueItems: true })),
  address_zh: Clearable(Text(200)),
  address_en: Clearable(Text(300)),
  adcode: Type.Optional(Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 district code' })),
  opening_hours: Clearable(Text(500)),
  minors_admission: Type.Optional(Literals(MINORS_ADMISSIONS)),
  admission_rule: Clearable(Text(1000)),
  booking_mode: Type.Optional(Literals(BOOKING_MODES)),
  wheelchair: Clearable(Type.Boolean()),
  hearing: Clearable(Type.Boolean()),
  visual: Clearable(Type.Boolean()),
  cognitive: Clearable(Type.Boolean()),
  phone: Clearable(Type.String({ minLength: PHONE_MIN, maxLength: PHONE_MAX, pattern: PHONE_PATTERN })),
  website: Clearable(Type.String({ maxLength: WEBSITE_MAX, pattern: WEBSITE_PATTERN, format: 'website' })),
  email: Clearable(Type.String({ maxLength: EMAIL_MAX, pattern: EMAIL_PATTERN })),
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
    Literals(COORD_SYSTEMS),
    // description on the wrapper is lost; documented in the route descriptions
  ),
};

export const CreateVenueBody = Type.Object(
  {
    ...editable,
    name_zh: Text(120),
    kinds: Type.Array(Literals(VENUE_KINDS), { minItems: 1, maxItems: 5, uniqueItems: true }),
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
