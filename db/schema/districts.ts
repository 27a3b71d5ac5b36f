import { sql } from 'drizzle-orm';
import { boolean, char, check, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';
import { multiPolygonWgs84 } from './geometry.ts';
import { DISTRICT_LEVELS } from '../../domain/vocab.ts';
import { sqlTextArray } from './sql-vocab.ts';

/**
 * China's administrative divisions (GB/T 2260 codes plus the NBS statistical-only codes), with
 * optional simplified boundaries for provinces and prefectures.
 */
export const districts = pgTable(
  'districts',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    parentCode: char('parent_code', { length: 6 }),
    provinceCode: char('province_code', { length: 6 }).notNull(),
    cityCode: char('city_code', { length: 6 }),
    /** NBS statistical codes such as 市辖区 and development zones: not GB/T 2260, no boundary. */
    nbsStatisticalOnly: boolean('nbs_statistical_only').notNull().default(false),
    boundary: multiPolygonWgs84('boundary'),
    labelLng: doublePrecision('label_lng'),
    labelLat: doublePrecision('label_lat'),
  },
  (t) => [
    check('districts_code_digits', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('districts_level_known', sql`${t.level} = ANY (${sql.raw(sqlTextArray(DISTRICT_LEVELS))})`),
    check(
      'districts_label_in_range',
      sql`(${t.labelLng} IS NULL OR ${t.labelLng} BETWEEN -180 AND 180) AND (${t.labelLat} IS NULL OR ${t.labelLat} BETWEEN -90 AND 90)`,
    ),
    index('districts_parent_idx').on(t.parentCode),
    index('districts_boundary_gist').using('gist', t.boundary),
  ],
);
