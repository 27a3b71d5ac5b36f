import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Id, Literals } from '../../schemas/common.ts';
import { DESIGNATION_LEVELS } from '../../../domain/vocab.ts';

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const DesignationBody = Type.Object(
  {
    title: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'The official title, e.g. 全国爱国主义教育示范基地; one active designation per title and venue',
    }),
    issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Who awarded it' })),
    level: Literals(DESIGNATION_LEVELS),
    year: Type.Optional(FiniteInteger({ minimum: 1949, maximum: 2100, description: 'The year it was awarded' })),
  },
  { additionalProperties: false },
);
export type DesignationBody = Static<typeof DesignationBody>;

export const RevokeBody = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S', description: 'Kept in the audit log' }),
    ),
  },
  { additionalProperties: false },
);
