import type { Db } from '../../db/client.ts';
import {
  approveSchoolMember,
  getSchoolRecord,
  insertSchool,
  type SchoolRecord,
  type SchoolValues,
} from '../../db/queries/schools.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { GRADE_MAX, GRADE_MIN } from '../../domain/vocab.ts';
import { Errors } from '../errors.ts';
import { presentSchool } from '../presenters/school.ts';
import type { CreateSchoolBody, PatchSchoolBody } from '../schemas/school-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { CONSOLE_SOURCE } from './create-venue.ts';
import { districtOfPoint } from './district-of-point.ts';

/**
 * A school admin registers their school (an admin may register one for someone): it waits, pending,
 * for the bureau of its district. The point is stored as WGS-84; the district is the one the point lies
 * in, or the given adcode when it agrees with the point (ADCODE_MISMATCH otherwise). The school admin
 * becomes its approved admin at once: they registered it. Audited.
 */
export async function registerSchool(tx: Db, actor: SignedInActor, fields: CreateSchoolBody): Promise<SchoolRecord> {
  const { user } = actor;
  checkGrades(fields.grades);
  const crs = fields.crs ?? 'wgs84';
  const location = toWgs84(crs, { lng: fields.lng, lat: fields.lat });
  const adcode = await districtOfPoint(tx, location, fields.adcode);
  const id = await insertSchool(tx, {
    ...schoolValues(fields),
    name: fields.name.trim(),
    adcode,
    location,
    sourceCrs: crs,
    verificationStatus: 'pending',
    createdBy: user.id,
    source: CONSOLE_SOURCE,
  });
  if (user.role === 'school_admin') {
    await approveSchoolMember(tx, { schoolId: id, userId: user.id, role: 'school_admin', decidedBy: user.id });
  }
  const created = (await getSchoolRecord(tx, id))!;
  await recordAudit(tx, actor, {
    action: 'school.create',
    entityType: 'school',
    entityId: id,
    adcode,
    after: presentSchool(created, 'full'),
  });
  return created;
}

export { districtOfPoint };

/** Refuses grades outside GRADE_MIN–GRADE_MAX, fractional, or given twice (INVALID_GRADES). */
export function checkGrades(grades: readonly number[] | undefined): void {
  if (grades === undefined) return;
  if (grades.some((g) => !Number.isInteger(g) || g < GRADE_MIN || g > GRADE_MAX)) {
    throw Errors.invalidGrades(`grades are whole numbers from ${GRADE_MIN} (kindergarten) to ${GRADE_MAX}`);
  }
  if (new Set(grades).size !== grades.length) throw Errors.invalidGrades('each grade may be given once');
}

const COLUMNS = {
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
} as const satisfies Partial<Record<keyof PatchSchoolBody, keyof SchoolValues>>;

/** Column values for the fields a body gives (null clears, absent leaves alone), texts trimmed, grades sorted. */
export function schoolValues(fields: PatchSchoolBody): SchoolValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = fields[field as keyof typeof COLUMNS];
    if (value === undefined) continue;
    if (Array.isArray(value)) values[column] = [...value].sort((a, b) => a - b);
    else values[column] = typeof value === 'string' ? value.trim() : value;
  }
  return values as SchoolValues;
}
