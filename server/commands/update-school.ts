import type { Db } from '../../db/client.ts';
import { smallestDistrictsAt } from '../../db/queries/districts.ts';
import {
  adcodeAgreesWithPoint,
  getSchoolRecord,
  lockSchool,
  schoolAdmins,
  setSchoolFields,
  type SchoolRecord,
} from '../../db/queries/schools.ts';
import { enqueueMessage } from '../../db/queries/outbox.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { greatCircleMetres, type LngLat } from '../../domain/geo.ts';
import { requireSchoolAdmin } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { schoolReviewedMessage } from '../messages/school-reviewed.ts';
import { presentSchool } from '../presenters/school.ts';
import type { PatchSchoolBody } from '../schemas/school-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkGrades, districtOfPoint, schoolValues } from './register-school.ts';

/** A verified school moved further than this goes back to the bureau. */
export const REVIEW_MOVE_METRES = 500;

export interface UpdateSchoolInput {
  schoolId: string;
  /** The fields that change; null clears an optional one. lng/lat (in crs) move the point. */
  changes: PatchSchoolBody;
}

/**
 * A school's approved admin (or an admin) edits it. The bureau verified a name and a place: a verified
 * school renamed, put in another district, or moved more than 500 m goes back to pending with a review
 * note saying why, and its admins are told. A rejected school that is edited goes back to the bureau
 * too. Moving the point keeps the district when it still agrees with the new point, else takes the one
 * the point lies in. Audited with the fields that changed; when the district changed, a second entry
 * under the old district lets the bureau the school left see it too.
 */
export async function updateSchool(tx: Db, actor: SignedInActor, input: UpdateSchoolInput): Promise<SchoolRecord> {
  const { schoolId, changes } = input;
  await requireSchoolAdmin(tx, actor.user, schoolId);
  if ((changes.lng === undefined) !== (changes.lat === undefined)) {
    throw Errors.validation('lng and lat move the point together: give both');
  }
  if (changes.crs !== undefined && changes.lng === undefined) throw Errors.validation('crs goes with lng and lat');
  checkGrades(changes.grades);

  const before = (await lockSchool(tx, schoolId))!;
  const values = schoolValues(changes);
  let moved: { from: LngLat | null; to: LngLat } | undefined;
  if (changes.lng !== undefined && changes.lat !== undefined) {
    const crs = changes.crs ?? 'wgs84';
    const to = toWgs84(crs, { lng: changes.lng, lat: changes.lat });
    moved = { from: before.lng === null || before.lat === null ? null : { lng: before.lng, lat: before.lat }, to };
    Object.assign(values, { location: to, sourceCrs: crs, adcode: await districtAfterMove(tx, before, to, changes) });
  } else if (changes.adcode !== undefined) {
    const at = before.lng === null || before.lat === null ? undefined : { lng: before.lng, lat: before.lat };
    values.adcode = at ? await districtOfPoint(tx, at, changes.adcode) : changes.adcode;
  }
  if (Object.keys(values).length === 0) throw Errors.emptyPatch();

  const reasons = before.verificationStatus === 'verified' ? reviewReasons(before, values, moved) : [];
  if (reasons.length > 0) {
    Object.assign(values, {
      verificationStatus: 'pending',
      reviewNote: reviewNote(reasons),
      verifiedAt: null,
      verifiedBy: null,
    });
  } else if (before.verificationStatus === 'rejected') {
    // Corrected after a rejection: the bureau looks again.
    Object.assign(values, { verificationStatus: 'pending', reviewNote: null });
  }
  await setSchoolFields(tx, schoolId, values);
  const after = (await getSchoolRecord(tx, schoolId))!;
  const diff = changedFields(presentSchool(before, 'full'), presentSchool(after, 'full'));
  await recordAudit(tx, actor, {
    action: 'school.update',
    entityType: 'school',
    entityId: schoolId,
    adcode: after.adcode,
    ...diff,
  });
  if (before.adcode && before.adcode !== after.adcode) {
    await recordAudit(tx, actor, {
      action: 'school.move_out',
      entityType: 'school',
      entityId: schoolId,
      adcode: before.adcode,
      ...diff,
    });
  }
  if (reasons.length > 0) {
    for (const admin of await schoolAdmins(tx, schoolId)) {
      await enqueueMessage(
        tx,
        admin.email,
        schoolReviewedMessage({
          recipientName: admin.displayName,
          school: { id: schoolId, name: after.name },
          outcome: 'returned',
          reason: after.reviewNote,
        }),
      );
    }
  }
  return after;
}

/** The district after a move: the given one (checked), the current one while it agrees, else the point's. */
async function districtAfterMove(
  tx: Db,
  before: SchoolRecord,
  to: LngLat,
  changes: PatchSchoolBody,
): Promise<string | null> {
  if (changes.adcode !== undefined) return districtOfPoint(tx, to, changes.adcode);
  const covering = (await smallestDistrictsAt(tx, [to]))[0] ?? null;
  if (before.adcode && (await adcodeAgreesWithPoint(tx, before.adcode, covering))) return before.adcode;
  return covering;
}

interface ReviewReason {
  zh: string;
  en: string;
}

/** Why a verified school must be verified again: a new name, another district, a move over 500 m. */
function reviewReasons(
  before: SchoolRecord,
  values: { name?: string | undefined; adcode?: string | null | undefined },
  moved: { from: LngLat | null; to: LngLat } | undefined,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (values.name !== undefined && values.name !== before.name)
    reasons.push({ zh: '校名已更改', en: 'the name changed' });
  if (values.adcode !== undefined && values.adcode !== before.adcode) {
    reasons.push({ zh: '所在区县已更改', en: 'the district changed' });
  }
  if (moved) {
    const metres = moved.from ? Math.round(greatCircleMetres(moved.from, moved.to)) : Infinity;
    if (metres > REVIEW_MOVE_METRES) {
      reasons.push(
        Number.isFinite(metres)
          ? { zh: `位置移动了 ${metres} 米`, en: `the point moved ${metres} m` }
          : { zh: '位置已更改', en: 'the point changed' },
      );
    }
  }
  return reasons;
}

function reviewNote(reasons: ReviewReason[]): string {
  return `${reasons.map((r) => r.zh).join('；')}，待教育部门重新审核 / ${reasons
    .map((r) => r.en)
    .join('; ')}: waiting for the bureau to verify it again`;
}

/** The fields that differ, before and after, for the audit log (not the time of the edit). */
function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (key === 'updated_at') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b as Partial<T>, after: a as Partial<T> };
}
