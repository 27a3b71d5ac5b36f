/**
 * Every error code the booking API can answer has words a parent understands, in Chinese and English:
 * the codes are read from the server's sources (the web may not import the server), from the booking,
 * waitlist and check-in routes through every server module they import, so a new refusal added to a
 * command fails this test until it is worded.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api/client';
import { messages as en } from '$lib/i18n/en';
import { messages as zhCN } from '$lib/i18n/zh-CN';
import { describeBookingError } from './errors';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The routes of the booking API: a parent's bookings and waitlist, and the door's check-ins. */
const BOOKING_ROUTES = [
  'server/routes/bookings/index.ts',
  'server/routes/waitlist/index.ts',
  'server/routes/check-ins/index.ts',
];

/** Codes every signed-in write can answer before its route runs (server/plugins/app/auth.ts, schema validation). */
const EVERY_WRITE = [
  'AUTH_REQUIRED',
  'FORBIDDEN',
  'CSRF_TOKEN_INVALID',
  'CSRF_ORIGIN_MISMATCH',
  'VALIDATION_FAILED',
  'INVALID_ID',
];

/** The factory names of server/errors.ts and the codes each may answer (every upper-case literal in its body). */
function factoryCodes(): Map<string, string[]> {
  const source = read('server/errors.ts');
  const body = source.slice(source.indexOf('export const Errors = {'));
  const factories = new Map<string, string[]>();
  const starts = [...body.matchAll(/^ {2}(\w+): /gm)];
  starts.forEach((match, i) => {
    const text = body.slice(match.index, starts[i + 1]?.index ?? body.length);
    factories.set(
      match[1]!,
      [...text.matchAll(/'([A-Z][A-Z_]{3,})'/g)].map((m) => m[1]!),
    );
  });
  // `party(code, …)` answers the party problems of domain/booking.ts.
  factories.set(
    'party',
    [...read('domain/booking.ts').matchAll(/code: '([A-Z_]+)'/g)].map((m) => m[1]!),
  );
  return factories;
}

/** The server modules a file imports, transitively (relative imports within server/). */
function serverModules(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const [, target] of read(path).matchAll(/from '(\.[^']+\.ts)'/g)) {
      const next = join(dirname(path), target!);
      if (next.startsWith('server/')) visit(next);
    }
  };
  entries.forEach(visit);
  return [...seen];
}

function bookingApiCodes(): string[] {
  const factories = factoryCodes();
  const codes = new Set(EVERY_WRITE);
  for (const path of serverModules(BOOKING_ROUTES)) {
    for (const [, name] of read(path).matchAll(/Errors\.(\w+)\(/g)) {
      const answered = factories.get(name!);
      if (!answered) throw new Error(`${path}: Errors.${name} is not in server/errors.ts`);
      answered.forEach((code) => codes.add(code));
    }
  }
  return [...codes].sort();
}

describe('the booking API’s error codes in a parent’s words', () => {
  const codes = bookingApiCodes();

  it('finds the booking core’s refusals in the server’s sources', () => {
    for (const code of ['SOLD_OUT', 'CANCELLATION_CLOSED', 'FAMILY_NEEDS_ADULT', 'ALREADY_CHECKED_IN', 'OFFER_EXPIRED'])
      expect(codes).toContain(code);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('every code has its own words in %s, never the server’s English message', (_lang, t) => {
    const unworded = codes.filter((code) => {
      const said = describeBookingError(new ApiError('server words', code, 409), t);
      return said === t.requestFailed('server words') || said.includes('server words') || said === t.serverError;
    });
    expect(unworded).toEqual([]);
  });

  it('says each code differently in the two languages', () => {
    const same = codes.filter(
      (code) =>
        describeBookingError(new ApiError('x', code, 409), zhCN) ===
        describeBookingError(new ApiError('x', code, 409), en),
    );
    expect(same).toEqual([]);
  });
});
