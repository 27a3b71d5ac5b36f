import { Type } from '@sinclair/typebox';

/** One of the values of a closed vocabulary (domain/vocab.ts), as a schema whose type is their union. */
export const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
