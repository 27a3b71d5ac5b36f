import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { EMAIL_MAX, EMAIL_PATTERN, PHONE_MAX, PHONE_MIN, PHONE_PATTERN } from '../../domain/contact.ts';
import {
  CLAIM_STATUSES,
  COORD_SYSTEMS,
  GRADE_MAX,
  GRADE_MIN,
  SCHOOL_KINDS,
  SCHOOL_VERIFICATION_STATUSES,
} from '../../domain/vocab.ts';
import { FiniteInteger, FiniteNumber, Literals, Nullable } from './common.ts';
import { Text } from './venue-console.ts';

/**
 * The fields of a school its admins write: the routes check a body with them, the commands
 * (register-school, update-school) take it.
 */

const Clearable = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));

/** Grades served, 0 = kindergarten … 12, each once. */
export const Grades = Type.Array(FiniteInteger({ minimum: GRADE_MIN, maximum: GRADE_MAX }), {
  maxItems: GRADE_MAX - GRADE_MIN + 1,
  uniqueItems: true,
  description: `Grades served, ${GRADE_MIN} (kindergarten) to ${GRADE_MAX}, each once`,
});

const editable = {
  name: Type.Optional(Text(120)),
  name_en: Clearable(Text(160)),
  kind: Type.Optional(Literals(SCHOOL_KINDS)),
  grades: Type.Optional(Grades),
  adcode: Type.Optional(
    Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 district code; must agree with the point' }),
  ),
  address_zh: Clearable(Text(200)),
  address_en: Clearable(Text(300)),
  pupil_count: Clearable(FiniteInteger({ minimum: 0, maximum: 100_000 })),
  contact_name: Type.Optional(Text(80)),
  contact_phone: Clearable(Type.String({ minLength: PHONE_MIN, maxLength: PHONE_MAX, pattern: PHONE_PATTERN })),
  contact_email: Clearable(Type.String({ maxLength: EMAIL_MAX, pattern: EMAIL_PATTERN })),
};

const point = {
  lng: FiniteNumber({ minimum: -180, maximum: 180 }),
  lat: FiniteNumber({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(Literals(COORD_SYSTEMS)),
};

export const CreateSchoolBody = Type.Object(
  {
    ...editable,
    name: Text(120),
    kind: Literals(SCHOOL_KINDS),
    grades: Grades,
    contact_name: Text(80),
    ...point,
  },
  { additionalProperties: false },
);
export type CreateSchoolBody = Static<typeof CreateSchoolBody>;

export const PatchSchoolBody = Type.Object(
  { ...editable, lng: Type.Optional(point.lng), lat: Type.Optional(point.lat), crs: point.crs },
  // No minProperties: an empty body gets the command's EMPTY_PATCH, a code of its own.
  { additionalProperties: false },
);
export type PatchSchoolBody = Static<typeof PatchSchoolBody>;

// What the API answers about schools (the schools routes and the bureau's queue share them).

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

const publicSchoolFields = {
  id: Uuid,
  name: Type.String(),
  name_en: Nullable(Type.String()),
  kind: Nullable(Literals(SCHOOL_KINDS)),
  grades: Type.Array(Type.Integer(), { description: 'Grades served, ascending; 0 = kindergarten' }),
  adcode: Nullable(Type.String({ description: "The school's district" })),
  district_name: Nullable(Type.String({ description: 'The district’s Chinese name' })),
  lng: Nullable(Type.Number({ description: 'WGS-84' })),
  lat: Nullable(Type.Number({ description: 'WGS-84' })),
  address_zh: Nullable(Type.String()),
  address_en: Nullable(Type.String()),
  verification_status: Literals(SCHOOL_VERIFICATION_STATUSES),
  verified_at: Nullable(DateTime),
  source: Type.String(),
  created_at: DateTime,
  updated_at: DateTime,
};

/** A school as anyone may see it (search, the sign-up picker). */
export const PublicSchool = Type.Object(publicSchoolFields, { $id: 'PublicSchool' });

/** A school with its contact, pupil count and the bureau's note: for its admins, its bureau and admins. */
export const School = Type.Object(
  {
    ...publicSchoolFields,
    pupil_count: Nullable(Type.Integer()),
    review_note: Nullable(Type.String({ description: 'Why the bureau rejected it, or why it went back to review' })),
    contact_name: Nullable(Type.String()),
    contact_phone: Nullable(Type.String()),
    contact_email: Nullable(Type.String()),
  },
  { $id: 'School' },
);

/** A claim of a school, as its claimant sees it. */
export const SchoolClaim = Type.Object({
  id: Uuid,
  school_id: Uuid,
  status: Literals(CLAIM_STATUSES),
  evidence: Type.String(),
  reason: Nullable(Type.String({ description: 'Why the bureau rejected it' })),
  created_at: DateTime,
  decided_at: Nullable(DateTime),
});

/** A claim waiting in the bureau's queue. */
export const QueuedSchoolClaim = Type.Object({
  id: Uuid,
  school: Type.Ref('School'),
  claimant: Type.Object({ id: Uuid, display_name: Type.String(), email: Type.String() }),
  evidence: Type.String(),
  created_at: DateTime,
});
