import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './people.ts';
import { venues } from './venues.ts';
import { CLAIM_STATUSES, PHOTO_TYPES } from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/** A venue manager's claim to run an existing venue, decided by the bureau of the venue's district. */
export const venueClaims = pgTable(
  'venue_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** What the claimant says to prove it (job title, official letter number, phone). */
    evidence: text('evidence').notNull(),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('venue_claims_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(CLAIM_STATUSES))})`),
    check('venue_claims_evidence_not_blank', sql`length(btrim(${t.evidence})) > 0`),
    check('venue_claims_rejection_has_reason', sql`${t.status} <> 'rejected' OR ${t.reason} IS NOT NULL`),
    // One open claim per venue and claimant.
    uniqueIndex('venue_claims_pending_unique')
      .on(t.venueId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('venue_claims_status_idx').on(t.status, t.createdAt),
  ],
);

/** A photo of a venue; the bytes live behind the storage interface under `storageKey`. */
export const venuePhotos = pgTable(
  'venue_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('venue_photos_type_known', sql`${t.contentType} = ANY (${sql.raw(sqlTextArray(PHOTO_TYPES))})`),
    check('venue_photos_size_positive', sql`${t.bytes} > 0 AND ${t.width} > 0 AND ${t.height} > 0`),
    uniqueIndex('venue_photos_storage_key_unique').on(t.storageKey),
    index('venue_photos_venue_idx').on(t.venueId, t.createdAt),
  ],
);
