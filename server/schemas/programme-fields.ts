import { Type, type Static } from '@sinclair/typebox';
import { GRADE_MAX, GRADE_MIN, PROGRAMME_DELIVERIES, THEMES } from '../../domain/vocab.ts';
import { FiniteInteger, Literals, Nullable } from './common.ts';
import { Text } from './venue-console.ts';

/** The fields of a programme its venue's managers write: the route checks a body with them, the commands take it. */
const fields = {
  title_zh: Type.Optional(Text(120)),
  title_en: Type.Optional(Nullable(Text(160))),
  description: Type.Optional(Nullable(Text(4000))),
  delivery: Type.Optional(Literals(PROGRAMME_DELIVERIES)),
  themes: Type.Optional(Type.Array(Literals(THEMES), { maxItems: THEMES.length, uniqueItems: true })),
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
