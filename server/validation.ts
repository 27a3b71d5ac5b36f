import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isWebsite } from '../domain/contact.ts';
import { finiteKeyword } from './schemas/common.ts';

// ajv-formats is CommonJS with an ES default in its types; at run time the import is the function itself.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** Query strings repeat keys rarely and arrays come comma-separated, so scalars only are coerced. */
function makeAjv(coerceTypes: boolean): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    // Fastify's own settings: schemas with an $id are compiled, not registered; unknown keywords such
    // as OpenAPI's `example` are documentation.
    addUsedSchema: false,
    strict: false,
  });
  addFormats(ajv);
  // A venue's website: an http(s) URL with a host (domain/contact.ts, shared with the imports).
  ajv.addFormat('website', { type: 'string', validate: isWebsite });
  finiteKeyword(ajv);
  return ajv;
}

/** A pair of Ajv instances and the shared schemas they hold, by $id (the very objects added). */
interface AjvPair {
  coercing: Ajv;
  exact: Ajv;
  shared: Map<string, AnySchema>;
}
/**
 * The pairs made so far. Fastify asks for a validator per plugin context, each with the shared schemas it
 * sees; a fresh pair each time compiled JSON Schema's meta-schema twice per route plugin (0.8 s of every
 * start). A context whose shared schemas agree with a pair's (the same object for each $id) reuses it,
 * adding the ones it lacks; one that gives an $id another schema gets a pair of its own.
 */
const pairs: AjvPair[] = [];

function sharedSchemas(externalSchemas: Record<string, AnySchema | AnySchema[]>): [string, AnySchema][] {
  return Object.values(externalSchemas)
    .flatMap((shared) => [shared].flat())
    .flatMap((schema) => {
      const id = typeof schema === 'object' ? schema.$id : undefined;
      return typeof id === 'string' ? [[id, schema] as [string, AnySchema]] : [];
    });
}

function pairFor(schemas: [string, AnySchema][]): AjvPair {
  let pair = pairs.find((p) => schemas.every(([id, schema]) => (p.shared.get(id) ?? schema) === schema));
  if (!pair) {
    pair = { coercing: makeAjv(true), exact: makeAjv(false), shared: new Map() };
    pairs.push(pair);
  }
  for (const [id, schema] of schemas) {
    if (pair.shared.has(id)) continue;
    pair.shared.set(id, schema);
    pair.coercing.addSchema(schema);
    pair.exact.addSchema(schema);
  }
  return pair;
}

/**
 * Validation with two Ajv instances, for Fastify's `schemaController.compilersFactory.buildValidator`
 * (called per plugin context with that context's shared schemas). Query strings, path parameters and
 * headers arrive as text, so they are coerced ("5" → 5). JSON bodies arrive typed and are checked as
 * they are: coercing them would turn a `null` that clears a nullable field into `false` or `0` before
 * the null branch is tried.
 */
export function buildValidator(
  externalSchemas: Record<string, AnySchema | AnySchema[]> = {},
): (route: { schema: AnySchema; httpPart?: string }) => ValidateFunction {
  const { coercing, exact } = pairFor(sharedSchemas(externalSchemas));
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema);
}
