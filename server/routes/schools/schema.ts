import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Literals, LngLatParam, Nullable } from '../../schemas/common.ts';
import { SchoolClaim } from '../../schemas/school-fields.ts';
import { CLAIM_STATUSES, MEMBERSHIP_STATUSES, SCHOOL_ROLES } from '../../../domain/vocab.ts';

const Uuid = Type.String({ format: 'uuid' });

export const MAX_SCHOOL_LIMIT = 50;

export const SchoolSearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Part of the Chinese or English name, any case' }),
    ),
    near: Type.Optional(LngLatParam),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_SCHOOL_LIMIT, default: 20 })),
  },
  { additionalProperties: false },
);

export const SchoolSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  adcode: Nullable(Type.String({ description: "The school's district" })),
});

export const SchoolList = Type.Object({
  items: Type.Array(Type.Ref('PublicSchool'), {
    description: 'Pending and verified schools (never rejected ones), nearest first around `near`, else by name',
  }),
});

export const SchoolParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });

export const SchoolMember = Type.Object({
  user_id: Uuid,
  display_name: Type.String(),
  email: Type.String(),
  role: Literals(SCHOOL_ROLES),
  status: Literals(MEMBERSHIP_STATUSES),
  created_at: Type.String({ format: 'date-time' }),
  decided_at: Nullable(Type.String({ format: 'date-time' })),
});
export type SchoolMember = Static<typeof SchoolMember>;

export const SchoolMemberList = Type.Object({
  school: SchoolSummary,
  members: Type.Array(SchoolMember, { description: 'Pending first, then by name' }),
});

export const ClaimSchoolBody = Type.Object(
  {
    evidence: Type.String({
      minLength: 1,
      maxLength: 1000,
      pattern: '\\S',
      description: 'What shows you speak for the school: your position, an official letter number, the school phone',
    }),
  },
  { additionalProperties: false },
);

export { SchoolClaim };

export const ManagedSchools = Type.Object({
  items: Type.Array(Type.Ref('School'), { description: 'The schools you are an approved admin of, by name' }),
  claims: Type.Array(
    Type.Object({
      id: Uuid,
      school: Type.Object({ id: Uuid, name: Type.String() }),
      status: Literals(CLAIM_STATUSES),
      reason: Nullable(Type.String()),
      created_at: Type.String({ format: 'date-time' }),
      decided_at: Nullable(Type.String({ format: 'date-time' })),
    }),
    { description: 'Your claims of schools, newest first' },
  ),
});

export const SchoolTripsQuery = Type.Object(
  {
    when: Type.Optional(
      Type.Union([Type.Literal('coming'), Type.Literal('past')], {
        default: 'coming',
        description: 'coming: the slot has not ended yet, soonest first; past: it has, latest first',
      }),
    ),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);

export const SchoolTripList = Type.Object({
  school: SchoolSummary,
  items: Type.Array(Type.Ref('Booking'), {
    description: "The school's group bookings, any status; `booker` names the teacher who made each",
  }),
});
