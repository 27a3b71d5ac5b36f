/**
 * Imports schools from an official list (CSV or GeoJSON): map and check each row, convert its point to
 * WGS-84, find its district (the file's adcode, checked against the point, or the point's own), refuse
 * a bureau's rows outside its region, skip likely duplicates (the same name within 100 m of a school or
 * an earlier row), and upsert in batches by (source, source_ref). With `verify`, the rows loaded are
 * marked verified by the job's creator: a bureau only ever loads rows of its own region, an
 * administrator any row with a district. Imported schools have no admins yet; a school admin claims one.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client.ts';
import { smallestDistrictsAt } from '../../../db/queries/districts.ts';
import {
  recordImportProgress,
  type ImportCounts,
  type ImportDuplicateRow,
  type ImportJobRow,
} from '../../../db/queries/imports.ts';
import {
  knownDistricts,
  schoolsNearPoints,
  writeImportedSchools,
  type ImportedSchool,
  type SchoolUpdatableColumn,
} from '../../../db/queries/school-imports.ts';
import { SOURCE_PATTERN, type SchoolMappableField } from '../../../domain/import-fields.ts';
import type { CoordSystem, ImportFormat } from '../../../domain/vocab.ts';
import { CURATED_SOURCE } from '../../../seeds/files.ts';
import { Errors } from '../../errors.ts';
import { databaseMessage, isRowProblem } from './db-errors.ts';
import { DUPLICATE_RADIUS_M, nearestSameName, SeenPlaces, type DuplicateMatch, type KnownPlace } from './duplicates.ts';
import { runImportJob, type BatchLoader } from './job.ts';
import type { RowError, SourceRow } from './rows.ts';
import { parseSchoolMapping, writtenSchoolFields, type SchoolImportMapping } from './school-mapping.ts';
import { toSchoolRow, type SchoolImportRow } from './school-rows.ts';
import { openSource, type ImportSource } from './source.ts';

/** Sources a school import may not write: the console's own records and the demo's. */
const RESERVED_SOURCES = new Set([CURATED_SOURCE, 'kaimen-console', 'kaimen-demo']);

export interface PreparedSchoolImport {
  file: ImportSource;
  mapping: SchoolImportMapping;
}

/** Checks a request to import schools before a job exists and opens the file; throws the first 400. */
export function prepareSchoolImport(input: {
  format: ImportFormat;
  text: string;
  mapping: string | undefined;
  source: string;
}): PreparedSchoolImport {
  if (!new RegExp(SOURCE_PATTERN).test(input.source)) throw Errors.invalidSource(SOURCE_PATTERN);
  if (RESERVED_SOURCES.has(input.source)) throw Errors.reservedSource(input.source);
  const mapping = parseSchoolMapping(input.mapping, input.format);
  return { file: openSource(input.format, input.text, mapping), mapping };
}

export interface SchoolImportOptions {
  source: string;
  crs: CoordSystem;
  dryRun: boolean;
  mapping: SchoolImportMapping;
  /** Mark the loaded schools verified. */
  verify: boolean;
  /** The adcode prefix the creator oversees: '' for an administrator (everywhere), a bureau's region otherwise. */
  region: string;
  /** Who started the job: the schools' creator and, with verify, their verifier. */
  createdBy: string;
  signal?: AbortSignal | undefined;
  onProgress?: ((counts: ImportCounts, totalRows: number) => void) | undefined;
}

/** Mapping fields and the school column an update overwrites for each (point, adcode and ref apart). */
const COLUMN_OF: Partial<Record<SchoolMappableField, SchoolUpdatableColumn>> = {
  name: 'name',
  name_en: 'nameEn',
  kind: 'kind',
  grades: 'grades',
  address_zh: 'addressZh',
  address_en: 'addressEn',
  pupil_count: 'pupilCount',
  contact_name: 'contactName',
  contact_phone: 'contactPhone',
  contact_email: 'contactEmail',
};

/** Runs a queued school import to the end and answers it. */
export function runSchoolImport(
  db: Db,
  jobId: string,
  file: ImportSource,
  options: SchoolImportOptions,
): Promise<ImportJobRow> {
  return runImportJob(db, jobId, file, options, (totalRows) => new SchoolImportRun(db, jobId, totalRows, options));
}

/**
 * The significant digits of an adcode: 110000 → 11 (a province), 110100 → 1101 (a prefecture). Two
 * codes agree when one's significant digits start the other's, i.e. at the level the coarser one has.
 */
function significant(adcode: string): string {
  return adcode.replace(/(00)+$/, '');
}
const agree = (a: string, b: string) =>
  significant(a).startsWith(significant(b)) || significant(b).startsWith(significant(a));

interface Accepted {
  row: SchoolImportRow;
  adcode: string | null;
  place: KnownPlace;
}

class SchoolImportRun implements BatchLoader {
  readonly counts: ImportCounts = { processedRows: 0, inserted: 0, updated: 0, failedRows: 0, duplicates: 0 };
  readonly #seen = new SeenPlaces();
  readonly #lineOfRef = new Map<string, number>();
  readonly #updateColumns: SchoolUpdatableColumn[];

  constructor(
    private readonly db: Db,
    private readonly jobId: string,
    private readonly totalRows: number,
    private readonly options: SchoolImportOptions,
  ) {
    this.#updateColumns = [...writtenSchoolFields(options.mapping)]
      .map((field) => COLUMN_OF[field])
      .filter((c): c is SchoolUpdatableColumn => c !== undefined);
  }

  async load(batch: SourceRow[]): Promise<void> {
    const { mapping, crs } = this.options;
    const errors: RowError[] = [];
    const candidates: SchoolImportRow[] = [];
    for (const sourceRow of batch) {
      const row = toSchoolRow(sourceRow, mapping, crs);
      if ('code' in row) errors.push(row);
      else if (row.sourceRef !== null && this.#lineOfRef.has(row.sourceRef)) {
        const reason = `source_ref "${row.sourceRef}" is already used on line ${this.#lineOfRef.get(row.sourceRef)}`;
        errors.push({ line: row.line, code: 'DUPLICATE_SOURCE_REF', reason });
      } else {
        if (row.sourceRef !== null) this.#lineOfRef.set(row.sourceRef, row.line);
        candidates.push(row);
      }
    }

    const placed = await this.#place(candidates, errors);
    const { accepted, matches } = await this.#withoutDuplicates(placed);
    errors.push(...(await this.#write(accepted)));
    // After the write: a row duplicating an earlier row of this batch names the school that row became.
    const duplicates: ImportDuplicateRow[] = matches.map(({ line, name, match }) => ({
      line,
      name,
      existingVenueId: null,
      existingSchoolId: match.place.id ?? null,
      existingLine: match.place.line ?? null,
      existingName: match.name,
      distanceM: Math.round(match.distanceM * 10) / 10,
    }));
    this.counts.processedRows += batch.length;
    this.counts.failedRows += errors.length;
    this.counts.duplicates += duplicates.length;
    await recordImportProgress(this.db, this.jobId, this.counts, errors, duplicates);
    this.options.onProgress?.({ ...this.counts }, this.totalRows);
  }

  /**
   * Each row's district: the file's adcode when it is a known district that agrees with the point, else
   * the smallest district covering the point. A bureau's row outside its region is refused here.
   */
  async #place(
    rows: SchoolImportRow[],
    errors: RowError[],
  ): Promise<{ row: SchoolImportRow; adcode: string | null }[]> {
    if (rows.length === 0) return [];
    const [found, known] = await Promise.all([
      smallestDistrictsAt(
        this.db,
        rows.map((r) => r.point),
      ),
      knownDistricts(
        this.db,
        rows.flatMap((r) => (r.adcode ? [r.adcode] : [])),
      ),
    ]);
    const { region } = this.options;
    const out: { row: SchoolImportRow; adcode: string | null }[] = [];
    rows.forEach((row, i) => {
      const atPoint = found[i] ?? null;
      if (row.adcode !== null && !known.has(row.adcode)) {
        errors.push({ line: row.line, code: 'INVALID_VALUE', reason: `adcode ${row.adcode} is not a known district` });
        return;
      }
      if (row.adcode !== null && atPoint !== null && !agree(row.adcode, atPoint)) {
        const reason = `adcode ${row.adcode} does not agree with the point, which lies in ${atPoint}`;
        errors.push({ line: row.line, code: 'INVALID_VALUE', reason });
        return;
      }
      const adcode = row.adcode ?? atPoint;
      if (region !== '' && (adcode === null || !adcode.startsWith(region))) {
        const where = adcode === null ? 'in no known district' : `in district ${adcode}`;
        const reason = `the school lies ${where}, outside your region (${region})`;
        errors.push({ line: row.line, code: 'OUTSIDE_REGION', reason });
        return;
      }
      out.push({ row, adcode });
    });
    return out;
  }

  /** Holds back rows with the same normalised name within 100 m of an earlier row or an existing school. */
  async #withoutDuplicates(
    placed: { row: SchoolImportRow; adcode: string | null }[],
  ): Promise<{ accepted: Accepted[]; matches: { line: number; name: string; match: DuplicateMatch }[] }> {
    const nearby = await schoolsNearPoints(
      this.db,
      placed.map(({ row }) => ({ ...row.point, ref: row.sourceRef })),
      this.options.source,
      DUPLICATE_RADIUS_M,
    );
    const nearbyOf = new Map<number, KnownPlace[]>();
    for (const s of nearby) {
      const place = { names: [s.name, s.nameEn], point: { lng: s.lng, lat: s.lat }, id: s.id };
      nearbyOf.set(s.index, [...(nearbyOf.get(s.index) ?? []), place]);
    }
    const accepted: Accepted[] = [];
    const matches: { line: number; name: string; match: DuplicateMatch }[] = [];
    placed.forEach(({ row, adcode }, i) => {
      const names = [row.name, row.nameEn];
      const match: DuplicateMatch | undefined =
        this.#seen.find(names, row.point) ?? nearestSameName(names, row.point, nearbyOf.get(i) ?? []);
      if (match) {
        matches.push({ line: row.line, name: row.name, match });
        return;
      }
      const place: KnownPlace = { names, point: row.point, line: row.line };
      this.#seen.add(place);
      accepted.push({ row, adcode, place });
    });
    return { accepted, matches };
  }

  /** Writes the accepted rows in one transaction; when the database refuses it, row by row. */
  async #write(accepted: Accepted[]): Promise<RowError[]> {
    if (accepted.length === 0) return [];
    const schools = accepted.map((a) => this.#school(a));
    try {
      this.#written(accepted, await this.#upsert(schools));
      return [];
    } catch (error) {
      if (!isRowProblem(error)) throw error;
    }
    const errors: RowError[] = [];
    for (let i = 0; i < schools.length; i++) {
      try {
        this.#written([accepted[i]!], await this.#upsert([schools[i]!]));
      } catch (error) {
        if (!isRowProblem(error)) throw error;
        errors.push({ line: accepted[i]!.row.line, code: 'DB_REJECTED', reason: databaseMessage(error) });
      }
    }
    return errors;
  }

  #upsert(schools: ImportedSchool[]): Promise<{ id: string; inserted: boolean }[]> {
    return writeImportedSchools(this.db, schools, this.#updateColumns, { dryRun: this.options.dryRun });
  }

  #written(accepted: Accepted[], results: { id: string; inserted: boolean }[]): void {
    results.forEach(({ id, inserted }, i) => {
      if (inserted) this.counts.inserted++;
      else this.counts.updated++;
      if (!this.options.dryRun) accepted[i]!.place.id = id;
    });
  }

  #school({ row, adcode }: Accepted): ImportedSchool {
    return {
      id: randomUUID(),
      name: row.name,
      nameEn: row.nameEn,
      kind: row.kind,
      grades: row.grades,
      adcode,
      sourceCrs: this.options.crs,
      addressZh: row.addressZh,
      addressEn: row.addressEn,
      pupilCount: row.pupilCount,
      contactName: row.contactName,
      contactPhone: row.contactPhone,
      contactEmail: row.contactEmail,
      createdBy: this.options.createdBy,
      source: this.options.source,
      sourceRef: row.sourceRef,
      lng: row.point.lng,
      lat: row.point.lat,
      // The table keeps a verified school placed: without a district it stays pending.
      verified: this.options.verify && adcode !== null,
    };
  }
}
