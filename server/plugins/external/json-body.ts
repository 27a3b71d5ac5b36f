import fp from 'fastify-plugin';
import { Errors } from '../../errors.ts';

/** The deepest nesting of arrays and objects a JSON body may have; Kaimen's own bodies stay under 6. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the arrays and objects of a JSON text nest deeper than `limit`, found in one pass over the
 * text without parsing it (brackets inside strings do not count) and stopping as soon as the nesting
 * goes beyond the limit. Malformed text is left for the parser to refuse.
 */
export function jsonNestingBeyond(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * JSON bodies, parsed by Fastify's own parser (secure-json-parse, refusing `__proto__` and
 * `constructor.prototype`) after a check that their nesting stays within MAX_JSON_DEPTH: deeper
 * bodies answer 400 JSON_TOO_DEEP before anything walks them, so nothing downstream (validation, the
 * NUL check, commands) recurses over a structure a client chose to make deep.
 */
export default fp(
  async (app) => {
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (jsonNestingBeyond(body as string, MAX_JSON_DEPTH)) {
        done(Errors.jsonTooDeep(MAX_JSON_DEPTH), undefined);
        return;
      }
      parseJson(request, body as string, done);
    });
  },
  { name: 'json-body' },
);
