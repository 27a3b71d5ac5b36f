import type { Db } from '../../db/client.ts';
import { refreshVenueHours } from '../../db/queries/open-intervals.ts';
import { userOrganisationIds } from '../../db/queries/users.ts';
import {
  EDITABLE_COLUMNS,
  insertVenue,
  pointValue,
  venueRecord,
  type EditableField,
  type VenueRecordRow,
  type VenueValues,
} from '../../db/queries/venues.ts';
import { toWgs84 } from '../../domain/crs.ts';
import { parseOpeningHours } from '../../domain/hours/opening-hours.ts';
import { Errors } from '../errors.ts';
import { presentVenueRecord } from '../presenters/venue.ts';
import type { CreateVenueBody } from '../schemas/venue-fields.ts';
import type { SignedInActor } from './actor.ts';
import { recordAudit } from './audit.ts';
import { checkRanges } from './ranges.ts';
import { districtOfPoint } from './district-of-point.ts';

/** Where records created in the console come from (`venues.source`). */
export const CONSOLE_SOURCE = 'kaimen-console';

/**
 * A venue manager creates a venue for their organisation (an admin, for none): a draft waiting for the
 * bureau of its district. The point is stored as WGS-84, exact (the manager placed it); a given adcode
 * must agree with the point at the level the shipped boundaries have (ADCODE_MISMATCH), and without one
 * the district is the smallest one whose boundary covers the point. Audited.
 */
export async function createVenue(tx: Db, actor: SignedInActor, fields: CreateVenueBody): Promise<VenueRecordRow> {
  const { user } = actor;
  const organisationId = user.role === 'admin' ? null : ((await userOrganisationIds(tx, user.id))[0] ?? undefined);
  if (organisationId === undefined) throw Errors.noOrganisation();
  checkRanges(fields);
  checkOpeningHours(fields.opening_hours);
  const crs = fields.crs ?? 'wgs84';
  const location = toWgs84(crs, { lng: fields.lng, lat: fields.lat });
  const adcode = await districtOfPoint(tx, location, fields.adcode);

  const id = await insertVenue(tx, {
    ...venueValues(fields),
    nameZh: fields.name_zh.trim(),
    kinds: fields.kinds,
    adcode,
    location: pointValue(location.lng, location.lat) as unknown as string,
    sourceCrs: crs,
    coordPrecision: 'high',
    locationCheckedAt: new Date(),
    status: 'draft',
    verificationStatus: 'pending',
    organisationId,
    createdBy: user.id,
    source: CONSOLE_SOURCE,
  });
  if (fields.opening_hours) await refreshVenueHours(tx, [id]);
  const created = (await venueRecord(tx, id))!;
  await recordAudit(tx, actor, {
    action: 'venue.create',
    entityType: 'venue',
    entityId: id,
    adcode,
    after: presentVenueRecord(created),
  });
  return created;
}

/** Column values for the editable fields a body gives (null clears, absent leaves alone), texts trimmed. */
export function venueValues(fields: Partial<Record<EditableField, unknown>>): VenueValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(EDITABLE_COLUMNS)) {
    const value = fields[field as EditableField];
    if (value === undefined) continue;
    values[column] = typeof value === 'string' ? value.trim() : value;
  }
  return values as VenueValues;
}

/** Refuses opening hours that are not valid OSM syntax (INVALID_OPENING_HOURS), saying why. */
export function checkOpeningHours(text: string | null | undefined): void {
  if (!text) return;
  try {
    parseOpeningHours(text.trim());
  } catch (error) {
    throw Errors.invalidOpeningHours(`opening_hours is not valid OSM syntax: ${(error as Error).message}`);
  }
}
