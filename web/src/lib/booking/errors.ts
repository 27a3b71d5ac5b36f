import { ApiError } from '$lib/api/client';
import type { Messages } from '$lib/i18n/zh-CN';
import { describeError } from '$lib/session/errors';

/** A failed booking request in a parent's words: the booking core's codes first, then the console's. */
export function describeBookingError(error: unknown, t: Messages): string {
  return (error instanceof ApiError ? t.booking.errorCode(error.code) : undefined) ?? describeError(error, t);
}
