import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Nullable } from '../../schemas/common.ts';

export const MAX_AUDIT_LIMIT = 200;
export const DEFAULT_AUDIT_LIMIT = 50;

export const AuditQuery = Type.Object(
  {
    entity_type: Type.Optional(
      Type.String({ pattern: '^[a-z_]{1,40}$', description: 'e.g. venue, claim, programme, designation, user' }),
    ),
    entity_id: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "The entity's id" })),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: MAX_AUDIT_LIMIT, default: DEFAULT_AUDIT_LIMIT })),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: '`next_cursor` of the previous page' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Nullable(
    Type.Object({
      id: Nullable(Type.String({ format: 'uuid', description: 'null once the account is deleted' })),
      display_name: Nullable(Type.String()),
      role: Nullable(Type.String()),
    }),
  ),
  action: Type.String({ description: '`<entity>.<verb>`, e.g. venue.approve' }),
  entity_type: Type.String(),
  entity_id: Type.String(),
  adcode: Nullable(Type.String({ description: 'The district the entity lies in' })),
  before: Type.Unknown({ description: 'The entity before the write (null for a creation)' }),
  after: Type.Unknown({ description: 'The entity after the write' }),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry),
  next_cursor: Nullable(Type.String()),
});
