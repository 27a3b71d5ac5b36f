/**
 * Reads an import file's body as text while it arrives: each chunk from the socket is decoded as it
 * comes (a fatal TextDecoder in streaming mode), so no step holds the thread for the whole file.
 * Fastify's own `parseAs` reader keeps the chunks and copies them into one buffer at the end, which
 * for a 49 MB upload held every other request for 0.15–0.3 s, and decoding it after that for longer
 * (docs/PERFORMANCE.md, "Imports and /api/health").
 */
import type { Readable } from 'node:stream';
import { errorCodes } from 'fastify';
import { Errors } from '../../errors.ts';

export type FileEncoding = 'utf-8' | 'gb18030';

interface BodyLimits {
  /** The most bytes the body may have (413 BODY_TOO_LARGE beyond it). */
  limit: number;
  /** The request's Content-Length header, when it has one. */
  contentLength: string | undefined;
  encoding: FileEncoding;
}

/**
 * The body as text, with the errors of Fastify's reader for the same faults (413 when the body is over
 * the limit, declared or sent; 400 when fewer or more bytes came than declared) and 400 INVALID_ENCODING
 * when the bytes are not text in `encoding`.
 */
export function readTextBody(payload: Readable, { limit, contentLength, encoding }: BodyLimits): Promise<string> {
  const declared = contentLength === undefined ? Number.NaN : Number(contentLength);
  if (declared > limit) return Promise.reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  const decoder = new TextDecoder(encoding, { fatal: true });
  const invalidEncoding = () => Errors.invalidEncoding(encoding === 'utf-8' ? 'UTF-8' : 'GB18030');

  return new Promise((resolve, reject) => {
    // A rope of the decoded pieces: appending is constant time; V8 flattens it once, when it is read.
    let text = '';
    let received = 0;
    const stop = (error: Error) => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
      reject(error);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > limit) return stop(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      try {
        text += decoder.decode(bytes, { stream: true });
      } catch {
        stop(invalidEncoding());
      }
    };
    const onEnd = () => {
      payload.removeListener('data', onData);
      payload.removeListener('error', onError);
      if (!Number.isNaN(declared) && received !== declared) {
        reject(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
        return;
      }
      try {
        resolve(text + decoder.decode());
      } catch {
        reject(invalidEncoding());
      }
    };
    const onError = (error: Error & { statusCode?: number }) => {
      if (!(typeof error.statusCode === 'number' && error.statusCode >= 400)) error.statusCode = 400;
      stop(error);
    };
    payload.on('data', onData);
    payload.once('end', onEnd);
    payload.once('error', onError);
    payload.resume();
  });
}
