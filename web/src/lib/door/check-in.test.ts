import { describe, expect, it, vi } from 'vitest';
import { checkInCode, outcomeOfError } from './check-in';

describe('outcomeOfError', () => {
  it('reads when and by whom a used code was checked in', () => {
    const body = {
      error: {
        code: 'ALREADY_CHECKED_IN',
        details: { checked_in_at: '2026-12-03T02:02:00.000Z', checked_in_by: { id: 'x', name: '小李' } },
      },
    };
    expect(outcomeOfError(409, body)).toEqual({ kind: 'already', at: '2026-12-03T02:02:00.000Z', by: '小李' });
  });

  it('names the other venue and the other day', () => {
    const venue = { error: { code: 'CODE_OF_ANOTHER_VENUE', details: { venue: { id: 'v', name: '别的馆' } } } };
    expect(outcomeOfError(409, venue)).toEqual({ kind: 'other_venue', venueName: '别的馆' });
    const day = { error: { code: 'CODE_OF_ANOTHER_DAY', details: { starts_at: '2026-12-05T02:00:00.000Z' } } };
    expect(outcomeOfError(409, day)).toEqual({ kind: 'other_day', startsAt: '2026-12-05T02:00:00.000Z' });
  });

  it('tells unknown, malformed and unconfirmed codes apart, and hides server failures', () => {
    expect(outcomeOfError(404, { error: { code: 'BOOKING_CODE_NOT_FOUND' } })).toEqual({ kind: 'unknown' });
    expect(outcomeOfError(400, { error: { code: 'INVALID_BOOKING_CODE' } })).toEqual({ kind: 'invalid' });
    const pending = { error: { code: 'BOOKING_NOT_CONFIRMED', details: { status: 'pending' } } };
    expect(outcomeOfError(409, pending)).toEqual({ kind: 'not_confirmed', status: 'pending' });
    expect(outcomeOfError(500, { error: { code: 'INTERNAL' } })).toEqual({ kind: 'error', code: 'SERVER' });
    expect(outcomeOfError(502, null)).toEqual({ kind: 'error', code: 'SERVER' });
  });
});

describe('checkInCode', () => {
  it('sends one request with a fresh Idempotency-Key and the CSRF token', async () => {
    const fetcher = vi.fn(
      async () => new Response(JSON.stringify({ error: { code: 'BOOKING_CODE_NOT_FOUND' } }), { status: 404 }),
    );
    expect(await checkInCode('aaaa3333', 'token', undefined, fetcher)).toEqual({ kind: 'unknown' });
    expect(await checkInCode('aaaa3333', 'token', 'venue-1', fetcher)).toEqual({ kind: 'unknown' });
    expect(fetcher).toHaveBeenCalledTimes(2);
    const [first, second] = fetcher.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1]);
    const headers = (init: RequestInit | undefined) => init!.headers as Record<string, string>;
    expect(headers(first)['x-csrf-token']).toBe('token');
    expect(headers(first)['idempotency-key']).not.toBe(headers(second)['idempotency-key']);
    expect(JSON.parse(second!.body as string)).toEqual({ code: 'aaaa3333', venue_id: 'venue-1' });
  });

  it('answers NETWORK when no answer comes', async () => {
    const fetcher = vi.fn(async () => {
      throw new TypeError('offline');
    });
    expect(await checkInCode('AAAA3333', null, undefined, fetcher)).toEqual({ kind: 'error', code: 'NETWORK' });
  });
});
