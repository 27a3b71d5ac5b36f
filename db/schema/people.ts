import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import {
  CLAIM_STATUSES,
  COORD_SYSTEMS,
  GRADE_MAX,
  GRADE_MIN,
  MEMBERSHIP_STATUSES,
  ROLES,
  SCHOOL_KINDS,
  SCHOOL_ROLES,
  SCHOOL_VERIFICATION_STATUSES,
  INVITABLE_STAFF_ROLES,
  STAFF_ROLES,
} from '../../domain/vocab.ts';
import { pointWgs84 } from './geometry.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * A person with an account. `role` says what they do here; a bureau account also carries the region it
 * oversees as an adcode prefix (2 digits a province, 4 a city, 6 a district).
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id, in the PHC string format. */
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    regionPrefix: text('region_prefix'),
    /** Demo accounts exist only in the embedded demo database. */
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    check('users_role_known', sql`${t.role} = ANY (${sql.raw(sqlTextArray(ROLES))})`),
    check('users_email_shape', sql`${t.email} = lower(${t.email}) AND ${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_display_name_not_blank', sql`length(btrim(${t.displayName})) > 0`),
    check(
      'users_bureau_has_region',
      sql`(${t.role} = 'bureau') = (${t.regionPrefix} IS NOT NULL) AND (${t.regionPrefix} IS NULL OR ${t.regionPrefix} ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6})$')`,
    ),
    uniqueIndex('users_email_unique').on(t.email),
  ],
);

/** Who runs venues: a museum, a library system, a company operating a practice base. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('organisations_name_not_blank', sql`length(btrim(${t.name})) > 0`)],
);

/**
 * The staff of an organisation: its managers (the maker, and co-managers) manage its venues; door staff
 * see the day's bookings and check codes in (STAFF_ROLES).
 */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull().default('manager'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_members_user_idx').on(t.userId),
    check('organisation_members_role_known', sql`${t.role} = ANY (${sql.raw(sqlTextArray(STAFF_ROLES))})`),
  ],
);

/**
 * An invitation to join an organisation's staff, sent by e-mail: its token is stored only as a SHA-256
 * hash, works once, until it expires, for the account with this e-mail. At most one live (neither
 * accepted nor revoked) invitation per organisation and e-mail.
 */
export const organisationInvitations = pgTable(
  'organisation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'organisation_invitations_role_known',
      sql`${t.role} = ANY (${sql.raw(sqlTextArray(INVITABLE_STAFF_ROLES))})`,
    ),
    check(
      'organisation_invitations_email_shape',
      sql`${t.email} = lower(${t.email}) AND ${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`,
    ),
    check('organisation_invitations_settled_once', sql`${t.acceptedAt} IS NULL OR ${t.revokedAt} IS NULL`),
    uniqueIndex('organisation_invitations_token_unique').on(t.tokenHash),
    uniqueIndex('organisation_invitations_live_unique')
      .on(t.organisationId, t.email)
      .where(sql`${t.acceptedAt} IS NULL AND ${t.revokedAt} IS NULL`),
  ],
);

/** Every grade a school may serve, for its CHECK constraint (a CHECK cannot hold a subquery). */
const GRADES = Array.from({ length: GRADE_MAX - GRADE_MIN + 1 }, (_, i) => GRADE_MIN + i);

/**
 * A school (or kindergarten) whose confirmed teachers book group visits through the green channel. It
 * is registered by a school admin, claimed by one, or imported from a bureau's official list, and only a
 * verified school's teachers may take green-channel places: the bureau of its district verifies it, and
 * a verified school has a point and a district. The point is canonical WGS-84, as venues' are.
 */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    kind: text('kind'),
    /** Grades served, 0 = kindergarten … 12; empty when unknown. */
    grades: smallint('grades')
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    adcode: char('adcode', { length: 6 }).references(() => districts.code),
    location: pointWgs84('location'),
    sourceCrs: text('source_crs').notNull().default('wgs84'),
    addressZh: text('address_zh'),
    addressEn: text('address_en'),
    /** Pupils enrolled, for the bureau's coverage figures; optional. */
    pupilCount: integer('pupil_count'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    verificationStatus: text('verification_status').notNull().default('pending'),
    /** The bureau's reason when it rejected the school, or why it was sent back to review. */
    reviewNote: text('review_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Where the record came from: `kaimen-console`, `kaimen-demo`, or an import's source tag with `sourceRef`. */
    source: text('source').notNull().default('kaimen-console'),
    sourceRef: text('source_ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('schools_name_not_blank', sql`length(btrim(${t.name})) > 0`),
    check('schools_kind_known', sql`${t.kind} IS NULL OR ${t.kind} = ANY (${sql.raw(sqlTextArray(SCHOOL_KINDS))})`),
    check('schools_grades_valid', sql`${t.grades} <@ ${sql.raw(`ARRAY[${GRADES.join(',')}]::smallint[]`)}`),
    check(
      'schools_location_valid',
      sql`${t.location} IS NULL OR (ST_SRID(${t.location}) = 4326 AND ST_GeometryType(${t.location}) = 'ST_Point' AND ST_X(${t.location}) BETWEEN -180 AND 180 AND ST_Y(${t.location}) BETWEEN -90 AND 90)`,
    ),
    check('schools_source_crs_known', sql`${t.sourceCrs} = ANY (${sql.raw(sqlTextArray(COORD_SYSTEMS))})`),
    check('schools_pupil_count_sane', sql`${t.pupilCount} IS NULL OR ${t.pupilCount} BETWEEN 0 AND 100000`),
    check(
      'schools_verification_known',
      sql`${t.verificationStatus} = ANY (${sql.raw(sqlTextArray(SCHOOL_VERIFICATION_STATUSES))})`,
    ),
    // The green channel trusts a verified school's place: it has a point and a district.
    check(
      'schools_verified_is_placed',
      sql`${t.verificationStatus} <> 'verified' OR (${t.location} IS NOT NULL AND ${t.adcode} IS NOT NULL)`,
    ),
    check('schools_rejection_has_reason', sql`${t.verificationStatus} <> 'rejected' OR ${t.reviewNote} IS NOT NULL`),
    uniqueIndex('schools_source_ref_unique').on(t.source, t.sourceRef),
    index('schools_adcode_idx').on(t.adcode),
    index('schools_review_idx').on(t.verificationStatus, t.createdAt),
    index('schools_location_gist').using('gist', t.location),
  ],
);

/** A school admin's claim to run a listed school (e.g. imported), decided by the bureau of its district. */
export const schoolClaims = pgTable(
  'school_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** What the claimant says to prove it (position, official letter number, school phone). */
    evidence: text('evidence').notNull(),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('school_claims_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(CLAIM_STATUSES))})`),
    check('school_claims_evidence_not_blank', sql`length(btrim(${t.evidence})) > 0`),
    check('school_claims_rejection_has_reason', sql`${t.status} <> 'rejected' OR ${t.reason} IS NOT NULL`),
    uniqueIndex('school_claims_pending_unique')
      .on(t.schoolId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('school_claims_status_idx').on(t.status, t.createdAt),
  ],
);

/** A teacher or school admin of a school; a teacher acts for the school once approved by its admin. */
export const schoolMembers = pgTable(
  'school_members',
  {
    schoolId: uuid('school_id')
      .notNull()
      .references(() => schools.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.schoolId, t.userId] }),
    check('school_members_role_known', sql`${t.role} = ANY (${sql.raw(sqlTextArray(SCHOOL_ROLES))})`),
    check('school_members_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(MEMBERSHIP_STATUSES))})`),
    index('school_members_user_idx').on(t.userId),
  ],
);
