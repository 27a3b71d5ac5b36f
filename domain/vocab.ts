/**
 * Closed vocabularies shared by the database CHECK constraints, the API schemas and the web client.
 * Adding a value here and generating a migration is the only way to widen one.
 */

/** Venue kinds named in the 2023 policy (§10, §11) plus study-practice bases and camps. */
export const VENUE_KINDS = [
  'museum',
  'library',
  'science_center',
  'memorial_hall',
  'art_gallery',
  'cultural_center',
  'heritage_hall',
  'performance_venue',
  'sports_venue',
  'park',
  'national_park',
  'youth_palace',
  'children_center',
  'education_base',
  'practice_base',
  'camp',
  'community_station',
] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** Themes of venues and programmes (§6: labour, volunteering, rule of law, safety, study trips). */
export const THEMES = [
  'patriotism',
  'rule_of_law',
  'science',
  'culture_heritage',
  'arts',
  'sports',
  'labour',
  'nature',
  'safety',
  'volunteering',
  'reading',
  'family_education',
] as const;
export type Theme = (typeof THEMES)[number];

/** Accessibility needs a venue can be filtered on; each must be known to be met (unknown is not yes). */
export const ACCESSIBILITY_NEEDS = ['wheelchair', 'hearing', 'visual', 'cognitive'] as const;
export type AccessibilityNeed = (typeof ACCESSIBILITY_NEEDS)[number];

/** Coordinate systems a point may arrive in; everything is stored as WGS-84. */
export const COORD_SYSTEMS = ['wgs84', 'gcj02', 'bd09'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

/** How exact a stored point is: high ≤ ~200 m, medium ≤ ~1 km, low = district or town level only. */
export const COORD_PRECISIONS = ['high', 'medium', 'low'] as const;
export type CoordPrecision = (typeof COORD_PRECISIONS)[number];

/** Admission for primary/secondary pupils and preschool children. */
export const MINORS_ADMISSIONS = ['free', 'discounted', 'paid', 'unknown'] as const;
export type MinorsAdmission = (typeof MINORS_ADMISSIONS)[number];

/** How a visit is booked at the venue itself (not through Kaimen). */
export const BOOKING_MODES = ['none', 'online_required', 'online_optional', 'group_only', 'unknown'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];

/** Bureau verification of a venue listing. */
export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Publication state of a venue or programme; suspended items vanish from search (§12). */
export const PUBLICATION_STATUSES = ['published', 'draft', 'suspended'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const DESIGNATION_LEVELS = ['national', 'provincial', 'city', 'district'] as const;
export type DesignationLevel = (typeof DESIGNATION_LEVELS)[number];

export const DISTRICT_LEVELS = ['province', 'city', 'district'] as const;

export const PROGRAMME_DELIVERIES = ['on_site', 'outreach'] as const;

export const SLOT_KINDS = ['open_day', 'programme'] as const;
export const SLOT_STATUSES = ['scheduled', 'cancelled'] as const;

/** A holiday-calendar day either is a day off, or a weekend day that is a make-up workday (调休上班). */
export const HOLIDAY_DAY_KINDS = ['day_off', 'workday'] as const;

/** School grades as numbers: 0 = kindergarten, 1–6 primary, 7–9 junior middle, 10–12 senior middle. */
export const GRADE_MIN = 0;
export const GRADE_MAX = 12;

/**
 * What an account is for. A bureau is scoped to a region by adcode prefix; teachers and school admins act
 * through a school membership, venue managers through their organisation's venues.
 */
export const ROLES = ['parent', 'teacher', 'school_admin', 'venue_manager', 'bureau', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a member of a venue organisation does there: its managers (who made it, or were invited as
 * co-managers) run its venues, slots, bookings and staff; door staff see the day's bookings and check
 * codes in, nothing else.
 */
export const STAFF_ROLES = ['manager', 'co_manager', 'door_staff'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** The roles an invitation may carry (the organisation's maker is its first manager). */
export const INVITABLE_STAFF_ROLES = ['co_manager', 'door_staff'] as const;
export type InvitableStaffRole = (typeof INVITABLE_STAFF_ROLES)[number];
/** The staff roles that manage the organisation's venues and staff. */
export const MANAGING_STAFF_ROLES: readonly StaffRole[] = ['manager', 'co_manager'];

/**
 * Roles anyone may sign up for; bureau and admin accounts are made by an admin. A school admin signs up,
 * then registers or claims their school, which the bureau of its district verifies.
 */
export const SELF_SERVICE_ROLES = ['parent', 'teacher', 'school_admin', 'venue_manager'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

/** A school membership (teacher or school admin) waits for the school admin's approval. */
export const MEMBERSHIP_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const SCHOOL_ROLES = ['teacher', 'school_admin'] as const;

/** Kinds of school (教育部 school types) a school registers as. */
export const SCHOOL_KINDS = [
  'kindergarten',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'nine_year',
  'twelve_year',
  'special_education',
] as const;
export type SchoolKind = (typeof SCHOOL_KINDS)[number];

/** The grades a school kind usually serves (0 = kindergarten), a default the registrant may change. */
export const SCHOOL_KIND_GRADES: Record<SchoolKind, readonly number[]> = {
  kindergarten: [0],
  primary: [1, 2, 3, 4, 5, 6],
  junior_secondary: [7, 8, 9],
  senior_secondary: [10, 11, 12],
  nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  twelve_year: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  special_education: [1, 2, 3, 4, 5, 6, 7, 8, 9],
};

/** A school is pending until the bureau of its district verifies it, or rejected with a reason. */
export const SCHOOL_VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type SchoolVerificationStatus = (typeof SCHOOL_VERIFICATION_STATUSES)[number];
export type SchoolRole = (typeof SCHOOL_ROLES)[number];

/** A claim of an existing venue waits for the bureau of the venue's district. */
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Photo types a venue may upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** A family visit or a school group (green channel). */
export const BOOKING_KINDS = ['family', 'group'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
/**
 * held: places kept for a waitlist offer until it is accepted or lapses; pending: a request waiting for
 * the venue's approval until its deadline; confirmed; declined by the venue; cancelled by the booker or
 * the venue; slot_cancelled: the venue cancelled the slot; expired: a held offer or a pending request
 * whose deadline passed undecided.
 */
export const BOOKING_STATUSES = [
  'held',
  'pending',
  'confirmed',
  'declined',
  'cancelled',
  'slot_cancelled',
  'expired',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses whose places are taken (held and pending only until their `expires_at`). */
export const ACTIVE_BOOKING_STATUSES = ['held', 'pending', 'confirmed'] as const;

/** Age bands a family's children are counted in; no child is ever named. */
export const AGE_BANDS = ['0-5', '6-12', '13-17'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Which requests of a slot wait for the venue's approval: none, group requests (the default), or all. */
export const APPROVAL_POLICIES = ['none', 'groups', 'all'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

/** A waitlist entry waits, is offered held places, becomes a booking, leaves, or lapses. */
export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'left', 'expired', 'cancelled'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** An import job waits in the queue, runs, then is done (bad rows do not fail it) or failed as a whole. */
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** File formats an import reads. */
export const IMPORT_FORMATS = ['csv', 'geojson'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What an import loads: venues, or a bureau's official list of schools. */
export const IMPORT_ENTITIES = ['venues', 'schools'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** Stable codes of rows an import could not load (`GET /api/imports/{id}/errors`). */
export const ROW_ERROR_CODES = [
  'CSV_SYNTAX',
  'COLUMN_COUNT',
  'GEOMETRY_NOT_POINT',
  'NAME_REQUIRED',
  'COORDINATES_REQUIRED',
  'INVALID_NUMBER',
  'COORDINATE_OUT_OF_RANGE',
  'KIND_REQUIRED',
  'UNKNOWN_KIND',
  'UNKNOWN_THEME',
  'INVALID_VALUE',
  'VALUE_TOO_LONG',
  'DUPLICATE_SOURCE_REF',
  'INVALID_GRADES',
  'OUTSIDE_REGION',
  'DB_REJECTED',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
