import { Type } from '@sinclair/typebox';
import { ROLES } from '../../../domain/vocab.ts';
import { INVITABLE_ACCOUNT_ROLES } from '../../commands/account-admin.ts';
import { FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';

const Uuid = Type.String({ format: 'uuid' });
const Role = Literals(ROLES);
const RegionAdcode = Type.String({
  pattern: '^[0-9]{6}$',
  description:
    'The adcode of the province, city or district the bureau oversees, as `GET /api/districts?q=<name>` finds it; the bureau oversees every district within it',
});

export const DEFAULT_ACCOUNT_LIMIT = 50;

export const AccountListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Part of the email or the name, any case' }),
    ),
    role: Type.Optional(Role),
    status: Type.Optional(Literals(['active', 'deactivated'] as const)),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 200, default: DEFAULT_ACCOUNT_LIMIT })),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: '`next_cursor` of the previous page' })),
  },
  { additionalProperties: false },
);

export const AccountParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const Account = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    display_name: Type.String(),
    role: Role,
    region: Nullable(
      Type.Object({
        prefix: Type.String({ description: 'adcode prefix: 2 digits a province, 4 a city, 6 a district' }),
        name: Type.String(),
      }),
    ),
    is_demo: Type.Boolean(),
    deactivated_at: Nullable(Type.String({ format: 'date-time' })),
    created_at: Type.String({ format: 'date-time' }),
  },
  { $id: 'AdminAccount' },
);

export const AccountPage = Type.Object({
  items: Type.Array(Type.Ref('AdminAccount')),
  next_cursor: Nullable(Type.String()),
});

export const InviteAccountBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254, description: 'Compared without regard to case' }),
    display_name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    role: Literals(INVITABLE_ACCOUNT_ROLES, { description: 'bureau (with region_adcode) or admin' }),
    region_adcode: Type.Optional(RegionAdcode),
  },
  { additionalProperties: false },
);

export const ChangeRoleBody = Type.Object(
  { role: Role, region_adcode: Type.Optional(RegionAdcode) },
  { additionalProperties: false },
);
