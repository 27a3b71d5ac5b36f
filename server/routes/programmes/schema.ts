import { Type, type Static } from '@sinclair/typebox';
import { FiniteInteger, Id, Nullable } from '../../schemas/common.ts';
import { GRADE_MAX, GRADE_MIN, PROGRAMME_DELIVERIES, PUBLICATION_STATUSES, THEMES } from '../../../domain/vocab.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

const fields = {
  title_zh: Type.Optional(Text(120)),
  title_en: Type.Optional(Nullable(Text(160))),
  description: Type.Optional(Nullable(Text(4000))),
  delivery: Type.Optional(literals(PROGRAMME_DELIVERIES)),
  themes: Type.Optional(Type.Array(literals(THEMES), { maxItems: THEMES.length, uniqueItems: true })),
  grade_min: Type.Optional(Nullable(FiniteInteger({ minimum: GRADE_MIN, maximum: GRADE_MAX }))),
  grade_max: Type.Optional(Nullable(FiniteInteger({ minimum: GRADE_MIN, maximum: GRADE_MAX }))),
  age_min: Type.Optional(Nullable(FiniteInteger({ minimum: 0, maximum: 18 }))),
  age_max: Type.Optional(Nullable(FiniteInteger({ minimum: 0, maximum: 18 }))),
  duration_minutes: Type.Optional(Nullable(FiniteInteger({ minimum: 1, maximum: 24 * 60 }))),
  group_min: Type.Optional(Nullable(FiniteInteger({ minimum: 1, maximum: 10_000 }))),
  group_max: Type.Optional(Nullable(FiniteInteger({ minimum: 1, maximum: 10_000 }))),
  price_per_head_fen: Type.Optional(
    FiniteInteger({ minimum: 0, maximum: 10_000_000, description: 'In fen; 0 is free' }),
  ),
  volunteer: Type.Optional(Type.Boolean()),
};

export const CreateProgrammeBody = Type.Object({ ...fields, title_zh: Text(120) }, { additionalProperties: false });
export type CreateProgrammeBody = Static<typeof CreateProgrammeBody>;
export const PatchProgrammeBody = Type.Object(fields, { additionalProperties: false, minProperties: 1 });
export type PatchProgrammeBody = Static<typeof PatchProgrammeBody>;

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
    status: literals(PUBLICATION_STATUSES),
    review_note: Nullable(Type.String()),
  },
  { $id: 'Programme' },
);
export type Programme = Static<typeof Programme>;

export const ProgrammeIdParams = Type.Object({ id: Id });
