import type { Db } from '../../db/client.ts';
import { districtExists } from '../../db/queries/districts.ts';
import { refreshVenueHours } from '../../db/queries/open-intervals.ts';
import {
  lockVenueForReview,
  pointValue,
  setVenueFields,
  venueRecord,
  type VenueRecordRow,
} from '../../db/queries/venues.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { requireVenueManager } from '../auth/ownership.ts';
import { Errors } from '../errors.ts';
import { presentVenueRecord, type VenueRecord } from '../presenters/venue.ts';
import type { PatchVenueBody } from '../schemas/venue-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkOpeningHours, venueValues } from './create-venue.ts';
import { checkRanges } from './ranges.ts';

export interface UpdateVenueInput {
  venueId: string;
  /** The fields that change; null clears an optional one. lng/lat (in crs) move the point. */
  changes: PatchVenueBody;
}

/**
 * A venue's manager edits its profile. Moving the point marks it exact and checked: a manager placing
 * it on the true entrance knows best. New opening hours recompute the venue's open days. Audited with
 * only the fields that changed.
 */
export async function updateVenue(tx: Db, actor: SignedInActor, input: UpdateVenueInput): Promise<VenueRecordRow> {
  const { venueId, changes } = input;
  await requireVenueManager(tx, actor.user, venueId);
  if ((changes.lng === undefined) !== (changes.lat === undefined)) {
    throw Errors.validation('lng and lat move the point together: give both');
  }
  if (changes.crs !== undefined && changes.lng === undefined) throw Errors.validation('crs goes with lng and lat');
  checkOpeningHours(changes.opening_hours);
  if (changes.adcode && !(await districtExists(tx, changes.adcode))) throw Errors.unknownAdcode(changes.adcode);
  const values = venueValues(changes);
  if (changes.lng !== undefined && changes.lat !== undefined) {
    const crs = changes.crs ?? 'wgs84';
    const location = toWgs84(crs, { lng: changes.lng, lat: changes.lat });
    Object.assign(values, {
      location: pointValue(location.lng, location.lat),
      sourceCrs: crs,
      coordPrecision: 'high',
      locationCheckedAt: new Date(),
    });
  }
  if (Object.keys(values).length === 0) throw Errors.emptyPatch();

  // Locked, so the audit's before is the state this edit replaced, even with edits racing.
  await lockVenueForReview(tx, venueId);
  const before = presentVenueRecord((await venueRecord(tx, venueId))!);
  checkRanges({ ...before, ...changes });
  await setVenueFields(tx, venueId, values);
  if (changes.opening_hours !== undefined) await refreshVenueHours(tx, [venueId]);
  const changed = (await venueRecord(tx, venueId))!;
  const after = presentVenueRecord(changed);
  await recordAudit(tx, actor, {
    action: 'venue.update',
    entityType: 'venue',
    entityId: venueId,
    adcode: after.adcode,
    ...changedFields(before, after),
  });
  return changed;
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
