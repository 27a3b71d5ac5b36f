import { createHash } from 'node:crypto';
import { Errors } from './errors.ts';

/**
 * Opaque keyset cursors: the sort key and id of a page's last row, bound to the query that made them
 * (a fingerprint of its filters), so a cursor pasted into another query answers INVALID_CURSOR instead
 * of a wrong page.
 */
export interface CursorPosition {
  /** The sort key of the last row, one value per ORDER BY column before the id. */
  key: (number | string)[];
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A short hash of the filters that define a result list (not its limit or cursor). */
export function queryFingerprint(filters: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.entries(filters)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function encodeCursor(position: CursorPosition, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ k: position.key, i: position.id, f: fingerprint })).toString('base64url');
}

export function decodeCursor(cursor: string, fingerprint: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw Errors.invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw Errors.invalidCursor();
  const { k, i, f } = parsed as Record<string, unknown>;
  const keyOk =
    Array.isArray(k) &&
    k.length > 0 &&
    k.length <= 3 &&
    k.every((v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string');
  if (!keyOk || typeof i !== 'string' || !UUID.test(i) || f !== fingerprint) throw Errors.invalidCursor();
  return { key: k as (number | string)[], id: i };
}

/** A cursor for a list ordered by a serial id alone (the audit log): the last row's id. */
export function encodeSerialCursor(id: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ i: id, f: fingerprint })).toString('base64url');
}

/** The id a serial cursor carries; INVALID_CURSOR when it is malformed or was made for other filters. */
export function decodeSerialCursor(cursor: string, fingerprint: string): number {
  try {
    const { i, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { i?: unknown; f?: unknown };
    if (typeof i === 'number' && Number.isSafeInteger(i) && i > 0 && f === fingerprint) return i;
  } catch {
    // falls through to the error below
  }
  throw Errors.invalidCursor();
}
