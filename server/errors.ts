/**
 * The one home of client-facing errors. Every 4xx carries a stable machine code a client can switch
 * on; 5xx answers never show their message.
 */
/** What a 503 DATABASE_UNAVAILABLE asks the client to wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * An answer to the client that is not a success: its status, stable code, message and details. It is the
 * outcome of a rule, not a fault, so it captures no stack trace (V8 would walk the stack for each; a
 * release rush makes thousands of SOLD_OUTs) and the error handler never logs it.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Response headers that go with the error, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

/** The JSON body an ApiError answers with: `{"error":{"code","message","details"?}}`. */
export function apiErrorBody(error: ApiError) {
  const details = error.details === undefined ? {} : { details: error.details };
  return { error: { code: error.code, message: error.message, ...details } };
}

const forbidden = (code: string, message: string) => new ApiError(403, code, message);
const conflict = (code: string, message: string) => new ApiError(409, code, message);

export const badRequest = (code: string, message: string, details?: unknown) =>
  new ApiError(400, code, message, details);

export const Errors = {
  validation: (message: string, details?: unknown) => badRequest('VALIDATION_FAILED', message, details),
  invalidNear: () => badRequest('INVALID_NEAR', 'near must be "lng,lat" with lng in [-180,180] and lat in [-90,90]'),
  invalidBbox: () =>
    badRequest('INVALID_BBOX', 'bbox must be "minLng,minLat,maxLng,maxLat" within [-180,-90,180,90] with min < max'),
  radiusWithoutNear: () => badRequest('RADIUS_WITHOUT_NEAR', 'radius_m needs near'),
  unknownKind: (kinds: string[]) => badRequest('UNKNOWN_KIND', `unknown venue kind: ${kinds.join(', ')}`),
  unknownTheme: (themes: string[]) => badRequest('UNKNOWN_THEME', `unknown theme: ${themes.join(', ')}`),
  unknownAccessibilityNeed: (needs: string[]) =>
    badRequest('UNKNOWN_ACCESSIBILITY_NEED', `unknown accessibility need: ${needs.join(', ')}`),
  sortNeedsNear: () => badRequest('SORT_NEEDS_NEAR', 'sort=distance needs near'),
  sortNeedsQuery: () => badRequest('SORT_NEEDS_QUERY', 'sort=relevance needs q'),
  invalidCursor: () => badRequest('INVALID_CURSOR', 'cursor is not one this API issued for this query'),
  invalidDateRange: (message: string) => badRequest('INVALID_DATE_RANGE', message),
  invalidDate: (field: string, value: string) => badRequest('INVALID_DATE', `${field} is not a valid date: ${value}`),
  dateOutOfRange: (first: string, last: string) =>
    badRequest('DATE_OUT_OF_RANGE', `opening days are known from ${first} to ${last}; ask for a date in that range`),
  venueNotFound: () => new ApiError(404, 'VENUE_NOT_FOUND', 'no venue with that id'),
  routeNotFound: () => new ApiError(404, 'ROUTE_NOT_FOUND', 'no such API route'),
  basemapLayerNotFound: () => new ApiError(404, 'BASEMAP_LAYER_NOT_FOUND', 'no such base-map layer'),
  importNotFound: () => new ApiError(404, 'IMPORT_NOT_FOUND', 'no import job with that id'),
  invalidMapping: (message: string) => badRequest('INVALID_MAPPING', message),
  unsupportedFormat: (message: string) => badRequest('UNSUPPORTED_FORMAT', message),
  emptyFile: (message = 'the file is empty') => badRequest('EMPTY_FILE', message),
  invalidCsv: (message: string) => badRequest('INVALID_CSV', message),
  invalidGeoJson: (message: string) => badRequest('INVALID_GEOJSON', message),
  invalidEncoding: (encoding: string) =>
    badRequest('INVALID_ENCODING', `the file is not valid ${encoding}; send UTF-8 or say encoding=gb18030`),
  invalidSource: (pattern: string) =>
    badRequest('INVALID_SOURCE', `source must match ${pattern}, e.g. bj-culture-2025`),
  authRequired: () => new ApiError(401, 'AUTH_REQUIRED', 'sign in first'),
  forbidden: (message = 'your account may not do this') => forbidden('FORBIDDEN', message),
  csrfTokenInvalid: () =>
    forbidden('CSRF_TOKEN_INVALID', 'a signed-in write needs the X-CSRF-Token header from GET /api/me or login'),
  csrfOriginMismatch: () => forbidden('CSRF_ORIGIN_MISMATCH', 'the request comes from another site'),
  invalidCredentials: () => new ApiError(401, 'INVALID_CREDENTIALS', 'the email or the password is wrong'),
  emailTaken: () => conflict('EMAIL_TAKEN', 'an account with this email exists; sign in or reset the password'),
  weakPassword: (message: string) => badRequest('WEAK_PASSWORD', message),
  roleNotSelfService: (role: string) =>
    badRequest('ROLE_NOT_SELF_SERVICE', `a ${role} account is created by an administrator, not by signing up`),
  schoolRequired: () => badRequest('SCHOOL_REQUIRED', 'a teacher signs up as a member of a school: give school_id'),
  schoolNotFound: () => new ApiError(404, 'SCHOOL_NOT_FOUND', 'no school with that id'),
  invalidResetToken: () =>
    badRequest('INVALID_RESET_TOKEN', 'this reset link is unknown, used or expired; ask for a new one'),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(429, 'RATE_LIMITED', `too many attempts; try again in ${retryAfterSeconds} s`, undefined, {
      'retry-after': String(retryAfterSeconds),
    }),
  /** The database is out of reach (a restart, a failover): try again after Retry-After seconds. */
  databaseUnavailable: () =>
    new ApiError(503, 'DATABASE_UNAVAILABLE', 'the database cannot be reached just now; try again shortly', undefined, {
      'retry-after': String(DATABASE_RETRY_AFTER_SECONDS),
    }),
  organisationNotFound: () => new ApiError(404, 'ORGANISATION_NOT_FOUND', 'no organisation with that id'),
  notYourOrganisation: () =>
    forbidden('NOT_YOUR_ORGANISATION', "only this organisation's managers (or an admin) may manage its staff"),
  notStaff: () =>
    forbidden('NOT_STAFF', 'your account is on the staff of no venue organisation; ask a manager for an invitation'),
  alreadyStaff: () => conflict('ALREADY_STAFF', 'an account with this email is already on the staff'),
  staffMemberNotFound: () => new ApiError(404, 'STAFF_MEMBER_NOT_FOUND', 'this account is not on the staff'),
  lastManager: () =>
    conflict('LAST_MANAGER', 'an organisation keeps at least one manager; make someone else a co-manager first'),
  invitationNotFound: () =>
    new ApiError(404, 'INVITATION_NOT_FOUND', 'no invitation with this link; ask the manager for a new one'),
  invitationUsed: () => conflict('INVITATION_USED', 'this invitation has been accepted already'),
  invitationRevoked: () => conflict('INVITATION_REVOKED', 'the manager withdrew this invitation'),
  invitationExpired: () => conflict('INVITATION_EXPIRED', 'this invitation has expired; ask the manager for a new one'),
  invitationForAnotherEmail: () =>
    forbidden('INVITATION_FOR_ANOTHER_EMAIL', 'this invitation was sent to another email; sign in with that account'),
  accountCannotJoinStaff: (role: string) =>
    forbidden(
      'ACCOUNT_CANNOT_JOIN_STAFF',
      `a ${role} account cannot join venue staff; ask for an invitation to another email`,
    ),
  notYourVenue: () => forbidden('NOT_YOUR_VENUE', 'only the managers of this venue (or an admin) may change it'),
  outsideRegion: () => forbidden('OUTSIDE_REGION', "this lies outside your bureau's region"),
  noOrganisation: () =>
    forbidden('NO_ORGANISATION', 'your account belongs to no organisation; venue managers get one at sign-up'),
  unknownAdcode: (adcode: string) => badRequest('UNKNOWN_ADCODE', `no district has the code ${adcode}`),
  invalidOpeningHours: (message: string) => badRequest('INVALID_OPENING_HOURS', message),
  invalidRange: (field: string, message: string) => badRequest('INVALID_RANGE', `${field}: ${message}`),
  emptyPatch: () => badRequest('EMPTY_PATCH', 'the body changes nothing: give at least one field'),
  venueNotPending: (status: string) => conflict('VENUE_NOT_PENDING', `the venue is ${status}, not waiting for review`),
  venueNotUnverified: (status: string) =>
    conflict(
      'VENUE_NOT_UNVERIFIED',
      `the venue is ${status}: only a listed venue no one has reviewed is verified this way (a pending one is approved from the queue)`,
    ),
  claimNotFound: () => new ApiError(404, 'CLAIM_NOT_FOUND', 'no claim with that id'),
  claimNotPending: (status: string) => conflict('CLAIM_NOT_PENDING', `the claim is already ${status}`),
  claimExists: () => conflict('CLAIM_EXISTS', 'you already have a claim waiting for this venue'),
  alreadyManaged: () => conflict('ALREADY_MANAGED', 'your organisation already manages this venue'),
  venueAlreadyManaged: () => conflict('VENUE_ALREADY_MANAGED', 'another organisation already manages this venue'),
  programmeNotFound: () => new ApiError(404, 'PROGRAMME_NOT_FOUND', 'no programme with that id'),
  suspendedVenueMove: () =>
    conflict(
      'VENUE_SUSPENDED',
      'the venue is suspended: its point and district cannot change until the bureau lifts the suspension',
    ),
  alreadySuspended: (what: string) => conflict('ALREADY_SUSPENDED', `the ${what} is already suspended`),
  notSuspended: (what: string, status: string) =>
    conflict('NOT_SUSPENDED', `the ${what} is ${status}, not suspended: there is nothing to reinstate`),
  designationNotFound: () => new ApiError(404, 'DESIGNATION_NOT_FOUND', 'no designation with that id'),
  designationExists: (title: string) =>
    conflict('DESIGNATION_EXISTS', `the venue already holds "${title}"; revoke it first to change it`),
  designationRevoked: () => conflict('DESIGNATION_REVOKED', 'the designation is already revoked'),
  notYourSchool: () =>
    forbidden('NOT_YOUR_SCHOOL', "only this school's approved school admins (or an admin) may manage it"),
  schoolRejected: () =>
    conflict('SCHOOL_REJECTED', "the bureau of this school's district rejected it; choose another school"),
  schoolNotPending: (status: string) =>
    conflict('SCHOOL_NOT_PENDING', `the school is ${status}, not waiting for verification`),
  schoolNotPlaced: () =>
    conflict('SCHOOL_NOT_PLACED', 'a school is verified with its point and district: give it a location first'),
  claimPending: () => conflict('CLAIM_PENDING', 'you already have a claim of this school waiting for the bureau'),
  alreadyMember: () => conflict('ALREADY_MEMBER', 'you are already an admin of this school'),
  adcodeMismatch: (adcode: string, covering: string | null) =>
    badRequest(
      'ADCODE_MISMATCH',
      covering
        ? `the point lies in ${covering}, which does not contain the district ${adcode}`
        : `the point lies outside every known district, so it cannot be in ${adcode}`,
    ),
  invalidGrades: (message: string) => badRequest('INVALID_GRADES', message),
  membershipNotFound: () => new ApiError(404, 'MEMBERSHIP_NOT_FOUND', 'that user is not a member of this school'),
  membershipNotPending: (status: string) => conflict('MEMBERSHIP_NOT_PENDING', `the membership is already ${status}`),
  slotShape: (message: string) => badRequest('INVALID_SLOT_TIMES', message),
  invalidAllocation: (message: string) => badRequest('INVALID_ALLOCATION', message),
  programmeNotAtVenue: () => badRequest('PROGRAMME_NOT_AT_VENUE', 'programme_id is not one of this venue’s programmes'),
  slotInPast: () => badRequest('SLOT_IN_PAST', 'slots must start in the future'),
  slotNotFound: () => new ApiError(404, 'SLOT_NOT_FOUND', 'no slot with that id'),
  slotAlreadyCancelled: () => conflict('SLOT_ALREADY_CANCELLED', 'the slot is already cancelled'),
  photoMissing: () => badRequest('PHOTO_MISSING', 'send the photo as multipart/form-data in the field "file"'),
  photoTooLarge: (max: number) =>
    new ApiError(413, 'PHOTO_TOO_LARGE', `a photo may be at most ${Math.round(max / 1024 / 1024)} MB`),
  photoPixels: (maxSide: number, maxMegapixels: number) =>
    new ApiError(
      413,
      'PHOTO_TOO_MANY_PIXELS',
      `a photo may be at most ${maxSide} pixels a side and ${maxMegapixels} megapixels`,
    ),
  photoType: () => new ApiError(415, 'UNSUPPORTED_PHOTO_TYPE', 'a photo must be a JPEG, PNG or WebP image'),
  tooManyPhotos: (max: number) => conflict('TOO_MANY_PHOTOS', `a venue may have at most ${max} photos`),
  photoNotFound: () => new ApiError(404, 'PHOTO_NOT_FOUND', 'no photo with that id'),
  jsonTooDeep: (max: number) =>
    badRequest('JSON_TOO_DEEP', `the JSON body nests arrays and objects more than ${max} levels deep`),
  nulInText: (path: string) => badRequest('INVALID_TEXT', `${path}: text may not contain NUL characters`),
  devMailboxOff: () => new ApiError(404, 'DEV_MAILBOX_OFF', 'the dev mailbox exists only in demo mode'),
  devMailboxLocalOnly: () =>
    forbidden(
      'DEV_MAILBOX_LOCAL_ONLY',
      'the dev mailbox is readable only on the machine running Kaimen, or by an admin',
    ),
  reservedSource: (source: string) =>
    badRequest('RESERVED_SOURCE', `source "${source}" belongs to Kaimen's own seed data; choose another tag`),
  bookingNotFound: () => new ApiError(404, 'BOOKING_NOT_FOUND', 'no booking with that id'),
  notYourBooking: () => forbidden('NOT_YOUR_BOOKING', 'only the booker, the venue and the school may see this booking'),
  slotNotBookable: (why: string) => conflict('SLOT_NOT_BOOKABLE', why),
  bookingWindow: (code: 'SLOT_STARTED' | 'BOOKING_NOT_OPEN' | 'BOOKING_CLOSED', at: Date | null) =>
    new ApiError(
      409,
      code,
      code === 'SLOT_STARTED'
        ? 'the slot has started; it takes no more bookings'
        : code === 'BOOKING_NOT_OPEN'
          ? `booking opens at ${at?.toISOString()}`
          : `booking closed at ${at?.toISOString()}`,
      at ? { at: at.toISOString() } : undefined,
    ),
  soldOut: (details: { places_wanted: number; places_left: number; waitlist_open: boolean }) =>
    new ApiError(
      409,
      'SOLD_OUT',
      details.waitlist_open
        ? `only ${details.places_left} places are left for this party; the waitlist is open`
        : `only ${details.places_left} places are left for this party`,
      details,
    ),
  alreadyBooked: (bookingId: string) =>
    new ApiError(409, 'ALREADY_BOOKED', 'you already have a live booking of this slot', { booking_id: bookingId }),
  party: (code: string, message: string) => badRequest(code, message),
  bookingSchoolNotFound: () => badRequest('SCHOOL_NOT_FOUND', 'no school with that id'),
  notSchoolTeacher: () =>
    forbidden('NOT_SCHOOL_TEACHER', 'a group booking is made by a confirmed teacher of the school it names'),
  groupNeedsTeacher: () => forbidden('GROUP_NEEDS_TEACHER', 'only teachers and school admins book for school groups'),
  bookingNotLive: (status: string) => conflict('BOOKING_NOT_LIVE', `the booking is ${status}`),
  bookingNotPending: (status: string) =>
    conflict('BOOKING_NOT_PENDING', `the booking is ${status}, not waiting for approval`),
  cancellationClosed: (deadline: Date) =>
    new ApiError(
      409,
      'CANCELLATION_CLOSED',
      `bookings of this slot could be cancelled until ${deadline.toISOString()}; ask the venue`,
      {
        deadline: deadline.toISOString(),
      },
    ),
  // The waitlist (issue 10, point 4).
  waitlistClosed: () => conflict('WAITLIST_CLOSED', 'this slot keeps no waitlist'),
  placesAvailable: (placesLeft: number) =>
    new ApiError(409, 'PLACES_AVAILABLE', 'this party fits in the places left: book them instead', {
      places_left: placesLeft,
    }),
  partyExceedsSlot: (capacity: number) =>
    conflict('PARTY_EXCEEDS_SLOT', `this slot has ${capacity} places in all; the party could never be offered them`),
  alreadyWaitlisted: (entryId: string) =>
    new ApiError(409, 'ALREADY_WAITLISTED', 'you are already on the waitlist of this slot', { entry_id: entryId }),
  waitlistEntryNotFound: () => new ApiError(404, 'WAITLIST_ENTRY_NOT_FOUND', 'no waitlist entry with that id'),
  notYourWaitlistEntry: () => forbidden('NOT_YOUR_WAITLIST_ENTRY', 'only who joined the waitlist may leave it'),
  waitlistEntryNotLive: (status: string) => conflict('WAITLIST_ENTRY_NOT_LIVE', `the entry is ${status}`),
  notAnOffer: (status: string) => conflict('NOT_AN_OFFER', `the booking is ${status}, not a waitlist offer`),
  offerExpired: (at: Date | null) =>
    new ApiError(
      409,
      'OFFER_EXPIRED',
      'the offer lapsed; its places went to the next on the waitlist',
      at ? { expired_at: at.toISOString() } : undefined,
    ),
  idempotencyKeyReused: () =>
    new ApiError(422, 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was sent before with another request'),
  invalidIdempotencyKey: () =>
    badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–255 visible ASCII characters'),
  // Slot changes (PATCH /api/slots/{id})
  capacityBelowTaken: (details: {
    limit: 'capacity' | 'school_allocation' | 'public_share';
    taken: number;
    asked: number;
  }) =>
    new ApiError(
      409,
      'CAPACITY_BELOW_TAKEN',
      `${
        details.limit === 'capacity'
          ? `live bookings take ${details.taken} places, more than a capacity of ${details.asked}`
          : details.limit === 'school_allocation'
            ? `school groups take ${details.taken} allocation places, more than an allocation of ${details.asked}`
            : `the public takes ${details.taken} places, more than a public share of ${details.asked} before the allocation's release`
      }; say over_capacity "cancel_newest" to cancel the newest bookings over it`,
      details,
    ),
  invalidBookingWindow: (message: string) => badRequest('INVALID_BOOKING_WINDOW', message),
  slotStarted: () => conflict('SLOT_STARTED', 'the slot has started; it can no longer be changed'),
  // Check-in at the door (server/commands/check-in.ts).
  invalidBookingCode: () =>
    badRequest('INVALID_BOOKING_CODE', 'a booking code is 8 letters and digits from ACDEFHJKMNPQRTUVWXY3479'),
  bookingCodeNotFound: () => new ApiError(404, 'BOOKING_CODE_NOT_FOUND', 'no booking has this code'),
  alreadyCheckedIn: (details: { checked_in_at: string; checked_in_by: { id: string; name: string } | null }) =>
    new ApiError(
      409,
      'ALREADY_CHECKED_IN',
      `this code was already used: checked in at ${details.checked_in_at}`,
      details,
    ),
  checkInOtherVenue: (venue: { id: string; name: string }) =>
    new ApiError(409, 'CODE_OF_ANOTHER_VENUE', `this booking is for another venue: ${venue.name}`, { venue }),
  checkInOtherDay: (details: { slot_day: string; today: string; starts_at: string }) =>
    new ApiError(
      409,
      'CODE_OF_ANOTHER_DAY',
      `this booking is for ${details.slot_day}, not today (${details.today}, Beijing time)`,
      details,
    ),
  bookingNotConfirmed: (status: string) =>
    new ApiError(
      409,
      'BOOKING_NOT_CONFIRMED',
      status === 'pending'
        ? 'this booking still waits for the venue’s approval'
        : status === 'held'
          ? 'this is a waitlist offer not yet accepted'
          : `this booking is ${status}`,
      { status },
    ),
  notCheckedIn: () => conflict('NOT_CHECKED_IN', 'this booking is not checked in'),
  undoWindowClosed: (until: Date) =>
    new ApiError(409, 'UNDO_WINDOW_CLOSED', `a check-in can be undone for 5 minutes, until ${until.toISOString()}`, {
      undo_until: until.toISOString(),
    }),
  arrivedTooMany: (capacity: number) =>
    badRequest('ARRIVED_TOO_MANY', `more people than the slot holds (${capacity}): count again`, { capacity }),
};
