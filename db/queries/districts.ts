/**
 * Administrative divisions (GB/T 2260 adcodes): lookup by name for the place box, by point for imports.
 */
import { eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client.ts';
import { districts } from '../schema/index.ts';

export interface DistrictMatch {
  adcode: string;
  name: string;
  level: 'province' | 'city' | 'district';
  city: string | null;
  province: string;
  lng: number;
  lat: number;
  /**
   * The division's bounds from its shipped boundary [minLng, minLat, maxLng, maxLat], so a province or
   * city can be framed whole; null for divisions without a boundary (county-level districts).
   */
  bbox: [number, number, number, number] | null;
  /** Where the point comes from: the division's own label point, the middle of its venues, or its city's or province's label. */
  located: 'label' | 'venues' | 'parent';
}

/**
 * Administrative divisions whose name contains `q`, ranked like venue names (exact, prefix, contains),
 * then larger divisions first. Each comes with a point to centre a search on: county-level districts
 * have no boundary in the seed data, so the middle of their published venues or their city's label
 * point stands in.
 */
export async function findDistricts(db: Db, q: string, limit: number): Promise<DistrictMatch[]> {
  const rows = await queryRows<{
    adcode: string;
    name: string;
    level: DistrictMatch['level'];
    city: string | null;
    province: string;
    lng: number | null;
    lat: number | null;
    located: DistrictMatch['located'] | null;
    min_lng: number | null;
    min_lat: number | null;
    max_lng: number | null;
    max_lat: number | null;
  }>(
    db,
    sql`SELECT d.code AS adcode, d.name, d.level,
               c.name AS city, p.name AS province,
               coalesce(d.label_lng, v.lng, c.label_lng, p.label_lng) AS lng,
               coalesce(d.label_lat, v.lat, c.label_lat, p.label_lat) AS lat,
               CASE WHEN d.label_lng IS NOT NULL THEN 'label'
                    WHEN v.lng IS NOT NULL THEN 'venues'
                    WHEN coalesce(c.label_lng, p.label_lng) IS NOT NULL THEN 'parent' END AS located,
               ST_XMin(d.boundary) AS min_lng, ST_YMin(d.boundary) AS min_lat,
               ST_XMax(d.boundary) AS max_lng, ST_YMax(d.boundary) AS max_lat
        FROM districts d
        JOIN districts p ON p.code = d.province_code
        LEFT JOIN districts c ON c.code = d.city_code AND d.level = 'district'
        LEFT JOIN LATERAL (
          SELECT avg(ST_X(location)) AS lng, avg(ST_Y(location)) AS lat
          FROM venues WHERE adcode = d.code AND status = 'published' AND d.label_lng IS NULL
        ) v ON true
        WHERE NOT d.nbs_statistical_only AND strpos(d.name, ${q}) > 0
        ORDER BY CASE WHEN d.name = ${q} THEN 0 WHEN starts_with(d.name, ${q}) THEN 1 ELSE 2 END,
                 CASE d.level WHEN 'province' THEN 0 WHEN 'city' THEN 1 ELSE 2 END,
                 d.code
        LIMIT ${limit}`,
  );
  return rows
    .filter((r) => r.lng !== null && r.lat !== null && r.located !== null)
    .map(({ min_lng, min_lat, max_lng, max_lat, ...r }) => ({
      ...r,
      lng: Number(r.lng),
      lat: Number(r.lat),
      located: r.located!,
      bbox:
        min_lng === null || min_lat === null || max_lng === null || max_lat === null
          ? null
          : ([Number(min_lng), Number(min_lat), Number(max_lng), Number(max_lat)] as [number, number, number, number]),
    }));
}
/**
 * The adcode of the smallest district whose boundary covers each point (prefectures inside provinces;
 * only provinces and prefectures have boundaries), or null outside them all, e.g. abroad.
 */
export async function smallestDistrictsAt(db: Db, points: { lng: number; lat: number }[]): Promise<(string | null)[]> {
  if (points.length === 0) return [];
  const input = JSON.stringify(points.map((p, i) => ({ i, lng: p.lng, lat: p.lat })));
  const rows = await queryRows<{ i: number; code: string | null }>(
    db,
    sql`SELECT b.i, d.code
        FROM jsonb_to_recordset(${input}::jsonb) AS b(i int, lng float8, lat float8)
        LEFT JOIN LATERAL (
          SELECT code FROM districts
          WHERE boundary IS NOT NULL AND ST_Covers(boundary, ST_SetSRID(ST_MakePoint(b.lng, b.lat), 4326))
          ORDER BY ST_Area(boundary) LIMIT 1
        ) d ON true`,
  );
  const out: (string | null)[] = points.map(() => null);
  for (const r of rows) out[Number(r.i)] = r.code;
  return out;
}
export async function districtExists(db: Db, code: string): Promise<boolean> {
  const [row] = await db.select({ code: districts.code }).from(districts).where(eq(districts.code, code));
  return row !== undefined;
}
/**
 * The names of the division an adcode prefix covers, largest first: '11' → [北京市], '110101' →
 * [北京市, 东城区]. A statistical-only city level between them (北京市 市辖区) is left out. Undefined for a
 * prefix that names no division (the prefix of 2, 4 or 6 digits, padded with zeros, is its code).
 */
export async function regionNames(db: Db, prefix: string): Promise<string[] | undefined> {
  if (!/^(\d\d){1,3}$/.test(prefix)) return undefined;
  const [row] = await queryRows<{ name: string; province: string; city: string | null; city_statistical: boolean }>(
    db,
    sql`SELECT d.name, p.name AS province, c.name AS city, coalesce(c.nbs_statistical_only, true) AS city_statistical
        FROM districts d
        JOIN districts p ON p.code = d.province_code
        LEFT JOIN districts c ON c.code = d.city_code AND d.level = 'district'
        WHERE d.code = ${prefix.padEnd(6, '0')}`,
  );
  if (!row) return undefined;
  if (prefix.length === 2) return [row.province];
  const city = row.city && !row.city_statistical ? [row.city] : [];
  return [row.province, ...city, row.name];
}
