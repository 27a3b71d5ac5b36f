import type { Db } from '../../db/client.ts';
import { getSchool, isSchoolAdmin, type School } from '../../db/queries/schools.ts';
import { getOrganisation, staffRoleOf } from '../../db/queries/staff.ts';
import { userOrganisationIds } from '../../db/queries/users.ts';
import { MANAGING_STAFF_ROLES } from '../../domain/vocab.ts';
import { venueOwnership, type VenueOwnership } from '../../db/queries/venues.ts';
import { ApiError, Errors } from '../errors.ts';
import { oversees, type CurrentUser } from './access.ts';

/**
 * The venue if `user` may manage it: an admin any venue, a venue manager those of the organisations they
 * manage (as its manager or a co-manager; door staff manage nothing, see requireVenueStaff).
 * 404 when there is no such venue, 403 NOT_YOUR_VENUE otherwise.
 */
export async function requireVenueManager(db: Db, user: CurrentUser, venueId: string): Promise<VenueOwnership> {
  const venue = await venueOwnership(db, venueId);
  if (!venue) throw Errors.venueNotFound();
  if (user.role === 'admin') return venue;
  if (user.role === 'venue_manager' && venue.organisationId) {
    const organisations = await userOrganisationIds(db, user.id);
    if (organisations.includes(venue.organisationId)) return venue;
  }
  throw Errors.notYourVenue();
}

/**
 * The venue if `user` works at it: an admin, or anyone on the staff of its organisation, door staff
 * included. For the day's bookings and check-in at the door; every other venue route asks
 * requireVenueManager. Asked on every request, so a removed member is refused at once. 404, or 403
 * NOT_YOUR_VENUE.
 */
export async function requireVenueStaff(db: Db, user: CurrentUser, venueId: string): Promise<VenueOwnership> {
  const venue = await venueOwnership(db, venueId);
  if (!venue) throw Errors.venueNotFound();
  if (user.role === 'admin') return venue;
  if (user.role === 'venue_manager' && venue.organisationId) {
    if (await staffRoleOf(db, venue.organisationId, user.id)) return venue;
  }
  throw Errors.notYourVenue();
}

/**
 * The organisation if `user` may manage its staff: an admin any, its managers and co-managers their own.
 * 404 ORGANISATION_NOT_FOUND, or 403 NOT_YOUR_ORGANISATION (door staff included).
 */
export async function requireOrganisationManager(
  db: Db,
  user: CurrentUser,
  organisationId: string,
): Promise<{ id: string; name: string }> {
  const organisation = await getOrganisation(db, organisationId);
  if (!organisation) throw Errors.organisationNotFound();
  if (user.role === 'admin') return organisation;
  const role = user.role === 'venue_manager' ? await staffRoleOf(db, organisationId, user.id) : undefined;
  if (!role || !MANAGING_STAFF_ROLES.includes(role)) throw Errors.notYourOrganisation();
  return organisation;
}

/** True when `user` may manage the venue (an admin, or a manager of its organisation). */
export async function managesVenue(db: Db, user: CurrentUser, venueId: string): Promise<boolean> {
  try {
    await requireVenueManager(db, user, venueId);
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.statusCode < 500) return false;
    throw error;
  }
}

/** The venue if `user` is a bureau overseeing its district (or an admin); 404, or 403 OUTSIDE_REGION. */
export async function requireOverseer(db: Db, user: CurrentUser, venueId: string): Promise<VenueOwnership> {
  const venue = await venueOwnership(db, venueId);
  if (!venue) throw Errors.venueNotFound();
  requireRegion(user, venue.adcode);
  return venue;
}

/** Refuses a bureau acting outside its region. */
export function requireRegion(user: CurrentUser, adcode: string | null): void {
  if (!oversees(user, adcode)) throw Errors.outsideRegion();
}

/**
 * The school if `user` may manage its members: an admin any school, a school admin those where their
 * own membership is approved. 404 SCHOOL_NOT_FOUND, or 403 NOT_YOUR_SCHOOL.
 */
export async function requireSchoolAdmin(db: Db, user: CurrentUser, schoolId: string): Promise<School> {
  const school = await getSchool(db, schoolId);
  if (!school) throw Errors.schoolNotFound();
  if (user.role !== 'admin' && !(await isSchoolAdmin(db, user.id, schoolId))) throw Errors.notYourSchool();
  return school;
}

/**
 * Whether `user` sees a school's full record (contact, pupil count, the bureau's note): an admin, the
 * bureau of its region, or one of its approved school admins.
 */
export async function seesSchoolInFull(
  db: Db,
  user: CurrentUser | null,
  school: { id: string; adcode: string | null },
): Promise<boolean> {
  if (!user) return false;
  if (oversees(user, school.adcode)) return true;
  return user.role === 'school_admin' && (await isSchoolAdmin(db, user.id, school.id));
}
