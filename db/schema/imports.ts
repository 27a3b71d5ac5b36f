import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { venues } from './venues.ts';
import {
  COORD_SYSTEMS,
  IMPORT_ENTITIES,
  IMPORT_FORMATS,
  IMPORT_STATUSES,
  ROW_ERROR_CODES,
} from '../../domain/vocab.ts';
import { schools, users } from './people.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * A venue import (CSV or GeoJSON) run as a background job. The row is the source of truth for status and
 * progress: the worker writes it every batch, and any process answering `GET /api/imports/{id}` reads it.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('queued'),
    /** Venues, or schools (a bureau's official list). */
    entity: text('entity').notNull().default('venues'),
    /** Schools only: imported schools are marked verified (a bureau, for rows in its own region). */
    verify: boolean('verify').notNull().default(false),
    /** Who started it; a bureau sees its own jobs. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    format: text('format').notNull(),
    crs: text('crs').notNull(),
    /** The `venues.source` tag every imported row gets; with `source_ref` it is the upsert key. */
    source: text('source').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    /** The field mapping, value maps and defaults the job was started with, for the record. */
    mapping: jsonb('mapping').notNull(),
    /** Data rows (CSV records or GeoJSON features); NULL until the file has been read. */
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    failedRows: integer('failed_rows').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    /** Why the whole job failed (not a bad row: those are in import_errors). */
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /**
     * Last sign of life from the process that owns the job; a queued or running job whose owner stopped
     * beating (a crash, a kill) is marked failed instead of looking busy forever.
     */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('import_jobs_status_known', sql`${t.status} = ANY (${sql.raw(sqlTextArray(IMPORT_STATUSES))})`),
    check('import_jobs_entity_known', sql`${t.entity} = ANY (${sql.raw(sqlTextArray(IMPORT_ENTITIES))})`),
    check('import_jobs_format_known', sql`${t.format} = ANY (${sql.raw(sqlTextArray(IMPORT_FORMATS))})`),
    check('import_jobs_crs_known', sql`${t.crs} = ANY (${sql.raw(sqlTextArray(COORD_SYSTEMS))})`),
    check(
      'import_jobs_counts_sane',
      sql`${t.processedRows} >= 0 AND ${t.inserted} >= 0 AND ${t.updated} >= 0 AND ${t.failedRows} >= 0 AND ${t.duplicates} >= 0 AND (${t.totalRows} IS NULL OR ${t.processedRows} <= ${t.totalRows})`,
    ),
    index('import_jobs_unfinished_idx')
      .on(t.heartbeatAt)
      .where(sql`${t.status} IN ('queued', 'running')`),
  ],
);

/** A row the job could not load: its line (CSV, header = 1) or feature index (GeoJSON), and why. */
export const importErrors = pgTable(
  'import_errors',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.line] }),
    check('import_errors_code_known', sql`${t.code} = ANY (${sql.raw(sqlTextArray(ROW_ERROR_CODES))})`),
  ],
);

/**
 * A row not loaded because it is likely the same place as an existing venue, or as an earlier row of
 * the same file: the same normalised name within 100 m.
 */
export const importDuplicates = pgTable(
  'import_duplicates',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    name: text('name').notNull(),
    /** The venue it duplicates; NULL when that is an earlier row of a dry run (never written). */
    existingVenueId: uuid('existing_venue_id').references(() => venues.id, { onDelete: 'set null' }),
    /** The school it duplicates, for a school import. */
    existingSchoolId: uuid('existing_school_id').references(() => schools.id, { onDelete: 'set null' }),
    /** The earlier line of the same file it duplicates, if that is what it matched. */
    existingLine: integer('existing_line'),
    existingName: text('existing_name').notNull(),
    distanceM: doublePrecision('distance_m').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.line] }),
    // Deleting venues sets their duplicates' reference to NULL; without an index each delete scans.
    index('import_duplicates_existing_venue_idx').on(t.existingVenueId),
    index('import_duplicates_existing_school_idx').on(t.existingSchoolId),
  ],
);
