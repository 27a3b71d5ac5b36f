/**
 * Idempotent loaders for Kaimen's real seed data: China's administrative codes with simplified
 * boundaries, the official holiday calendar, and the curated venues. Every row is an upsert, so
 * loading twice leaves the same database as loading once.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { designations, districts, holidayDays, venues } from '../db/schema/index.ts';
import { pinyinColumns } from '../db/queries/venue-pinyin.ts';
import { CURATED_SOURCE, SEED_FILES, readSeedCsv } from './files.ts';
import { VENUE_KINDS, THEMES, type VenueKind, type Theme } from '../domain/vocab.ts';

const HOLIDAY_SOURCE = '国务院办公厅关于部分节假日安排的通知 (2025, 2026)';

export type SeedStep = 'districts' | 'boundaries' | 'holidays' | 'venues';
export type ProgressListener = (step: SeedStep, done: number, total: number) => void;

export interface SeedSummary {
  districts: number;
  boundaries: number;
  holidays: number;
  venues: number;
  designations: number;
}

/** Loads every seed file in dependency order (venues reference districts). */
export async function loadSeeds(db: Db, onProgress: ProgressListener = () => {}): Promise<SeedSummary> {
  const districtCount = await loadDistricts(db, onProgress);
  const boundaryCount = await loadBoundaries(db, onProgress);
  const holidayCount = await loadHolidays(db, onProgress);
  const venueSummary = await loadCuratedVenues(db, onProgress);
  return {
    districts: districtCount,
    boundaries: boundaryCount,
    holidays: holidayCount,
    ...venueSummary,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const nullIfEmpty = (value: string | undefined) => (value === undefined || value === '' ? null : value);

export async function loadDistricts(db: Db, onProgress: ProgressListener): Promise<number> {
  const rows = readSeedCsv(SEED_FILES.adminCodes).map((r) => ({
    code: r.code!,
    name: r.name!,
    level: r.level!,
    parentCode: nullIfEmpty(r.parent_code),
    provinceCode: r.province_code!,
    cityCode: nullIfEmpty(r.city_code),
    nbsStatisticalOnly: r.nbs_statistical_only === '1',
  }));
  // Parents first, so a district's parent row exists whatever order the file has.
  const order = { province: 0, city: 1, district: 2 } as Record<string, number>;
  rows.sort((a, b) => (order[a.level] ?? 3) - (order[b.level] ?? 3));
  let done = 0;
  for (const batch of chunks(rows, 500)) {
    await db
      .insert(districts)
      .values(batch)
      .onConflictDoUpdate({
        target: districts.code,
        set: {
          name: sql`excluded.name`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          provinceCode: sql`excluded.province_code`,
          cityCode: sql`excluded.city_code`,
          nbsStatisticalOnly: sql`excluded.nbs_statistical_only`,
        },
      });
    done += batch.length;
    onProgress('districts', done, rows.length);
  }
  return rows.length;
}

interface BoundaryFeature {
  properties: { adcode: string | null; cp_lng: number | null; cp_lat: number | null };
  geometry: unknown;
}

/** Sets the simplified boundary of each province and prefecture whose adcode is in the code list. */
export async function loadBoundaries(db: Db, onProgress: ProgressListener): Promise<number> {
  const features = [SEED_FILES.provinces, SEED_FILES.prefectures].flatMap(
    (path) => (JSON.parse(readFileSync(path, 'utf8')) as { features: BoundaryFeature[] }).features,
  );
  const withCode = features.filter((f) => f.properties.adcode !== null);
  let done = 0;
  let matched = 0;
  for (const batch of chunks(withCode, 25)) {
    await db.transaction(async (tx) => {
      for (const f of batch) {
        const result = await tx
          .update(districts)
          .set({
            // ST_MakeValid repairs self-touching rings simplification can leave; only polygons are kept.
            boundary: sql`ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(${JSON.stringify(f.geometry)}), 4326)), 3))`,
            labelLng: f.properties.cp_lng,
            labelLat: f.properties.cp_lat,
          })
          .where(sql`${districts.code} = ${f.properties.adcode}`)
          .returning({ code: districts.code });
        matched += result.length;
      }
    });
    done += batch.length;
    onProgress('boundaries', done, withCode.length);
  }
  return matched;
}

export async function loadHolidays(db: Db, onProgress: ProgressListener): Promise<number> {
  const rows = readSeedCsv(SEED_FILES.holidays).map((r) => ({
    day: r.day!,
    kind: r.kind!,
    holiday: r.holiday!,
    year: Number(r.day!.slice(0, 4)),
    source: HOLIDAY_SOURCE,
  }));
  await db
    .insert(holidayDays)
    .values(rows)
    .onConflictDoUpdate({
      target: holidayDays.day,
      set: {
        kind: sql`excluded.kind`,
        holiday: sql`excluded.holiday`,
        year: sql`excluded.year`,
        source: sql`excluded.source`,
      },
    });
  onProgress('holidays', rows.length, rows.length);
  return rows.length;
}

const KNOWN_KINDS = new Set<string>(VENUE_KINDS);
const KNOWN_THEMES = new Set<string>(THEMES);

/** Loads ../shared/data/venues (copied to seeds/venues) as venues with their designations. */
export async function loadCuratedVenues(
  db: Db,
  onProgress: ProgressListener,
): Promise<{ venues: number; designations: number }> {
  const rows = readSeedCsv(SEED_FILES.venues);
  let designationCount = 0;
  let done = 0;
  for (const batch of chunks(rows, 50)) {
    await db.transaction(async (tx) => {
      const values = batch.map((r) => {
        const kinds = [r.kind!].filter((k): k is VenueKind => KNOWN_KINDS.has(k));
        if (kinds.length === 0) throw new Error(`seed venue ${r.id}: unknown kind ${r.kind}`);
        const themes = (r.themes ?? '').split(';').filter((t): t is Theme => KNOWN_THEMES.has(t));
        return {
          nameZh: r.name_zh!,
          ...pinyinColumns(r.name_zh!),
          nameEn: nullIfEmpty(r.name_en),
          kinds,
          themes,
          adcode: nullIfEmpty(r.adcode),
          addressZh: nullIfEmpty(r.address_zh),
          location: sql`ST_SetSRID(ST_MakePoint(${Number(r.lng)}, ${Number(r.lat)}), 4326)`,
          sourceCrs: 'wgs84',
          coordPrecision: r.coord_confidence!,
          openingHours: nullIfEmpty(r.opening_hours),
          minorsAdmission: r.minors_admission!,
          bookingMode: r.booking!,
          source: CURATED_SOURCE,
          sourceRef: r.id!,
          sourceNote: nullIfEmpty(r.notes),
        };
      });
      const inserted = await tx
        .insert(venues)
        .values(values)
        .onConflictDoUpdate({
          target: [venues.source, venues.sourceRef],
          set: {
            nameZh: sql`excluded.name_zh`,
            namePinyin: sql`excluded.name_pinyin`,
            nameInitials: sql`excluded.name_initials`,
            nameSort: sql`excluded.name_sort`,
            nameEn: sql`excluded.name_en`,
            kinds: sql`excluded.kinds`,
            themes: sql`excluded.themes`,
            adcode: sql`excluded.adcode`,
            addressZh: sql`excluded.address_zh`,
            location: sql`excluded.location`,
            coordPrecision: sql`excluded.coord_precision`,
            openingHours: sql`excluded.opening_hours`,
            minorsAdmission: sql`excluded.minors_admission`,
            bookingMode: sql`excluded.booking_mode`,
            sourceNote: sql`excluded.source_note`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: venues.id, sourceRef: venues.sourceRef });
      const idByRef = new Map(inserted.map((v) => [v.sourceRef, v.id]));
      const titles = batch.flatMap((r) =>
        (r.designations ?? '')
          .split(';')
          .filter((t) => t !== '')
          .map((title) => ({ venueId: idByRef.get(r.id!)!, title, level: 'national' })),
      );
      if (titles.length > 0) {
        await tx.insert(designations).values(titles).onConflictDoNothing();
      }
      designationCount += titles.length;
    });
    done += batch.length;
    onProgress('venues', done, rows.length);
  }
  return { venues: rows.length, designations: designationCount };
}
