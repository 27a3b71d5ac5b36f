import { Type, type Static } from '@sinclair/typebox';
import { DESIGNATION_LEVELS } from '../../domain/vocab.ts';
import { Id, Literals, Nullable } from './common.ts';

/** A venue's official designation, as the designation routes and the bureau's venue page answer it. */
export const Designation = Type.Object({
  id: Type.String({ format: 'uuid' }),
  venue_id: Id,
  title: Type.String(),
  issuer: Nullable(Type.String()),
  level: Literals(DESIGNATION_LEVELS),
  year: Nullable(Type.Integer()),
  revoked: Type.Boolean(),
  revoked_at: Nullable(Type.String({ format: 'date-time' })),
});
export type Designation = Static<typeof Designation>;
