import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { districts } from './districts.ts';
import { MEMBERSHIP_STATUSES, ROLES, SCHOOL_ROLES } from '../../domain/vocab.ts';
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

/** Venue managers belong to an organisation and manage its venues. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/** A primary or secondary school (or kindergarten) whose teachers book group visits. */
export const schools = pgTable(
  'schools',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    adcode: char('adcode', { length: 6 }).references(() => districts.code),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('schools_name_not_blank', sql`length(btrim(${t.name})) > 0`)],
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
