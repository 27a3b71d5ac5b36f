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
  const coercing = makeAjv(true);
  const exact = makeAjv(false);
  for (const ajv of [coercing, exact]) {
    for (const shared of Object.values(externalSchemas)) {
      for (const schema of [shared].flat()) {
        const id = typeof schema === 'object' ? schema.$id : undefined;
        if (typeof id === 'string' && !ajv.getSchema(id)) ajv.addSchema(schema);
      }
    }
  }
  return ({ schema, httpPart }) => (httpPart === 'body' ? exact : coercing).compile(schema);
}
