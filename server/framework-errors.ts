import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's router refuses some URLs before any route or hook runs: a path parameter longer than
 * `maxParamLength` (100 characters; 414) and a path that does not decode (400). Without this handler
 * those answers had Fastify's own shape (`{ error: 'Bad Request', code: 'FST_ERR_…' }`) instead of
 * Kaimen's `{ error: { code, message } }`, which the API fuzz found (tests/http/api-fuzz.test.ts).
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply
      .code(414)
      .send({ error: { code: 'PATH_PARAMETER_TOO_LONG', message: 'a part of the path is longer than any id' } });
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    void reply.code(400).send({ error: { code: 'INVALID_URL', message: 'the path is not a valid URL' } });
    return;
  }
  void reply
    .code(error.statusCode && error.statusCode < 500 ? error.statusCode : 400)
    .send({ error: { code: 'INVALID_REQUEST', message: 'the request cannot be routed' } });
}
