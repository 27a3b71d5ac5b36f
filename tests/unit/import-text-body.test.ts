import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTextBody, type FileEncoding } from '../../server/routes/imports/text-body.ts';

/** A request body that arrives in the given pieces, one turn of the event loop apart. */
function arriving(pieces: Buffer[]): PassThrough {
  const stream = new PassThrough();
  void (async () => {
    for (const piece of pieces) {
      stream.write(piece);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stream.end();
  })();
  return stream;
}

/** Cuts bytes into pieces of `size`, so multi-byte characters fall across pieces. */
function cut(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

const read = (pieces: Buffer[], options: { limit?: number; contentLength?: string; encoding?: FileEncoding } = {}) =>
  readTextBody(arriving(pieces), {
    limit: options.limit ?? 1024,
    contentLength: options.contentLength,
    encoding: options.encoding ?? 'utf-8',
  });

const TEXT = 'name_zh,lng,lat\n故宫博物院,116.397,39.918\n中国科学技术馆,116.391,40.004\n';

describe('reading an import body as it arrives', () => {
  it('keeps characters whole when their bytes fall across chunks, in UTF-8 and GB18030', async () => {
    const utf8 = Buffer.from(TEXT);
    expect(await read(cut(utf8, 1), { contentLength: String(utf8.length) })).toBe(TEXT);
    expect(await read(cut(utf8, 5))).toBe(TEXT);
    // 中国 in GB18030 (as in GBK): D6 D0, B9 FA.
    const gb = Buffer.from('d6d0b9fa', 'hex');
    expect(await read(cut(gb, 1), { encoding: 'gb18030' })).toBe('中国');
  });

  it('refuses a body declared over the limit before reading it, and one sent over it without a length', async () => {
    await expect(read([Buffer.alloc(10)], { limit: 5, contentLength: '10' })).rejects.toMatchObject({
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    await expect(read(cut(Buffer.alloc(4096, 'a'), 512), { limit: 1000 })).rejects.toMatchObject({
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
  });

  it('refuses a body shorter or longer than its Content-Length', async () => {
    const bytes = Buffer.from(TEXT);
    for (const declared of [bytes.length - 1, bytes.length + 1]) {
      await expect(read(cut(bytes, 16), { contentLength: String(declared) })).rejects.toMatchObject({
        code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
      });
    }
  });

  it('answers INVALID_ENCODING for bytes that are not UTF-8, in the middle or cut off at the end', async () => {
    const bad = Buffer.concat([Buffer.from('故宫'), Buffer.from([0xff, 0xfe]), Buffer.from('博物院')]);
    await expect(read(cut(bad, 3))).rejects.toMatchObject({ statusCode: 400, code: 'INVALID_ENCODING' });
    const truncated = Buffer.from('故宫').subarray(0, 5);
    await expect(read([truncated])).rejects.toMatchObject({ statusCode: 400, code: 'INVALID_ENCODING' });
  });
});
