import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  decodeSerialCursor,
  encodeCursor,
  encodeSerialCursor,
  queryFingerprint,
} from '../../server/cursor.ts';
import { ApiError } from '../../server/errors.ts';

const id = '2f3405b9-12c1-4741-8a16-13a9681143ea';

describe('keyset cursors', () => {
  it('round-trip numeric and mixed sort keys', () => {
    const f = queryFingerprint({ q: '博物' });
    expect(decodeCursor(encodeCursor({ key: [332.97], id }, f), f)).toEqual({ key: [332.97], id });
    expect(decodeCursor(encodeCursor({ key: [2, '故宫博物院'], id }, f), f)).toEqual({ key: [2, '故宫博物院'], id });
  });

  it('ignore undefined filters and key order in the fingerprint', () => {
    expect(queryFingerprint({ a: 1, b: undefined, c: 'x' })).toBe(queryFingerprint({ c: 'x', a: 1 }));
    expect(queryFingerprint({ q: 'a' })).not.toBe(queryFingerprint({ q: 'b' }));
  });

  it.each([
    ['garbage', 'xyz'],
    ['another query', encodeCursor({ key: [1], id }, queryFingerprint({ q: 'other' }))],
    ['a scalar key', Buffer.from(JSON.stringify({ k: 1, i: id, f: queryFingerprint({}) })).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify({ k: [1], i: 'nope', f: queryFingerprint({}) })).toString('base64url')],
  ])('reject %s with INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeCursor(cursor, queryFingerprint({}))).toThrow(ApiError);
  });
});

describe('serial cursors (the audit log)', () => {
  const f = queryFingerprint({ region: '110101' });

  it('round-trip the last id', () => {
    expect(decodeSerialCursor(encodeSerialCursor(4711, f), f)).toBe(4711);
  });

  it.each([
    ['garbage', 'xyz'],
    ['another query', encodeSerialCursor(12, queryFingerprint({ region: '*' }))],
    ['a zero id', encodeSerialCursor(0, f)],
    ['a fractional id', encodeSerialCursor(1.5, f)],
    ['a keyset cursor', encodeCursor({ key: [1], id }, f)],
  ])('reject %s with INVALID_CURSOR', (_label, cursor) => {
    expect(() => decodeSerialCursor(cursor, f)).toThrow(ApiError);
  });
});
