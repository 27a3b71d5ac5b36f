/**
 * One check-in at the door: POST /api/check-ins with the code and a fresh Idempotency-Key, answered as an
 * outcome the page shows large. The typed client drops an error's `details` (when a code was used, for
 * which venue, which day), which the door needs, so this one request is made with fetch directly.
 */
import type { ApiAnswer } from '$lib/api/client';

export type CheckIn = ApiAnswer<'/api/check-ins', 'post'>;

export type CheckInOutcome =
  | { kind: 'ok'; checkIn: CheckIn }
  | { kind: 'already'; at: string; by: string | null }
  | { kind: 'other_day'; startsAt: string | null }
  | { kind: 'other_venue'; venueName: string | null }
  | { kind: 'not_confirmed'; status: string }
  | { kind: 'unknown' }
  | { kind: 'invalid' }
  | { kind: 'error'; code: string };

interface ErrorBody {
  error?: { code?: string; details?: Record<string, unknown> };
}

/** The outcome of an error answer, from its status and body. */
export function outcomeOfError(status: number, body: ErrorBody | null): CheckInOutcome {
  const code = body?.error?.code ?? (status === 0 ? 'NETWORK' : 'SERVER');
  const details = body?.error?.details ?? {};
  switch (code) {
    case 'ALREADY_CHECKED_IN': {
      const by = details.checked_in_by as { name?: string } | null | undefined;
      return { kind: 'already', at: String(details.checked_in_at ?? ''), by: by?.name || null };
    }
    case 'CODE_OF_ANOTHER_DAY':
      return { kind: 'other_day', startsAt: typeof details.starts_at === 'string' ? details.starts_at : null };
    case 'CODE_OF_ANOTHER_VENUE': {
      const name = details.venue_name ?? (details.venue as { name?: string } | undefined)?.name;
      return { kind: 'other_venue', venueName: typeof name === 'string' ? name : null };
    }
    case 'BOOKING_NOT_CONFIRMED':
      return { kind: 'not_confirmed', status: String(details.status ?? '') };
    case 'BOOKING_CODE_NOT_FOUND':
      return { kind: 'unknown' };
    case 'INVALID_BOOKING_CODE':
      return { kind: 'invalid' };
    default:
      return { kind: 'error', code: status >= 500 ? 'SERVER' : code };
  }
}

/** Checks `code` in, once per call: the key makes a retried request (a poor network) answer the same. */
export async function checkInCode(
  code: string,
  csrfToken: string | null,
  venueId?: string,
  fetcher: typeof fetch = globalThis.fetch,
): Promise<CheckInOutcome> {
  let response: Response;
  try {
    response = await fetcher('/api/check-ins', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: JSON.stringify(venueId ? { code, venue_id: venueId } : { code }),
    });
  } catch {
    return { kind: 'error', code: 'NETWORK' };
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok && body) return { kind: 'ok', checkIn: body as CheckIn };
  return outcomeOfError(response.status, body as ErrorBody | null);
}
