import { ApiError } from '$lib/api/client';
import type { Messages } from '$lib/i18n/zh-CN';

/**
 * A failed request in the reader's language: known codes in friendly words, rate limits with the
 * wait, other 4xx with the server's own message, and our own words for network and server faults.
 */
export function describeError(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError)) return t.serverError;
  if (error.code === 'NETWORK') return t.networkError;
  if (error.code === 'SERVER') return t.serverError;
  if (error.code === 'RATE_LIMITED') {
    const seconds = /(\d+)\s*s\b/.exec(error.message)?.[1];
    return t.rateLimited(seconds ? Number(seconds) : null);
  }
  return t.apiErrorCode(error.code) ?? t.requestFailed(error.message);
}
