/**
 * fast-check arbitraries derived from the app's OpenAPI document (GET /api/openapi.json), for the API
 * fuzz (tests/http/api-fuzz.test.ts): for each operation, requests that follow its schemas (valid:
 * parameters, headers and bodies generated from them, patterns by `fc.stringMatching`) and requests
 * that break them (wrong types, values out of range, unknown and missing fields, malformed JSON, ids
 * that are not ids, arbitrary strings in every parameter). Nothing here knows a route: everything comes
 * from the document, so a new route is fuzzed as it lands.
 */
import fc from 'fast-check';

/** A JSON schema as the document holds it (loosely typed on purpose: it is data). */
export type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One generated request. */
export interface FuzzRequest {
  url: string;
  headers: Record<string, string>;
  /** A JSON value to send as JSON, or a raw string (with its content type in `headers`). */
  payload?: unknown;
  raw?: string;
  /** Whether it was generated to follow the document. */
  valid: boolean;
}

/** Values the document's uuid parameters and fields draw from besides random ones: ids that exist. */
export interface KnownIds {
  ids: string[];
}

const MAX_DEPTH = 4;

export class OpenApiArbitraries {
  constructor(
    private readonly doc: OpenApiDocument,
    private readonly known: KnownIds,
  ) {}

  /** The schema a `$ref` names (`#/components/schemas/X`, or a bare `X` id). */
  resolve(schema: Schema): Schema {
    let current = schema;
    for (let i = 0; current.$ref && i < 10; i++) {
      const name = current.$ref.replace(/^#\/components\/schemas\//, '');
      const target = this.doc.components?.schemas?.[name];
      if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
      current = target;
    }
    return current;
  }

  /** Values that follow `schema`. */
  valid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return fc.oneof(...union.map((s) => this.valid(s, depth)));
    if (schema.allOf) return this.valid(schema.allOf[0]!, depth);
    if (Array.isArray(schema.type)) {
      return fc.oneof(...schema.type.map((type) => this.valid({ ...schema, type }, depth)));
    }
    switch (schema.type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer': {
        const min = num(schema.minimum) ?? (num(schema.exclusiveMinimum) ?? -1_000_001) + 1;
        const max = num(schema.maximum) ?? (num(schema.exclusiveMaximum) ?? 1_000_001) - 1;
        return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
      }
      case 'number': {
        const min = num(schema.minimum) ?? num(schema.exclusiveMinimum) ?? -1e6;
        const max = num(schema.maximum) ?? num(schema.exclusiveMaximum) ?? 1e6;
        return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((n) => {
          if (schema.exclusiveMinimum !== undefined && n <= (schema.exclusiveMinimum as number)) return false;
          if (schema.exclusiveMaximum !== undefined && n >= (schema.exclusiveMaximum as number)) return false;
          return true;
        });
      }
      case 'string':
        return this.validString(schema);
      case 'array': {
        if (depth >= MAX_DEPTH || !schema.items) return fc.constant([]);
        const minLength = num(schema.minItems) ?? 0;
        const maxLength = Math.min(num(schema.maxItems) ?? minLength + 3, minLength + 3);
        const items = this.valid(schema.items, depth + 1);
        return schema.uniqueItems
          ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
          : fc.array(items, { minLength, maxLength });
      }
      case 'object':
      default: {
        const properties = schema.properties ?? {};
        if (depth >= MAX_DEPTH) return fc.constant({});
        const keys = Object.keys(properties);
        if (keys.length === 0) return fc.constant({});
        const record = fc.record(Object.fromEntries(keys.map((k) => [k, this.valid(properties[k]!, depth + 1)])), {
          requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
        });
        const minProperties = num(schema.minProperties) ?? 0;
        return minProperties > 0 ? record.filter((o) => Object.keys(o).length >= minProperties) : record;
      }
    }
  }

  private validString(schema: Schema): fc.Arbitrary<string> {
    const minLength = num(schema.minLength) ?? 0;
    const maxLength = num(schema.maxLength) ?? 200;
    const fits = (s: string) => [...s].length >= minLength && [...s].length <= maxLength;
    switch (schema.format) {
      case 'uuid':
        return this.known.ids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...this.known.ids)) : fc.uuid();
      case 'email':
        return fc.emailAddress().filter((e) => e.length <= maxLength);
      case 'date':
        return fc
          .integer({ min: -400, max: 400 })
          .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
      case 'date-time':
        return fc
          .integer({ min: -400 * 24, max: 400 * 24 })
          .map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString());
      case 'uri':
        return fc.webUrl().filter(fits);
    }
    if (typeof schema.pattern === 'string') {
      // A pattern and a length together: a match too short is repeated (a match of `^[…]+$` repeated
      // still matches), one too long cut; what then breaks the pattern is dropped.
      const pattern = new RegExp(schema.pattern);
      return fc
        .stringMatching(pattern)
        .map((s) => {
          let grown = s;
          while (s.length > 0 && [...grown].length < minLength) grown += s;
          return [...grown].length > maxLength ? [...grown].slice(0, maxLength).join('') : grown;
        })
        .filter((s) => fits(s) && pattern.test(s));
    }
    return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 40), unit: 'grapheme' });
  }

  /** Values that break `schema` in one way or another (some may still happen to fit). */
  invalid(input: Schema, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const breakages: fc.Arbitrary<unknown>[] = [
      fc.anything({ maxDepth: 2, maxKeys: 4 }),
      fc.constantFrom(null, '', -1, 0, 1e308, -1e308, true, [], {}, '0', 'null', '\u0000', 'a'.repeat(5000)),
      fc.string({ unit: 'binary', maxLength: 60 }),
    ];
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'integer' || type === 'number') {
      breakages.push(
        fc.constantFrom(
          (num(schema.maximum) ?? 0) + 1,
          (num(schema.minimum) ?? 0) - 1,
          0.5,
          Number.MAX_SAFE_INTEGER + 2,
          '12',
          '1e999',
        ),
      );
    }
    if (type === 'string' && num(schema.maxLength) !== undefined) {
      breakages.push(fc.constant('长'.repeat(num(schema.maxLength)! + 1)));
    }
    if ((type === 'object' || schema.properties) && depth < MAX_DEPTH) {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      const valid = this.valid(schema, depth) as fc.Arbitrary<Record<string, unknown>>;
      if (keys.length) {
        // One field broken, one required field missing, or one unknown field added.
        breakages.push(
          fc
            .tuple(valid, fc.constantFrom(...keys))
            .chain(([object, key]) =>
              this.invalid(properties[key]!, depth + 1).map((bad) => ({ ...object, [key]: bad })),
            ),
          fc.tuple(valid, fc.constantFrom(...keys)).map(([object, key]) => {
            const copy = { ...object };
            delete copy[key];
            return copy;
          }),
          valid.map((object) => ({ ...object, unexpected_field: 'x' })),
        );
      }
    }
    return fc.oneof(...breakages);
  }

  /** Requests to `method path` that follow the document (`valid`) or break it. */
  requests(path: string, method: string, valid: boolean): fc.Arbitrary<FuzzRequest> {
    const operation = this.doc.paths[path]![method]!;
    const parameters = operation.parameters ?? [];
    const value = (p: Parameter) =>
      valid ? this.valid(p.schema) : fc.oneof(this.valid(p.schema), this.invalid(p.schema));
    const byPlace = (place: Parameter['in']) => parameters.filter((p) => p.in === place);
    const pathValues = fc.tuple(...byPlace('path').map((p) => value(p).map((v) => [p.name, v] as const)));
    const queryValues = fc.tuple(
      ...byPlace('query').map((p) =>
        (p.required ? value(p) : fc.option(value(p), { nil: undefined })).map((v) => [p.name, v] as const),
      ),
    );
    const headerValues = fc.tuple(
      ...byPlace('header').map((p) =>
        (p.required ? value(p) : fc.option(value(p), { nil: undefined })).map((v) => [p.name, v] as const),
      ),
    );
    const json = operation.requestBody?.content['application/json']?.schema;
    const otherType = operation.requestBody && !json ? Object.keys(operation.requestBody.content)[0] : undefined;
    const body: fc.Arbitrary<{ payload?: unknown; raw?: string; type?: string }> = json
      ? valid
        ? this.valid(json).map((payload) => ({ payload }))
        : fc.oneof(
            this.invalid(json).map((payload) => ({ payload })),
            fc
              .constantFrom('{', '[1,', '{"a":}', 'null', '"x"', '\u0000', '{"__proto__":{"x":1}}', ' ')
              .map((raw) => ({ raw, type: 'application/json' })),
            fc.string({ maxLength: 80 }).map((raw) => ({ raw, type: 'text/plain' })),
          )
      : otherType
        ? fc.string({ maxLength: 300, unit: valid ? 'grapheme' : 'binary' }).map((raw) => ({ raw, type: otherType }))
        : valid
          ? fc.constant({})
          : fc.option(fc.anything({ maxDepth: 2 }), { nil: undefined }).map((payload) => ({ payload }));
    // Invalid requests also carry parameters the document does not know.
    const extraQuery = valid
      ? fc.constant([] as (readonly [string, unknown])[])
      : fc.array(
          fc.tuple(fc.constantFrom('limit', 'cursor', 'x', 'q[]', '__proto__', 'id'), fc.string({ maxLength: 20 })),
          {
            maxLength: 2,
          },
        );
    return fc
      .record({ path: pathValues, query: queryValues, headers: headerValues, body, extraQuery })
      .map(({ path: pathParts, query, headers, body: b, extraQuery: extra }) => {
        let url = path;
        for (const [name, v] of pathParts) url = url.replace(`{${name}}`, encodeURIComponent(stringify(v)));
        const search = new URLSearchParams();
        for (const [name, v] of [...query, ...extra]) {
          if (v !== undefined) search.append(name, stringify(v));
        }
        const qs = search.toString();
        const requestHeaders: Record<string, string> = {};
        for (const [name, v] of headers) {
          if (v !== undefined) requestHeaders[name.toLowerCase()] = stringify(v).replace(/[^\x20-\x7e]/g, '?');
        }
        if (b.type) requestHeaders['content-type'] = b.type;
        return {
          url: qs ? `${url}?${qs}` : url,
          headers: requestHeaders,
          ...(b.raw !== undefined ? { raw: b.raw } : {}),
          ...('payload' in b && b.payload !== undefined ? { payload: b.payload } : {}),
          valid,
        };
      });
  }
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const stringify = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
