import { Type, type Static } from '@sinclair/typebox';
import { Literals, Nullable } from '../../schemas/common.ts';
import {
  MEMBERSHIP_STATUSES,
  ROLES,
  SCHOOL_ROLES,
  SCHOOL_VERIFICATION_STATUSES,
  SELF_SERVICE_ROLES,
  STAFF_ROLES,
} from '../../../domain/vocab.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords.ts';

const Email = Type.String({ format: 'email', maxLength: 254, description: 'Compared without regard to case' });
const Password = Type.String({
  minLength: PASSWORD_MIN_LENGTH,
  maxLength: PASSWORD_MAX_LENGTH,
  description: `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`,
});

export const RegisterBody = Type.Object(
  {
    email: Email,
    password: Password,
    display_name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    role: Literals(SELF_SERVICE_ROLES),
    school_id: Type.Optional(Type.String({ format: 'uuid', description: 'Teachers: the school to join' })),
    organisation_name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', description: 'Venue managers: who runs the venues' }),
    ),
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100 }), password: Password },
  { additionalProperties: false },
);
export type ResetConfirmBody = Static<typeof ResetConfirmBody>;

export const Me = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    display_name: Type.String(),
    role: Literals(ROLES),
    region_prefix: Nullable(Type.String({ description: 'Bureau accounts: the adcode prefix of their region' })),
    organisations: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        name: Type.String(),
        staff_role: Literals(STAFF_ROLES, {
          description:
            'manager and co_manager run its venues and staff; door_staff see the day’s bookings and check in',
        }),
      }),
    ),
    schools: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        name: Type.String(),
        role: Literals(SCHOOL_ROLES),
        status: Literals(MEMBERSHIP_STATUSES, { description: 'The membership: confirmed by a school admin or not' }),
        verification_status: Literals(SCHOOL_VERIFICATION_STATUSES, {
          description: 'The school: verified by the bureau of its district or not',
        }),
        lng: Nullable(Type.Number({ description: "The school's point (WGS-84), to start the map around it" })),
        lat: Nullable(Type.Number()),
      }),
    ),
    csrf_token: Type.String({ description: 'Send as X-CSRF-Token on every write made with the session cookie' }),
  },
  { $id: 'Me' },
);
export type Me = Static<typeof Me>;

export const ResetRequested = Type.Object({
  status: Type.Literal('accepted', {
    description: 'Always the same answer, whether or not the email has an account',
  }),
});

export const SignUpAccepted = Type.Object(
  {
    status: Type.Literal('accepted', {
      description: 'Always the same answer, whether or not the email already had an account',
    }),
  },
  { $id: 'SignUpAccepted' },
);
