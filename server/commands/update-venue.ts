import type { Db } from '../../db/client.ts';
import { smallestDistrictsAt } from '../../db/queries/districts.ts';
import { adcodeAgreesWithPoint } from '../../db/queries/schools.ts';
import { refreshVenueHours } from '../../db/queries/open-intervals.ts';
import {
  lockVenueForReview,
  pointValue,
  setVenueFields,
  venueRecord,
  type VenueRecordRow,
  type VenueReviewState,
} from '../../db/queries/venues.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { greatCircleMetres, type LngLat } from '../../domain/geo.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { venueReviewedMessage } from '../messages/venue-reviewed.ts';
import { presentVenueRecord, type VenueRecord } from '../presenters/venue.ts';
import type { PatchVenueBody } from '../schemas/venue-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkOpeningHours, venueValues } from './create-venue.ts';
import { checkRanges } from './ranges.ts';
import { districtOfPoint } from './district-of-point.ts';
import { tellVenuePeople } from './tell-venue.ts';

/** A verified venue moved further than this goes back to the bureau. */
export const REVIEW_MOVE_METRES = 500;

export interface UpdateVenueInput {
  venueId: string;
  /** The fields that change; null clears an optional one. lng/lat (in crs) move the point. */
  changes: PatchVenueBody;
}

/**
 * A venue's manager edits its profile. Moving the point marks it exact and checked: a manager placing
 * it on the true entrance knows best. The district follows the point: a given adcode must agree with
 * the point at the level the shipped boundaries have (ADCODE_MISMATCH), a move without one keeps the
 * district while it still agrees, else takes the one the point lies in. A suspended venue cannot be
 * moved nor change district (VENUE_SUSPENDED). The bureau verified a name and a place: a verified venue
 * renamed, put in another district, or moved more than 500 m goes back to pending with a review note
 * saying why (staying listed as it was, without the verified mark), and its people are told. New opening
 * hours recompute the venue's open days. Audited with only the fields that changed; when the district
 * changed, a second entry under the old district lets the bureau the venue left see it too.
 */
export async function updateVenue(tx: Db, actor: SignedInActor, input: UpdateVenueInput): Promise<VenueRecordRow> {
  const { venueId, changes } = input;
  await requireVenueManager(tx, actor.user, venueId);
  if ((changes.lng === undefined) !== (changes.lat === undefined)) {
    throw Errors.validation('lng and lat move the point together: give both');
  }
  if (changes.crs !== undefined && changes.lng === undefined) throw Errors.validation('crs goes with lng and lat');
  checkOpeningHours(changes.opening_hours);

  // Locked, so the audit's before is the state this edit replaced, even with edits racing.
  const state = (await lockVenueForReview(tx, venueId))!;
  const beforeRow = (await venueRecord(tx, venueId))!;
  const before = presentVenueRecord(beforeRow);
  const values = venueValues(changes);
  const from: LngLat = { lng: beforeRow.lng, lat: beforeRow.lat };
  let movedTo: LngLat | undefined;
  if (changes.lng !== undefined && changes.lat !== undefined) {
    if (state.status === 'suspended') throw Errors.suspendedVenueMove();
    const crs = changes.crs ?? 'wgs84';
    const to = toWgs84(crs, { lng: changes.lng, lat: changes.lat });
    movedTo = to;
    Object.assign(values, {
      location: pointValue(to.lng, to.lat),
      sourceCrs: crs,
      coordPrecision: 'high',
      locationCheckedAt: new Date(),
      adcode: await districtAfterMove(tx, state.adcode, to, changes.adcode),
    });
  } else if (changes.adcode !== undefined) {
    if (state.status === 'suspended' && changes.adcode !== state.adcode) throw Errors.suspendedVenueMove();
    values.adcode = await districtOfPoint(tx, from, changes.adcode);
  }
  if (Object.keys(values).length === 0) throw Errors.emptyPatch();
  checkRanges({ ...before, ...changes });

  const reasons =
    state.verificationStatus === 'verified' ? reviewReasons(state, values, movedTo && { from, to: movedTo }) : [];
  if (reasons.length > 0) {
    // A suspended venue keeps the bureau's reason for the suspension as its note.
    Object.assign(values, {
      verificationStatus: 'pending',
      ...(state.status === 'suspended' ? {} : { reviewNote: reviewNote(reasons) }),
    });
  }
  await setVenueFields(tx, venueId, values);
  if (changes.opening_hours !== undefined) await refreshVenueHours(tx, [venueId]);
  const changed = (await venueRecord(tx, venueId))!;
  const after = presentVenueRecord(changed);
  const diff = changedFields(before, after);
  await recordAudit(tx, actor, {
    action: 'venue.update',
    entityType: 'venue',
    entityId: venueId,
    adcode: after.adcode,
    ...diff,
  });
  if (state.adcode && state.adcode !== after.adcode) {
    await recordAudit(tx, actor, {
      action: 'venue.move_out',
      entityType: 'venue',
      entityId: venueId,
      adcode: state.adcode,
      ...diff,
    });
  }
  if (reasons.length > 0) {
    const note = reviewNote(reasons);
    await tellVenuePeople(tx, state, (recipientName) =>
      venueReviewedMessage({
        recipientName,
        venue: { id: venueId, name: changed.venue.nameZh },
        outcome: 'returned',
        reason: note,
      }),
    );
  }
  return changed;
}

/** The district after a move: the given one (checked against the point), the current one while it agrees, else the point's. */
async function districtAfterMove(
  tx: Db,
  current: string | null,
  to: LngLat,
  given: string | null | undefined,
): Promise<string | null> {
  if (given) return districtOfPoint(tx, to, given);
  const covering = (await smallestDistrictsAt(tx, [to]))[0] ?? null;
  if (current && (await adcodeAgreesWithPoint(tx, current, covering))) return current;
  return covering;
}

interface ReviewReason {
  zh: string;
  en: string;
}

/** Why a verified venue must be verified again: a new name, another district, a move over 500 m. */
function reviewReasons(
  before: VenueReviewState,
  values: { nameZh?: string | undefined; adcode?: string | null | undefined },
  moved: { from: LngLat; to: LngLat } | undefined,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (values.nameZh !== undefined && values.nameZh !== before.nameZh) {
    reasons.push({ zh: '名称已更改', en: 'the name changed' });
  }
  if (values.adcode !== undefined && values.adcode !== before.adcode) {
    reasons.push({ zh: '所在区县已更改', en: 'the district changed' });
  }
  if (moved) {
    const metres = Math.round(greatCircleMetres(moved.from, moved.to));
    if (metres > REVIEW_MOVE_METRES) reasons.push({ zh: `位置移动了 ${metres} 米`, en: `the point moved ${metres} m` });
  }
  return reasons;
}

function reviewNote(reasons: ReviewReason[]): string {
  return `${reasons.map((r) => r.zh).join('；')}，待教育部门重新审核 / ${reasons
    .map((r) => r.en)
    .join('; ')}: waiting for the bureau to verify it again`;
}

/** The fields that differ, before and after, for the audit log (not the photos, nor the time of the edit). */
function changedFields(
  before: VenueRecord,
  after: VenueRecord,
): { before: Partial<VenueRecord>; after: Partial<VenueRecord> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof VenueRecord)[]) {
    if (key === 'updated_at' || key === 'photos') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
