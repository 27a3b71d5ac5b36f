import { ApiError } from '$lib/api/client';
import type { StaffMessages } from '$lib/i18n/staff.zh-CN';
import type { Messages } from '$lib/i18n/zh-CN';
import { describeError } from '$lib/session/errors';

/** A failed staff request in the reader's words: the staff codes first, then the general ones. */
export function describeStaffError(error: unknown, t: Messages, st: StaffMessages): string {
  if (error instanceof ApiError && st.errors[error.code]) return st.errors[error.code]!;
  return describeError(error, t);
}
