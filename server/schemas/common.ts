import { Type, type IntegerOptions, type NumberOptions, type SchemaOptions, type TSchema } from '@sinclair/typebox';
import type { Ajv } from 'ajv';

/** Shared TypeBox pieces. Each route declares its whole contract with these. */

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine code, e.g. VENUE_NOT_FOUND' }),
      message: Type.String(),
      details: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description: 'Facts a client may act on, e.g. SOLD_OUT says whether the waitlist is open',
        }),
      ),
    }),
  },
  { $id: 'Error', description: 'Every 4xx and 5xx answer has this shape' },
);

/** Standard error responses for a route's schema: `...errorResponses(400, 404)`. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('Error')]));
}

export const Id = Type.String({ format: 'uuid', description: 'A venue, programme or slot id (UUID)' });

/** "lng,lat" in WGS-84 decimal degrees. Ranges are checked by the parser, with a specific error code. */
export const LngLatParam = Type.String({
  pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*,\\s*-?\\d+(\\.\\d+)?\\s*$',
  description: 'A point as "lng,lat" in WGS-84 degrees, e.g. 116.3975,39.9087',
  examples: ['116.3975,39.9087'],
});

/** "minLng,minLat,maxLng,maxLat" in WGS-84 decimal degrees. */
export const BBoxParam = Type.String({
  pattern: '^\\s*-?\\d+(\\.\\d+)?(\\s*,\\s*-?\\d+(\\.\\d+)?){3}\\s*$',
  description: 'A box as "minLng,minLat,maxLng,maxLat" in WGS-84 degrees',
  examples: ['116.2,39.8,116.5,40.0'],
});

export const BooleanParam = Type.Union([Type.Literal('true'), Type.Literal('false')]);

/**
 * Ajv coerces the query strings "Infinity" and "1e309" to Infinity, but checks `maximum` on the string
 * before coercing, so they pass; the `finite` keyword refuses them. Register it with `ajv.plugins`
 * and use it through FiniteNumber/FiniteInteger.
 */
export function finiteKeyword(ajv: Ajv): Ajv {
  return ajv.addKeyword({
    keyword: 'finite',
    schemaType: 'boolean',
    error: { message: 'must be a finite number' },
    // No `type`: the keyword must also see the string Ajv has not coerced yet.
    validate: (wanted: boolean, data: unknown) =>
      !wanted || Number.isFinite(typeof data === 'number' ? data : Number(data)),
  });
}

/** A number parameter that must be finite. */
export const FiniteNumber = (options: NumberOptions = {}) => Type.Number({ ...options, finite: true });

/** An integer parameter that must be finite. */
export const FiniteInteger = (options: IntegerOptions = {}) => Type.Integer({ ...options, finite: true });

/** A schema or null: the API writes null, never omits, for a known-absent value. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** One of a closed vocabulary's values (domain/vocab.ts), typed as that vocabulary. */
export const Literals = <T extends string>(values: readonly T[], options: SchemaOptions = {}) =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    options,
  );

/** The `Idempotency-Key` header of retry-safe writes (server/services/idempotency.ts). */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: 'Retry-safe: the same key and body get the same answer (kept at least 24 hours)' }),
  ),
});
