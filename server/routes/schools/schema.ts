import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';
import { MEMBERSHIP_STATUSES, SCHOOL_ROLES } from '../../../domain/vocab.ts';

const Uuid = Type.String({ format: 'uuid' });

export const MAX_SCHOOL_LIMIT = 50;

export const SchoolSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the name, any case' })),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_SCHOOL_LIMIT, default: 20 })),
  },
  { additionalProperties: false },
);

export const SchoolSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  adcode: Nullable(Type.String({ description: "The school's district" })),
});

export const SchoolList = Type.Object({ items: Type.Array(SchoolSummary) });

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
