/**
 * The rest of the booking API's error codes in plain words (the parent's commonest ones are in
 * booking.zh-CN.ts): groups, the waitlist, check-in at the door, retries. Each says what happened and
 * what to do next. `booking-errors.en.ts` has the same codes; web/src/lib/booking/error-words.test.ts
 * checks that every code the booking API can answer is worded in both languages.
 */
export const bookingErrorWords: Record<string, string> = {
  GROUP_NEEDS_ADULT: '学校团体需要至少一位带队老师或成人。',
  GROUP_TOO_SMALL: '团体人数少于这个时段要求的最少人数。',
  GROUP_TOO_LARGE: '团体人数超过了这个时段允许的最多人数，可以分成两批预约。',
  GRADE_NOT_SERVED: '这个时段不接待这个年级的学生，请换一个适合的时段。',
  NOT_SCHOOL_TEACHER: '只有学校确认过的教师才能为这所学校预约团体。请先在“学校”页面等待学校管理员确认。',
  NOT_YOUR_WAITLIST_ENTRY: '这条候补不是用你的账号加入的。请换成加入候补时用的账号登录。',
  WAITLIST_ENTRY_NOT_FOUND: '没有找到这条候补，可能已经离开候补名单。',
  WAITLIST_ENTRY_NOT_LIVE: '这条候补已经结束（已得到名额、已离开或时段已取消）。',
  BOOKING_NOT_PENDING: '这个申请已经处理过了，刷新后可以看到最新状态。',
  IDEMPOTENCY_KEY_REUSED: '这次提交和刚才的不一样，请刷新页面后重新填写。',
  INVALID_IDEMPOTENCY_KEY: '提交出了问题，请刷新页面后再试。',
  INVALID_BOOKING_CODE: '预约码格式不对：应为 8 位字母和数字。',
  BOOKING_CODE_NOT_FOUND: '查无此预约码，请核对后重新输入。',
  ALREADY_CHECKED_IN: '这个预约码已经使用过，已经入场了。',
  CODE_OF_ANOTHER_DAY: '这个预约不是今天的，请按预约的日期前来。',
  CODE_OF_ANOTHER_VENUE: '这个预约是其他场馆的。',
  BOOKING_NOT_CONFIRMED: '这个预约还没有确认（或已取消），不能入场。',
  NOT_CHECKED_IN: '这个预约还没有入场。',
  UNDO_WINDOW_CLOSED: '入场 5 分钟后不能再撤销。',
  ARRIVED_TOO_MANY: '到场人数超过了这个时段的总名额，请重新清点。',
  NOT_YOUR_ORGANISATION: '只有这个场馆机构的管理员可以做这件事。',
  ORGANISATION_NOT_FOUND: '没有找到这个场馆机构。',
};
