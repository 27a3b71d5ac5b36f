/**
 * Imports venues from a CSV or GeoJSON file: map and check each row, convert its point to WGS-84, skip
 * likely duplicates, assign the district, and upsert in batches, each in one transaction. The job row
 * holds status and progress (written every batch); bad rows and duplicates are listed with their lines.
 * The HTTP route runs this in the background through the queue; `npm run import` runs it in a shell.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { smallestDistrictsAt } from '../../../db/queries/districts.ts';
import {
  recordImportProgress,
  venuesNearPoints,
  writeImportedVenues,
  type ImportCounts,
  type ImportDuplicateRow,
  type ImportedVenue,
  type ImportJobRow,
  type ImportUpdatableColumn,
} from '../../../db/queries/imports.ts';
import { refreshVenueHours } from '../../../db/queries/open-intervals.ts';
import { SOURCE_PATTERN, type MappableField } from '../../../domain/import-fields.ts';
import type { CoordSystem, ImportFormat } from '../../../domain/vocab.ts';
import { CURATED_SOURCE } from '../../../seeds/files.ts';
import { Errors } from '../../errors.ts';
import { databaseMessage, isRowProblem } from './db-errors.ts';
import { DUPLICATE_RADIUS_M, nearestSameName, SeenPlaces, type KnownPlace } from './duplicates.ts';
import { parseMapping, writtenFields, type ImportMapping } from './mapping.ts';
import { toImportRow, type ImportRow, type RowError, type SourceRow } from './rows.ts';
import { batchSizeFor, runImportJob, yieldTurn, type BatchLoader } from './job.ts';
import { openSource, type ImportSource } from './source.ts';

export { BATCH_SIZE } from './job.ts';

export interface PreparedImport {
  file: ImportSource;
  mapping: ImportMapping;
}

/**
 * Checks everything about a request to import that can be checked before a job exists, and opens
 * the file; throws the 400 (INVALID_MAPPING, EMPTY_FILE, INVALID_CSV, …) for the first problem.
 */
export function prepareImport(input: {
  format: ImportFormat;
  text: string;
  mapping: string | undefined;
  source: string;
}): PreparedImport {
  if (!new RegExp(SOURCE_PATTERN).test(input.source)) {
    throw Errors.invalidSource(SOURCE_PATTERN);
  }
  if (input.source === CURATED_SOURCE) throw Errors.reservedSource(input.source);
  const mapping = parseMapping(input.mapping, input.format);
  return { file: openSource(input.format, input.text, mapping), mapping };
}

export interface ImportOptions {
  source: string;
  crs: CoordSystem;
  dryRun: boolean;
  mapping: ImportMapping;
  /** Stops between batches (a closing server); the job is then marked failed. */
  signal?: AbortSignal | undefined;
  /** Called after every batch, e.g. for a progress bar. */
  onProgress?: ((counts: ImportCounts, totalRows: number) => void) | undefined;
}

/** Mapping fields and the venue column an update overwrites for each (lng/lat and source_ref are handled apart). */
const COLUMN_OF: Partial<Record<MappableField, ImportUpdatableColumn>> = {
  name_zh: 'nameZh',
  name_en: 'nameEn',
  address_zh: 'addressZh',
  address_en: 'addressEn',
  kinds: 'kinds',
  themes: 'themes',
  opening_hours: 'openingHours',
  minors_admission: 'minorsAdmission',
  admission_rule: 'admissionRule',
  booking_mode: 'bookingMode',
  coord_precision: 'coordPrecision',
  phone: 'phone',
  website: 'website',
  email: 'email',
};

/** Runs a queued venue import to the end and answers it (see runImportJob). */
export async function runImport(
  db: Db,
  jobId: string,
  file: ImportSource,
  options: ImportOptions,
): Promise<ImportJobRow> {
  return runImportJob(db, jobId, file, options, (totalRows) => new ImportRun(db, jobId, totalRows, options));
}

/** The state of one run across batches: counts, the file's accepted places, and refs already used. */
class ImportRun implements BatchLoader {
  readonly counts: ImportCounts = { processedRows: 0, inserted: 0, updated: 0, failedRows: 0, duplicates: 0 };
  /** Venues whose opening intervals need computing: new ones with hours, updated ones whose hours were written. */
  readonly venuesWithHours: string[] = [];
  readonly #seen = new SeenPlaces();
  readonly #lineOfRef = new Map<string, number>();
  readonly #updateColumns: ImportUpdatableColumn[];

  constructor(
    private readonly db: Db,
    private readonly jobId: string,
    private readonly totalRows: number,
    private readonly options: ImportOptions,
  ) {
    this.#updateColumns = [...writtenFields(options.mapping)]
      .map((field) => COLUMN_OF[field])
      .filter((c): c is ImportUpdatableColumn => c !== undefined);
  }

  /** Computes the opening intervals of the venues whose hours were written. */
  async finish(): Promise<void> {
    if (this.options.dryRun) return;
    // In batches with turns between, like the rows: on the embedded database all at once held the thread.
    const size = batchSizeFor(this.db);
    for (let i = 0; i < this.venuesWithHours.length; i += size) {
      await refreshVenueHours(this.db, this.venuesWithHours.slice(i, i + size));
      await yieldTurn();
    }
  }

  /** Checks, de-duplicates, writes and records one batch. */
  async load(batch: SourceRow[]): Promise<void> {
    const { mapping, crs, source } = this.options;
    const errors: RowError[] = [];
    const candidates: ImportRow[] = [];
    for (const sourceRow of batch) {
      const row = toImportRow(sourceRow, mapping, crs);
      if ('code' in row) errors.push(row);
      else if (row.sourceRef !== null && this.#lineOfRef.has(row.sourceRef)) {
        const reason = `source_ref "${row.sourceRef}" is already used on line ${this.#lineOfRef.get(row.sourceRef)}`;
        errors.push({ line: row.line, code: 'DUPLICATE_SOURCE_REF', reason });
      } else {
        if (row.sourceRef !== null) this.#lineOfRef.set(row.sourceRef, row.line);
        candidates.push(row);
      }
    }

    const nearby = await venuesNearPoints(
      this.db,
      candidates.map((r) => ({ ...r.point, ref: r.sourceRef })),
      source,
      DUPLICATE_RADIUS_M,
    );
    await yieldTurn();
    const nearbyOf = new Map<number, KnownPlace[]>();
    for (const v of nearby) {
      const place = { names: [v.nameZh, v.nameEn], point: { lng: v.lng, lat: v.lat }, id: v.id };
      nearbyOf.set(v.index, [...(nearbyOf.get(v.index) ?? []), place]);
    }
    const duplicates: { line: number; name: string; match: NonNullable<ReturnType<SeenPlaces['find']>> }[] = [];
    const accepted: { row: ImportRow; place: KnownPlace }[] = [];
    candidates.forEach((row, i) => {
      const names = [row.nameZh, row.nameEn];
      // An earlier row of this file first: in a dry run it is in no table.
      const match = this.#seen.find(names, row.point) ?? nearestSameName(names, row.point, nearbyOf.get(i) ?? []);
      if (match) {
        duplicates.push({ line: row.line, name: row.nameZh, match });
        return;
      }
      const place: KnownPlace = { names, point: row.point, line: row.line };
      this.#seen.add(place);
      accepted.push({ row, place });
    });

    errors.push(...(await this.#write(accepted)));
    await yieldTurn();
    const duplicateRows: ImportDuplicateRow[] = duplicates.map(({ line, name, match }) => ({
      line,
      name,
      existingVenueId: match.place.id ?? null,
      existingLine: match.place.line ?? null,
      existingName: match.name,
      distanceM: Math.round(match.distanceM * 10) / 10,
    }));
    this.counts.processedRows += batch.length;
    this.counts.failedRows += errors.length;
    this.counts.duplicates += duplicates.length;
    await recordImportProgress(this.db, this.jobId, this.counts, errors, duplicateRows);
    this.options.onProgress?.({ ...this.counts }, this.totalRows);
  }

  /** Writes the accepted rows in one transaction; when the database refuses it, row by row. */
  async #write(accepted: { row: ImportRow; place: KnownPlace }[]): Promise<RowError[]> {
    if (accepted.length === 0) return [];
    const adcodes = await smallestDistrictsAt(
      this.db,
      accepted.map(({ row }) => row.point),
    );
    await yieldTurn();
    const venues = accepted.map(({ row }, i) => this.#venue(row, adcodes[i] ?? null));
    try {
      this.#written(accepted, venues, await this.#upsert(venues));
      return [];
    } catch (error) {
      if (!isRowProblem(error)) throw error;
    }
    // One bad row must not cost its batch: retry alone, so only the rows the database refuses fail.
    const errors: RowError[] = [];
    for (let i = 0; i < venues.length; i++) {
      try {
        this.#written([accepted[i]!], [venues[i]!], await this.#upsert([venues[i]!]));
      } catch (error) {
        if (!isRowProblem(error)) throw error;
        errors.push({ line: accepted[i]!.row.line, code: 'DB_REJECTED', reason: databaseMessage(error) });
      }
    }
    return errors;
  }

  /** Upserts in its own transaction; a dry run rolls it back, so its counts are the real ones, written nowhere. */
  #upsert(venues: ImportedVenue[]): Promise<{ id: string; inserted: boolean }[]> {
    return writeImportedVenues(this.db, venues, this.#updateColumns, { dryRun: this.options.dryRun });
  }

  #written(
    accepted: { row: ImportRow; place: KnownPlace }[],
    venues: ImportedVenue[],
    results: { id: string; inserted: boolean }[],
  ): void {
    results.forEach(({ id, inserted }, i) => {
      if (inserted) this.counts.inserted++;
      else this.counts.updated++;
      if (this.options.dryRun) return;
      accepted[i]!.place.id = id;
      const hoursChanged = inserted ? venues[i]!.openingHours !== null : this.#updateColumns.includes('openingHours');
      if (hoursChanged) this.venuesWithHours.push(id);
    });
  }

  #venue(row: ImportRow, adcode: string | null): ImportedVenue {
    return {
      id: randomUUID(),
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      kinds: row.kinds,
      themes: row.themes,
      adcode,
      addressZh: row.addressZh,
      addressEn: row.addressEn,
      lng: row.point.lng,
      lat: row.point.lat,
      sourceCrs: this.options.crs,
      coordPrecision: row.coordPrecision,
      openingHours: row.openingHours,
      minorsAdmission: row.minorsAdmission,
      admissionRule: row.admissionRule,
      bookingMode: row.bookingMode,
      phone: row.phone,
      website: row.website,
      email: row.email,
      source: this.options.source,
      sourceRef: row.sourceRef,
    };
  }
}
