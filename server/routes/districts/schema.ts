import { Type } from '@sinclair/typebox';
import { DISTRICT_LEVELS } from '../../../domain/vocab.ts';
import { FiniteInteger, Literals, Nullable } from '../../schemas/common.ts';

export const DistrictQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' }),
    limit: Type.Optional(FiniteInteger({ minimum: 1, maximum: 20, default: 8 })),
  },
  { additionalProperties: false },
);

export const DistrictMatches = Type.Object({
  items: Type.Array(
    Type.Object({
      adcode: Type.String(),
      name: Type.String(),
      level: Literals(DISTRICT_LEVELS),
      city: Nullable(Type.String()),
      province: Type.String(),
      lng: Type.Number(),
      lat: Type.Number(),
      located: Literals(['label', 'venues', 'parent']),
      bbox: Nullable(
        Type.Array(Type.Number(), {
          minItems: 4,
          maxItems: 4,
          description:
            'The bounds of its shipped boundary, [minLng, minLat, maxLng, maxLat], to frame a province or city whole; null without one (county-level districts)',
        }),
      ),
    }),
  ),
});
