import { Type } from '@sinclair/typebox';
import { PUBLICATION_STATUSES } from '../../../domain/vocab.ts';
import { Id, Literals, Nullable } from '../../schemas/common.ts';

export const Programme = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    venue_id: Type.String({ format: 'uuid' }),
    title_zh: Type.String(),
    title_en: Nullable(Type.String()),
    description: Nullable(Type.String()),
    delivery: Type.String(),
    themes: Type.Array(Type.String()),
    grade_min: Nullable(Type.Integer()),
    grade_max: Nullable(Type.Integer()),
    age_min: Nullable(Type.Integer()),
    age_max: Nullable(Type.Integer()),
    duration_minutes: Nullable(Type.Integer()),
    group_min: Nullable(Type.Integer()),
    group_max: Nullable(Type.Integer()),
    price_per_head_fen: Type.Integer(),
    volunteer: Type.Boolean(),
    status: Literals(PUBLICATION_STATUSES),
    review_note: Nullable(Type.String()),
  },
  { $id: 'Programme' },
);

export const ProgrammeIdParams = Type.Object({ id: Id });
