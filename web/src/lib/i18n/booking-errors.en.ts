/** English words for the codes of booking-errors.zh-CN.ts (see there). */
export const bookingErrorWords: Record<string, string> = {
  GROUP_NEEDS_ADULT: 'A school group needs at least one teacher or other adult with it.',
  GROUP_TOO_SMALL: 'The group is smaller than this slot takes.',
  GROUP_TOO_LARGE: 'The group is larger than this slot takes; you could book it in two parts.',
  GRADE_NOT_SERVED: 'This slot is not for pupils of this grade; choose a slot that suits them.',
  NOT_SCHOOL_TEACHER:
    'Only teachers the school has confirmed can book for its groups. Wait for your school admin to confirm you (see the School page).',
  NOT_YOUR_WAITLIST_ENTRY: 'This waitlist place was taken with another account. Sign in with that one.',
  WAITLIST_ENTRY_NOT_FOUND: 'This waitlist place was not found; it may have been left already.',
  WAITLIST_ENTRY_NOT_LIVE:
    'This waitlist place has ended (places were offered, it was left, or the slot was cancelled).',
  BOOKING_NOT_PENDING: 'This request has been decided already; reload to see where it stands.',
  IDEMPOTENCY_KEY_REUSED: 'This differs from what you just sent. Reload the page and fill it in again.',
  INVALID_IDEMPOTENCY_KEY: 'Something went wrong sending this. Reload the page and try again.',
  INVALID_BOOKING_CODE: 'A booking code is 8 letters and digits.',
  BOOKING_CODE_NOT_FOUND: 'No booking has this code. Check it and type it again.',
  ALREADY_CHECKED_IN: 'This code has been used already: they are checked in.',
  CODE_OF_ANOTHER_DAY: 'This booking is for another day. Come on the day booked.',
  CODE_OF_ANOTHER_VENUE: 'This booking is for another venue.',
  BOOKING_NOT_CONFIRMED: 'This booking is not confirmed (or was cancelled), so it cannot be checked in.',
  NOT_CHECKED_IN: 'This booking is not checked in.',
  UNDO_WINDOW_CLOSED: 'A check-in can only be undone within 5 minutes.',
  ARRIVED_TOO_MANY: 'More people than the slot holds: count again.',
  NOT_YOUR_ORGANISATION: "Only the venue organisation's managers can do this.",
  ORGANISATION_NOT_FOUND: 'This venue organisation was not found.',
};
