/**
 * School imports (a bureau's official list): the schools near a batch's points, the districts a batch
 * names, and the batched upsert of the schools an import writes. Job rows, bad rows and duplicates are
 * shared with venue imports (imports.ts).
 */
import { getTableColumns, inArray, sql, TransactionRollbackError } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { districts, schools } from '../schema/index.ts';

/** An existing school near a point of a batch (`index` is the point's position in the batch). */
export interface NearbySchool {
  index: number;
  id: string;
  name: string;
  nameEn: string | null;
  lng: number;
  lat: number;
}

/**
 * Existing schools within `radiusM` (great-circle) of each point, in one query through the GiST index.
 * A point with a `ref` does not find the school an earlier import of the same source made from that
 * ref: that one is updated, not duplicated.
 */
export async function schoolsNearPoints(
  db: Db,
  points: { lng: number; lat: number; ref: string | null }[],
  source: string,
  radiusM: number,
): Promise<NearbySchool[]> {
  if (points.length === 0) return [];
  const input = JSON.stringify(points.map((p, i) => ({ i, lng: p.lng, lat: p.lat, ref: p.ref })));
  const rows = await queryRows<{
    i: number;
    id: string;
    name: string;
    name_en: string | null;
    lng: number;
    lat: number;
  }>(
    db,
    sql`SELECT b.i, s.id, s.name, s.name_en, ST_X(s.location) AS lng, ST_Y(s.location) AS lat
        FROM jsonb_to_recordset(${input}::jsonb) AS b(i int, lng float8, lat float8, ref text)
        JOIN schools s
          ON ST_DWithin(s.location::geography, ST_SetSRID(ST_MakePoint(b.lng, b.lat), 4326)::geography, ${radiusM}::float8, false)
         AND (b.ref IS NULL OR s.source <> ${source} OR s.source_ref IS DISTINCT FROM b.ref)`,
  );
  return rows.map((r) => ({
    index: Number(r.i),
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    lng: Number(r.lng),
    lat: Number(r.lat),
  }));
}

/** Which of these adcodes are known districts. */
export async function knownDistricts(db: Db, codes: string[]): Promise<Set<string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Set();
  const rows = await db.select({ code: districts.code }).from(districts).where(inArray(districts.code, unique));
  return new Set(rows.map((r) => r.code));
}

/** The columns an import writes (besides `location`, made from lng/lat, and the verification), with their SQL types. */
const WRITTEN = {
  id: 'uuid',
  name: 'text',
  nameEn: 'text',
  kind: 'text',
  grades: 'smallint[]',
  adcode: 'char(6)',
  sourceCrs: 'text',
  addressZh: 'text',
  addressEn: 'text',
  pupilCount: 'integer',
  contactName: 'text',
  contactPhone: 'text',
  contactEmail: 'text',
  createdBy: 'uuid',
  source: 'text',
  sourceRef: 'text',
} as const;
type WrittenColumn = keyof typeof WRITTEN;

/** A school as an import writes it; `verified` marks it verified by `createdBy` (it needs an adcode). */
export type ImportedSchool = Pick<typeof schools.$inferInsert, WrittenColumn> & {
  id: string;
  lng: number;
  lat: number;
  verified: boolean;
  grades: number[];
};

/** Columns an update may overwrite besides the point, its system and adcode (always written). */
export type SchoolUpdatableColumn = Exclude<
  WrittenColumn,
  'id' | 'source' | 'sourceRef' | 'sourceCrs' | 'adcode' | 'createdBy'
>;

/**
 * Inserts the schools, or updates the one with the same (source, source_ref): only `updateColumns`, the
 * point, its system and adcode change, so fields the file does not carry keep what the school's admins
 * set. A verified row marks the school verified (by the job's creator, now); an unverified one leaves
 * the school's status as it was. Answers, for each school in order, the id written and whether it was new.
 */
export async function upsertImportedSchools(
  db: Db,
  rows: ImportedSchool[],
  updateColumns: SchoolUpdatableColumn[],
): Promise<{ id: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(schools);
  const name = (key: keyof typeof columns) => `"${columns[key].name}"`;
  const keys = Object.keys(WRITTEN) as WrittenColumn[];
  const input = JSON.stringify(rows);
  const update = [
    ...(['sourceCrs', 'adcode'] as const).map((key) => `${name(key)} = excluded.${name(key)}`),
    ...updateColumns.map((key) => `${name(key)} = excluded.${name(key)}`),
    '"location" = excluded."location"',
    `"verification_status" = CASE WHEN excluded."verification_status" = 'verified' THEN 'verified' ELSE schools."verification_status" END`,
    `"verified_at" = CASE WHEN excluded."verification_status" = 'verified' THEN now() ELSE schools."verified_at" END`,
    `"verified_by" = CASE WHEN excluded."verification_status" = 'verified' THEN excluded."verified_by" ELSE schools."verified_by" END`,
    `"review_note" = CASE WHEN excluded."verification_status" = 'verified' THEN NULL ELSE schools."review_note" END`,
    '"updated_at" = now()',
  ];
  const written = await queryRows<{ id: string; source_ref: string | null }>(
    db,
    sql`INSERT INTO schools (${sql.raw(keys.map(name).join(', '))}, "location", "verification_status", "verified_at", "verified_by")
        SELECT ${sql.raw(keys.map((key) => `r."${key}"`).join(', '))}, ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326),
               CASE WHEN r.verified THEN 'verified' ELSE 'pending' END,
               CASE WHEN r.verified THEN now() END,
               CASE WHEN r.verified THEN r."createdBy" END
        FROM jsonb_to_recordset(${input}::jsonb)
          AS r(${sql.raw(keys.map((key) => `"${key}" ${WRITTEN[key]}`).join(', '))}, lng float8, lat float8, verified boolean)
        ON CONFLICT ("source", "source_ref") DO UPDATE SET ${sql.raw(update.join(', '))}
        RETURNING id, source_ref`,
  );
  const idByRef = new Map(written.map((w) => [w.source_ref, w.id]));
  return rows.map((row) => {
    const id = row.sourceRef == null ? row.id : (idByRef.get(row.sourceRef) ?? row.id);
    return { id, inserted: id === row.id };
  });
}

/** Upserts one batch in its own transaction; a dry run rolls it back, so its answers are real, written nowhere. */
export async function writeImportedSchools(
  db: Db,
  rows: ImportedSchool[],
  updateColumns: SchoolUpdatableColumn[],
  { dryRun }: { dryRun: boolean },
): Promise<{ id: string; inserted: boolean }[]> {
  let results: { id: string; inserted: boolean }[] = [];
  try {
    await db.transaction(async (tx) => {
      results = await upsertImportedSchools(tx, rows, updateColumns);
      if (dryRun) tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return results;
}
