/**
 * Venue and school imports: the job rows (status and progress), their bad rows and likely duplicates, the venues
 * near a batch's points, and the batched upsert of the venues an import writes.
 */
import { and, asc, eq, getTableColumns, gt, inArray, lt, sql, TransactionRollbackError } from 'drizzle-orm';
import type { CoordSystem, ImportEntity, ImportFormat, RowErrorCode } from '../../domain/vocab.ts';
import { queryRows, type Db } from '../client.ts';
import { importDuplicates, importErrors, importJobs, venues } from '../schema/index.ts';
import { withPinyin } from './venue-pinyin.ts';

export interface NewImportJob {
  /** Venues unless said otherwise. */
  entity?: ImportEntity;
  /** Schools only: mark the imported schools verified. */
  verify?: boolean;
  /** Who started it (they may follow it). */
  createdBy?: string | null;
  format: ImportFormat;
  crs: CoordSystem;
  source: string;
  dryRun: boolean;
  mapping: unknown;
}

export interface ImportCounts {
  processedRows: number;
  inserted: number;
  updated: number;
  failedRows: number;
  duplicates: number;
}

export interface ImportErrorRow {
  line: number;
  code: RowErrorCode;
  reason: string;
}

export interface ImportDuplicateRow {
  line: number;
  name: string;
  /** The venue the row duplicates; null when it duplicates an earlier row of a dry run, or a school. */
  existingVenueId: string | null;
  /** The school the row duplicates (a school import); null otherwise. */
  existingSchoolId?: string | null;
  /** The earlier row of the same file it duplicates, if so. */
  existingLine: number | null;
  existingName: string;
  distanceM: number;
}

export type ImportJobRow = typeof importJobs.$inferSelect;

/** Records a new job as queued. */
export async function createImportJob(db: Db, job: NewImportJob): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(job).returning();
  return row!;
}

/** The job, or undefined when there is none with that id. */
export async function getImportJob(db: Db, { id }: { id: string }): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return row;
}

/** Marks a job running once its file has been counted. */
export async function markImportJobRunning(db: Db, id: string, totalRows: number): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: 'running', totalRows, startedAt: sql`now()`, heartbeatAt: sql`now()` })
    .where(eq(importJobs.id, id));
}

/**
 * Saves one batch's bad rows and duplicates with the job's new counts, in one transaction, so the
 * lists never run ahead of or behind the counts a client polls.
 */
export async function recordImportProgress(
  db: Db,
  id: string,
  counts: ImportCounts,
  errors: ImportErrorRow[],
  duplicates: ImportDuplicateRow[],
): Promise<void> {
  // One batch's rows at most (BATCH_SIZE), so one statement each.
  await db.transaction(async (tx) => {
    if (errors.length > 0) {
      await tx
        .insert(importErrors)
        .values(errors.map((e) => ({ jobId: id, ...e })))
        .onConflictDoNothing();
    }
    if (duplicates.length > 0) {
      await tx
        .insert(importDuplicates)
        .values(duplicates.map((d) => ({ jobId: id, ...d })))
        .onConflictDoNothing();
    }
    await tx
      .update(importJobs)
      .set({ ...counts, heartbeatAt: sql`now()` })
      .where(eq(importJobs.id, id));
  });
}

/** Ends a job: done (bad rows included), or failed as a whole with a message. */
export async function finishImportJob(
  db: Db,
  id: string,
  outcome: { status: 'done' } | { status: 'failed'; message: string },
): Promise<void> {
  await db
    .update(importJobs)
    .set({
      status: outcome.status,
      message: outcome.status === 'failed' ? outcome.message : null,
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
    })
    .where(eq(importJobs.id, id));
}

/** Marks still-unfinished jobs failed (a stopping server's queue). */
export async function failUnfinishedImportJobs(db: Db, ids: string[], message: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(importJobs)
    .set({ status: 'failed', message, finishedAt: sql`now()` })
    .where(and(inArray(importJobs.id, ids), inArray(importJobs.status, ['queued', 'running'])));
}

/** Tells other processes these jobs' owner is alive. */
export async function heartbeatImportJobs(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(importJobs)
    .set({ heartbeatAt: sql`now()` })
    .where(inArray(importJobs.id, ids));
}

/**
 * Fails queued or running jobs whose owner has not beaten for `staleAfterMs` (it crashed or was
 * killed): without this they would look busy forever. Answers how many it failed.
 */
export async function failStaleImportJobs(db: Db, staleAfterMs: number): Promise<number> {
  const rows = await db
    .update(importJobs)
    .set({
      status: 'failed',
      message:
        'interrupted: the process running the import stopped before it finished (its lease expired); start the import again',
      finishedAt: sql`now()`,
    })
    .where(
      and(
        inArray(importJobs.status, ['queued', 'running']),
        lt(importJobs.heartbeatAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length;
}

/** One page of a job's bad rows in line order, after `afterLine`. */
export async function listImportErrors(
  db: Db,
  { jobId, limit, afterLine }: { jobId: string; limit: number; afterLine?: number | undefined },
): Promise<ImportErrorRow[]> {
  return db
    .select({ line: importErrors.line, code: sql<RowErrorCode>`${importErrors.code}`, reason: importErrors.reason })
    .from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), afterLine === undefined ? undefined : gt(importErrors.line, afterLine)))
    .orderBy(asc(importErrors.line))
    .limit(limit);
}

/** One page of a job's likely duplicates in line order, after `afterLine`. */
export async function listImportDuplicates(
  db: Db,
  { jobId, limit, afterLine }: { jobId: string; limit: number; afterLine?: number | undefined },
): Promise<ImportDuplicateRow[]> {
  const d = importDuplicates;
  return db
    .select({
      line: d.line,
      name: d.name,
      existingVenueId: d.existingVenueId,
      existingSchoolId: d.existingSchoolId,
      existingLine: d.existingLine,
      existingName: d.existingName,
      distanceM: d.distanceM,
    })
    .from(d)
    .where(and(eq(d.jobId, jobId), afterLine === undefined ? undefined : gt(d.line, afterLine)))
    .orderBy(asc(d.line))
    .limit(limit);
}

/** An existing venue near a point of a batch (`index` is the point's position in the batch). */
export interface NearbyVenue {
  index: number;
  id: string;
  nameZh: string;
  nameEn: string | null;
  lng: number;
  lat: number;
}

/**
 * Existing venues within `radiusM` (great-circle, PostGIS's sphere) of each point, in one query through
 * the geography GiST index. A point with a `ref` does not find the venue an earlier import of the same
 * source made from that ref: that one is updated, not duplicated.
 */
export async function venuesNearPoints(
  db: Db,
  points: { lng: number; lat: number; ref: string | null }[],
  source: string,
  radiusM: number,
): Promise<NearbyVenue[]> {
  if (points.length === 0) return [];
  const input = JSON.stringify(points.map((p, i) => ({ i, lng: p.lng, lat: p.lat, ref: p.ref })));
  const rows = await queryRows<{
    i: number;
    id: string;
    name_zh: string;
    name_en: string | null;
    lng: number;
    lat: number;
  }>(
    db,
    sql`SELECT b.i, v.id, v.name_zh, v.name_en, ST_X(v.location) AS lng, ST_Y(v.location) AS lat
        FROM jsonb_to_recordset(${input}::jsonb) AS b(i int, lng float8, lat float8, ref text)
        JOIN venues v
          ON ST_DWithin(v.location::geography, ST_SetSRID(ST_MakePoint(b.lng, b.lat), 4326)::geography, ${radiusM}::float8, false)
         AND (b.ref IS NULL OR v.source <> ${source} OR v.source_ref IS DISTINCT FROM b.ref)`,
  );
  return rows.map((r) => ({
    index: Number(r.i),
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    lng: Number(r.lng),
    lat: Number(r.lat),
  }));
}

/** The columns an import writes (besides `location`, made from lng/lat), with their SQL types. */
const WRITTEN = {
  id: 'uuid',
  nameZh: 'text',
  nameEn: 'text',
  kinds: 'text[]',
  themes: 'text[]',
  adcode: 'char(6)',
  addressZh: 'text',
  addressEn: 'text',
  sourceCrs: 'text',
  coordPrecision: 'text',
  openingHours: 'text',
  minorsAdmission: 'text',
  admissionRule: 'text',
  bookingMode: 'text',
  phone: 'text',
  website: 'text',
  email: 'text',
  source: 'text',
  sourceRef: 'text',
  namePinyin: 'text',
  nameInitials: 'text',
  nameSort: 'text',
} as const;
type WrittenColumn = keyof typeof WRITTEN;

/** A venue as an import writes it; a single-choice field left undefined takes the column's default. */
export type ImportedVenue = Pick<typeof venues.$inferInsert, WrittenColumn> & { id: string; lng: number; lat: number };

/** Columns an update may overwrite besides the point, its system and adcode (always written). */
export type ImportUpdatableColumn = Exclude<
  WrittenColumn,
  'id' | 'source' | 'sourceRef' | 'sourceCrs' | 'adcode' | 'namePinyin' | 'nameInitials' | 'nameSort'
>;

/**
 * Inserts the venues, or updates the one with the same (source, source_ref): only `updateColumns`, the
 * point, its system and adcode change, so fields the file does not carry keep what editors set.
 * Answers, for each venue in order, the id written and whether it was new.
 *
 * The rows travel as one jsonb parameter rather than a VALUES list of ~20 parameters a row: on
 * PostgreSQL that makes a batch of 500 three to four times faster, which is most of an import's time.
 */
export async function upsertImportedVenues(
  db: Db,
  rows: ImportedVenue[],
  updateColumns: ImportUpdatableColumn[],
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(venues);
  const name = (key: keyof typeof columns) => `"${columns[key].name}"`;
  const keys = Object.keys(WRITTEN) as WrittenColumn[];
  // jsonb_to_recordset reads the keys it is told about; a missing one is NULL.
  // The name's pinyin is derived here, where every import writes (db/queries/venue-pinyin.ts).
  const input = JSON.stringify(rows.map(withPinyin));
  // A NOT NULL column with a default (minors_admission, …) takes the default where a row has no value.
  const valueOf = (key: WrittenColumn) => {
    const column = columns[key];
    return column.notNull && column.hasDefault && typeof column.default === 'string'
      ? `coalesce(r."${key}", '${column.default.replace(/'/g, "''")}')`
      : `r."${key}"`;
  };
  const update = [
    ...(['sourceCrs', 'adcode'] as const).map((key) => `${name(key)} = excluded.${name(key)}`),
    ...[
      ...updateColumns,
      ...(updateColumns.includes('nameZh') ? (['namePinyin', 'nameInitials', 'nameSort'] as const) : []),
    ].map((key) => `${name(key)} = excluded.${name(key)}`),
    '"location" = excluded."location"',
    '"updated_at" = now()',
  ];
  const written = await queryRows<{ id: string; source_ref: string | null }>(
    db,
    sql`INSERT INTO venues (${sql.raw(keys.map(name).join(', '))}, "location")
        SELECT ${sql.raw(keys.map(valueOf).join(', '))}, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326)
        FROM jsonb_to_recordset(${input}::jsonb)
          AS r(${sql.raw(keys.map((key) => `"${key}" ${WRITTEN[key]}`).join(', '))}, lng float8, lat float8)
        ON CONFLICT ("source", "source_ref") DO UPDATE SET ${sql.raw(update.join(', '))}
        RETURNING id, source_ref`,
  );
  const idByRef = new Map(written.map((w) => [w.source_ref, w.id]));
  return rows.map((row) => {
    const id = row.sourceRef == null ? row.id : (idByRef.get(row.sourceRef) ?? row.id);
    return { id, inserted: id === row.id };
  });
}

/**
 * Upserts one batch in its own transaction (see upsertImportedVenues). A dry run rolls it back, so its
 * answers (which rows would be new, which would update) are the real ones, written nowhere.
 */
export async function writeImportedVenues(
  db: Db,
  rows: ImportedVenue[],
  updateColumns: ImportUpdatableColumn[],
  { dryRun }: { dryRun: boolean },
): Promise<{ id: string; inserted: boolean }[]> {
  let results: { id: string; inserted: boolean }[] = [];
  try {
    await db.transaction(async (tx) => {
      results = await upsertImportedVenues(tx, rows, updateColumns);
      if (dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return results;
}
