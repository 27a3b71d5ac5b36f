/**
 * `Idempotency-Key` for writes that must not happen twice (PRODUCT.md rule 6): the same key and the same
 * request from the same account get the same answer, even while the first is still running; the same
 * key with another request answers 422 IDEMPOTENCY_KEY_REUSED.
 *
 * The key is claimed, the write runs and its answer is stored in ONE transaction, the write itself in a
 * savepoint: a refused write (a 4xx) still stores its answer, and a crash stores nothing, so a retry runs
 * it afresh. A concurrent request with the same key blocks on the key's row until the first commits.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { claimIdempotencyKey, storeAnswer, storedAnswer } from '../../db/queries/idempotency.ts';
import { ApiError, apiErrorBody, Errors } from '../errors.ts';

/** An answer of a write: its status and JSON body. */
export interface Answer {
  statusCode: number;
  body: unknown;
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs `write` once per key: with an `Idempotency-Key` header, under the key's claim; without one, as is.
 * Sends the answer (a replay carries `Idempotent-Replayed: true`).
 */
export async function idempotentWrite(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  write: (db: Db) => Promise<Answer>,
): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    let answer: Answer;
    try {
      answer = await write(db);
    } catch (error) {
      // A refusal is answered here, as the error handler would answer it, without Fastify's error path:
      // thousands of SOLD_OUT in a release rush (docs/PERFORMANCE.md, "Bookings").
      if (!(error instanceof ApiError) || error.statusCode >= 500) throw error;
      answer = { statusCode: error.statusCode, body: apiErrorBody(error) };
      if (error.headers) void reply.headers(error.headers);
    }
    return reply.code(answer.statusCode).send(answer.body);
  }
  if (typeof header !== 'string' || !KEY_SHAPE.test(header)) throw Errors.invalidIdempotencyKey();
  const userId = request.user!.id;
  const fingerprint = createHash('sha256')
    .update(
      `${request.method} ${request.routeOptions.url ?? ''} ${JSON.stringify(request.params)} ${JSON.stringify(request.body)}`,
    )
    .digest('hex');
  const { answer, replayed } = await db.transaction(async (tx) => {
    if (!(await claimIdempotencyKey(tx, { userId, key: header, fingerprint }))) {
      const stored = await storedAnswer(tx, userId, header);
      if (!stored || stored.fingerprint !== fingerprint) throw Errors.idempotencyKeyReused();
      return { answer: { statusCode: stored.statusCode, body: stored.body }, replayed: true };
    }
    let answer: Answer;
    try {
      answer = await tx.transaction((savepoint) => write(savepoint));
    } catch (error) {
      if (!(error instanceof ApiError) || error.statusCode >= 500) throw error;
      answer = { statusCode: error.statusCode, body: apiErrorBody(error) };
    }
    await storeAnswer(tx, userId, header, answer);
    return { answer, replayed: false };
  });
  if (replayed) void reply.header('idempotent-replayed', 'true');
  return reply.code(answer.statusCode).send(answer.body);
}
