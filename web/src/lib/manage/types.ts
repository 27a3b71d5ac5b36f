/**
 * Names for the account, venue-console and bureau types the web client uses. Everything comes from
 * `$lib/api/schema`, generated from the committed OpenAPI document (`npm run api:generate`).
 */
import type { components, operations } from '$lib/api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op extends keyof operations, S extends number> = Json<
  operations[Op]['responses'][S & keyof operations[Op]['responses']]
>;
type Body<Op extends keyof operations> = operations[Op] extends { requestBody?: infer R }
  ? Json<NonNullable<R>>
  : never;

/** Body of `GET /api/me`, login and registration. */
export type Me = components['schemas']['Me'];
export type Role = Me['role'];

/** Body of `POST /api/auth/register`. */
export type RegisterBody = Body<'register'>;
export type SelfServiceRole = RegisterBody['role'];

/** One message of `GET /api/dev/mailbox`. */
export type MailboxMessage = Ok<'getDevMailbox', 200>['items'][number];

/** One school of `GET /api/schools`. */
export type SchoolOption = Ok<'searchSchools', 200>['items'][number] & { district_name?: string | null };

/** One row of `GET /api/manage/venues`. */
export type ManagedVenue = Ok<'listManagedVenues', 200>['items'][number];
export type PublicationStatus = ManagedVenue['status'];
export type VerificationStatus = ManagedVenue['verification_status'];

/** Body of `GET /api/manage/venues/{id}` and of venue writes. */
export type VenueRecord = components['schemas']['VenueRecord'];
export type VenuePhoto = VenueRecord['photos'][number];
export type CoordSystem = VenueRecord['source_crs'];
/** Accessibility and other yes/no facts: null is "unknown", which is not "no". */
export type Known = boolean | null;

/** Body of `PATCH /api/venues/{id}`; the point moves with lng, lat and crs. */
export type VenuePatch = Body<'updateVenue'>;
export type BookingMode = NonNullable<VenuePatch['booking_mode']>;

/** Body of `POST /api/venues`. */
export type NewVenue = Body<'createVenue'>;

/** Body of `POST /api/venues/{id}/slots`. */
export type NewSlots = Body<'createVenueSlots'>;
export type RecurringSlots = NonNullable<NewSlots['recurring']>;

/** One slot as the console sees it (`GET /api/manage/venues/{id}/slots`), cancelled ones included. */
export type ManagedSlot = Ok<'listManagedSlots', 200>['items'][number];

/** A programme as `GET /api/manage/venues/{id}/programmes` lists it. */
export type ManagedProgramme = components['schemas']['Programme'];

/** Body of `GET /api/bureau/queue`. */
export type BureauQueue = Ok<'getBureauQueue', 200>;
/** One venue waiting for review in the bureau's queue. */
export type PendingVenue = BureauQueue['venues'][number];
/** One pending claim in the bureau's queue. */
export type PendingClaim = BureauQueue['claims'][number];

/** An official designation of a venue. */
export type Designation = Ok<'createDesignation', 201>;

/** One venue of `GET /api/bureau/venues`: the bureau's region by name, drafts and suspended ones included. */
export type RegionVenue = Ok<'listRegionVenues', 200>['items'][number];
/** Body of `GET /api/bureau/venues/{id}`: the venue, all its designations and all its programmes. */
export type RegionVenueDetail = Ok<'getRegionVenue', 200>;

/** Body of `GET /api/schools/{id}/members`: the school and its teachers and admins, pending first. */
export type SchoolMembers = Ok<'listSchoolMembers', 200>;
/** One member of a school. */
export type SchoolMember = SchoolMembers['members'][number];
/** One of the signed-in user's school memberships (`GET /api/me`). */
export type MyMembership = Me['schools'][number];

/** Body of `PATCH /api/programmes/{id}`: only the fields that change. */
export type ProgrammePatch = Body<'updateProgramme'>;
