/**
 * Names for the account, venue-console and bureau types that several modules share, read off the
 * generated `paths` by path (see `$lib/api/types`).
 */
import type { ApiAnswer, ApiBody } from '$lib/api/client';

/** Body of `GET /api/me`, login and registration. */
export type Me = ApiAnswer<'/api/me'>;
export type Role = Me['role'];
/** One of the signed-in user's school memberships. */
export type MyMembership = Me['schools'][number];

/** Body of `GET /api/manage/venues/{id}` and of venue writes. */
export type VenueRecord = ApiAnswer<'/api/manage/venues/{id}'>;
export type PublicationStatus = VenueRecord['status'];
export type VerificationStatus = VenueRecord['verification_status'];
export type VenuePhoto = VenueRecord['photos'][number];
export type CoordSystem = VenueRecord['source_crs'];
/** Accessibility and other yes/no facts: null is "unknown", which is not "no". */
export type Known = VenueRecord['wheelchair'];

/** Body of `PATCH /api/venues/{id}`; the point moves with lng, lat and crs. */
export type VenuePatch = ApiBody<'/api/venues/{id}', 'patch'>;
export type BookingMode = NonNullable<VenuePatch['booking_mode']>;

/** A programme as the venue console lists it. */
export type ManagedProgramme = ApiAnswer<'/api/manage/venues/{id}/programmes'>['items'][number];
/** Body of `PATCH /api/programmes/{id}`: only the fields that change. */
export type ProgrammePatch = ApiBody<'/api/programmes/{id}', 'patch'>;

/** One venue of `GET /api/bureau/venues`: the bureau's region by name, drafts and suspended ones included. */
export type RegionVenue = ApiAnswer<'/api/bureau/venues'>['items'][number];

/** One member of a school (`GET /api/schools/{id}/members`). */
export type SchoolMember = ApiAnswer<'/api/schools/{id}/members'>['members'][number];
