import { Type } from '@sinclair/typebox';
import { INVITABLE_STAFF_ROLES, STAFF_ROLES } from '../../../domain/vocab.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/passwords.ts';
import { Literals, Nullable } from '../../schemas/common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time' });
const StaffRole = Literals(STAFF_ROLES, {
  description: 'manager and co_manager run the venues and their staff; door_staff see the day’s bookings and check in',
});
const InvitableRole = Literals(INVITABLE_STAFF_ROLES, { description: 'co_manager, or door_staff' });
/** An invitation link's token, as the link carries it. */
const Token = Type.String({ minLength: 16, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' });

export const OrganisationParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export const MemberParams = Type.Object({ id: Uuid, userId: Uuid }, { additionalProperties: false });
export const InvitationParams = Type.Object({ id: Uuid, invitationId: Uuid }, { additionalProperties: false });
export const TokenParams = Type.Object({ token: Token }, { additionalProperties: false });

export const InviteBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'Compared without regard to case' }),
    role: InvitableRole,
  },
  { additionalProperties: false },
);
export const RoleBody = Type.Object({ role: InvitableRole }, { additionalProperties: false });
export const AcceptBody = Type.Object({ token: Token }, { additionalProperties: false });
export const SignUpBody = Type.Object(
  {
    token: Token,
    display_name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
  },
  { additionalProperties: false },
);

export const StaffMember = Type.Object({
  user_id: Uuid,
  email: Type.String(),
  display_name: Type.String(),
  role: StaffRole,
  joined_at: Instant,
});
export const Invitation = Type.Object({
  id: Uuid,
  email: Type.String(),
  role: InvitableRole,
  expires_at: Instant,
  expired: Type.Boolean(),
  created_at: Instant,
});
export const Staff = Type.Object({
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  members: Type.Array(StaffMember),
  invitations: Type.Array(Invitation, { description: 'Neither accepted nor withdrawn (expired ones marked)' }),
});
export const InvitationView = Type.Object({
  organisation: Type.Object({ name: Type.String() }),
  email: Type.String(),
  role: InvitableRole,
  expires_at: Instant,
  account_exists: Type.Boolean({ description: 'Whether an account has this email: sign in, or sign up' }),
});
export const Joined = Type.Object({
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  role: InvitableRole,
});
export const StaffSlotsQuery = Type.Object(
  { date: Type.Optional(Type.String({ format: 'date', description: 'A day in Beijing time; today by default' })) },
  { additionalProperties: false },
);
export const StaffSlots = Type.Object({
  date: Type.String({ format: 'date' }),
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String(), staff_role: StaffRole })),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      venue: Type.Object({ id: Uuid, name: Type.String() }),
      title: Nullable(Type.String()),
      starts_at: Instant,
      ends_at: Instant,
      capacity: Type.Integer(),
      status: Type.String(),
      roster_url: Type.String({ description: 'The slot’s bookings (JSON; add ?format=csv for the file)' }),
    }),
  ),
});
