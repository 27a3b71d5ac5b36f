import type { Db } from '../../db/client.ts';
import { districtExists, smallestDistrictsAt } from '../../db/queries/districts.ts';
import { adcodeAgreesWithPoint } from '../../db/queries/schools.ts';
import type { LngLat } from '../../domain/geo.ts';
import { Errors } from '../errors.ts';

/**
 * The district a school or venue at `point` lies in: `adcode` when given, known (UNKNOWN_ADCODE) and
 * agreeing with the point at the level the shipped boundaries have (ADCODE_MISMATCH); else the smallest
 * bounded division covering the point (null outside them all).
 */
export async function districtOfPoint(tx: Db, point: LngLat, adcode: string | undefined): Promise<string | null> {
  const covering = (await smallestDistrictsAt(tx, [point]))[0] ?? null;
  if (adcode === undefined) return covering;
  if (!(await districtExists(tx, adcode))) throw Errors.unknownAdcode(adcode);
  if (!(await adcodeAgreesWithPoint(tx, adcode, covering))) throw Errors.adcodeMismatch(adcode, covering);
  return adcode;
}
