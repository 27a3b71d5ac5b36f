import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Database, Engine } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { insertPasswordReset } from '../../db/queries/sessions.ts';
import { insertInvitation } from '../../db/queries/staff.ts';
import type { App } from '../../server/app.ts';
import { hashToken, randomToken } from '../../server/auth/tokens.ts';
import { newBookingCode } from '../../domain/booking.ts';
import { createActor, TEST_PASSWORD, type TestActor } from './accounts.ts';
import {
  buildBooking,
  buildClaim,
  buildDesignation,
  buildPendingTeacher,
  buildPhoto,
  buildPlacedSchool,
  buildProgramme,
  buildSchool,
  buildSchoolClaim,
  buildSlot,
  buildVenue,
  buildWaitlistEntry,
  DONGCHENG,
  type VenueOverrides,
} from './factories.ts';
import { withTestApp } from './http.ts';

/**
 * Every write route of the API with a valid call on fresh fixtures and the callers it allows, for the
 * authorisation matrix and the bad-input fuzz of write routes. A new write route needs an entry here.
 */

export const ACTORS = [
  'anonymous',
  'parent',
  'teacher',
  'school_admin',
  'manager',
  /** On `manager`'s organisation's staff: a co-manager, and door staff. */
  'co_manager',
  'door_staff',
  'other_manager',
  'bureau',
  'other_bureau',
  'admin',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** The fixtures one call works on, made fresh for every call (an allowed call may consume them). */
export interface World {
  database: Database;
  db: Database['db'];
  actors: Record<Exclude<ActorName, 'anonymous'>, TestActor>;
  schoolId: string;
}
export interface Call {
  url: string;
  payload?: Record<string, unknown> | string | Buffer;
  headers?: Record<string, string>;
}
export interface Rule {
  allowed: readonly ActorName[];
  call: (world: World, actor: ActorName) => Promise<Call>;
}

const EVERYONE = ACTORS;
const SIGNED_IN = ACTORS.filter((a) => a !== 'anonymous');
const OWNERS = ['manager', 'co_manager', 'admin'] as const;
/** Who works at the door of `manager`'s venues: its managers, door staff and admins. */
const DOOR = [...OWNERS, 'door_staff'] as const;
/** Accounts that may join venue staff by invitation: parents and venue managers of any organisation. */
const JOINERS = ['parent', 'manager', 'co_manager', 'door_staff', 'other_manager'] as const;
const OVERSEERS = ['bureau', 'admin'] as const;
/** The district every fixture venue lies in: `bureau` oversees it, `other_bureau` does not. */
export const ADCODE = DONGCHENG.adcode;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A venue in ADCODE that `manager` manages, unless `values` say otherwise. */
async function venue(world: World, values: VenueOverrides = {}): Promise<string> {
  return (await buildVenue(world.db, { managedBy: world.actors.manager, ...values })).id;
}
async function programme(world: World, status = 'published'): Promise<string> {
  return (await buildProgramme(world.db, { venueId: await venue(world), status })).id;
}
async function claim(world: World): Promise<string> {
  const claimant = await createActor(world.database, { role: 'venue_manager' });
  return buildClaim(world.db, await venue(world, { organisationId: null }), claimant, '测试');
}
/** A pending school in ADCODE, placed, that no caller runs. */
async function pendingSchool(world: World): Promise<string> {
  return (await buildPlacedSchool(world.db)).id;
}
/** A pending claim of such a school by a school admin who is not one of the world's callers. */
async function schoolClaim(world: World): Promise<string> {
  const claimant = await createActor(world.database, { role: 'school_admin' });
  return buildSchoolClaim(world.db, await pendingSchool(world), claimant);
}
async function pendingTeacher(world: World): Promise<string> {
  return (await buildPendingTeacher(world.database, world.schoolId)).user.id;
}
function multipartPng(): Call {
  const boundary = 'matrix-boundary';
  return {
    url: '',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
const future = (days: number) => new Date(Date.now() + days * 86_400_000);
/** A slot at a venue `manager` runs, open for bookings a week ahead. */
async function slot(world: World): Promise<string> {
  return (await buildSlot(world.db, { venueId: await venue(world), capacity: 10, approval: 'none' })).id;
}
/** A booking of `parent` in such a slot (pending when asked). */
async function booking(world: World, status: 'confirmed' | 'pending' = 'confirmed'): Promise<string> {
  return (await buildBooking(world.db, await slot(world), world.actors.parent.user.id, { status })).id;
}

/** A confirmed booking of `parent` with a real code, in a slot of today at a venue `manager` runs (checked in when asked). */
async function bookingToday(world: World, checkedIn = false): Promise<{ id: string; code: string; venueId: string }> {
  const venueId = await venue(world);
  const now = Date.now();
  const slotRow = await buildSlot(world.db, {
    venueId,
    capacity: 10,
    approval: 'none',
    startsAt: new Date(now - 10 * 60_000),
    endsAt: new Date(now + 2 * 3_600_000),
  });
  const made = await buildBooking(world.db, slotRow.id, world.actors.parent.user.id, {
    code: newBookingCode(),
    ...(checkedIn
      ? { checkedInAt: new Date(), checkedInBy: world.actors.manager.user.id, arrivedAdults: 1, arrivedMinors: 1 }
      : {}),
  });
  return { ...made, venueId };
}

/** The expected rule of every write route, keyed by "METHOD /path". */
export const RULES: Record<string, Rule> = {
  'POST /api/auth/register': {
    allowed: EVERYONE,
    call: async () => ({
      url: '/api/auth/register',
      payload: { email: `m-${randomUUID()}@test.kaimen`, password: TEST_PASSWORD, display_name: 'M', role: 'parent' },
    }),
  },
  'POST /api/auth/login': {
    allowed: EVERYONE,
    call: async (world) => {
      const someone = await createActor(world.database, { role: 'parent' });
      return { url: '/api/auth/login', payload: { email: someone.user.email, password: TEST_PASSWORD } };
    },
  },
  'POST /api/auth/logout': { allowed: SIGNED_IN, call: async () => ({ url: '/api/auth/logout' }) },
  'POST /api/auth/password-reset': {
    allowed: EVERYONE,
    call: async () => ({ url: '/api/auth/password-reset', payload: { email: `nobody-${randomUUID()}@test.kaimen` } }),
  },
  'POST /api/auth/password-reset/confirm': {
    allowed: EVERYONE,
    call: async (world) => {
      const someone = await createActor(world.database, { role: 'parent' });
      const token = randomToken();
      await insertPasswordReset(world.db, {
        tokenHash: hashToken(token),
        userId: someone.user.id,
        expiresAt: future(1),
      });
      return { url: '/api/auth/password-reset/confirm', payload: { token, password: 'another long passphrase' } };
    },
  },
  'POST /api/imports/venues': {
    allowed: ['admin'],
    call: async () => ({
      url: `/api/imports/venues?crs=wgs84&source=test-matrix-import&dry_run=true&mapping=${encodeURIComponent(
        JSON.stringify({ name_zh: 'name', lng: 'lng', lat: 'lat', defaults: { kinds: 'museum' } }),
      )}`,
      headers: { 'content-type': 'text/csv' },
      payload: 'name,lng,lat\n矩阵导入,116.4,39.9\n',
    }),
  },
  'POST /api/imports/schools': {
    // A bureau of any region may start one (the job is created; rows outside its region are refused in it).
    allowed: ['bureau', 'other_bureau', 'admin'],
    call: async () => ({
      url: `/api/imports/schools?crs=wgs84&source=test-matrix-schools&dry_run=true&verify=true&mapping=${encodeURIComponent(
        JSON.stringify({ name: 'name', kind: 'kind', adcode: 'adcode', lng: 'lng', lat: 'lat' }),
      )}`,
      headers: { 'content-type': 'text/csv' },
      payload: `name,kind,adcode,lng,lat\n矩阵导入学校（测试数据）,primary,${ADCODE},${DONGCHENG.lng},${DONGCHENG.lat}\n`,
    }),
  },
  'POST /api/venues': {
    allowed: ['manager', 'co_manager', 'other_manager', 'admin'],
    call: async () => ({ url: '/api/venues', payload: { name_zh: '新馆', kinds: ['museum'], lng: 116.4, lat: 39.9 } }),
  },
  'PATCH /api/venues/:id': {
    allowed: OWNERS,
    call: async (world) => ({ url: `/api/venues/${await venue(world)}`, payload: { name_en: 'Changed' } }),
  },
  'POST /api/venues/:id/claims': {
    allowed: ['manager', 'co_manager', 'other_manager'],
    call: async (world) => ({
      url: `/api/venues/${await venue(world, { organisationId: null })}/claims`,
      payload: { evidence: '我是馆长' },
    }),
  },
  'POST /api/venues/:id/slots': {
    allowed: OWNERS,
    call: async (world) => ({
      url: `/api/venues/${await venue(world)}/slots`,
      payload: { capacity: 10, single: { starts_at: future(10).toISOString(), ends_at: future(10.1).toISOString() } },
    }),
  },
  'POST /api/slots/:id/cancel': {
    allowed: OWNERS,
    call: async (world) => {
      const slot = await buildSlot(world.db, { venueId: await venue(world), startsAt: future(5), endsAt: future(5.1) });
      return { url: `/api/slots/${slot.id}/cancel`, payload: { reason: '闭馆' } };
    },
  },
  'PATCH /api/slots/:id': {
    allowed: OWNERS,
    call: async (world) => ({ url: `/api/slots/${await slot(world)}`, payload: { capacity: 12 } }),
  },
  'POST /api/venues/:id/programmes': {
    allowed: OWNERS,
    call: async (world) => ({ url: `/api/venues/${await venue(world)}/programmes`, payload: { title_zh: '课程' } }),
  },
  'PATCH /api/programmes/:id': {
    allowed: OWNERS,
    call: async (world) => ({ url: `/api/programmes/${await programme(world)}`, payload: { volunteer: true } }),
  },
  'POST /api/venues/:id/photos': {
    allowed: OWNERS,
    call: async (world) => ({ ...multipartPng(), url: `/api/venues/${await venue(world)}/photos` }),
  },
  'DELETE /api/venues/:id/photos/:photoId': {
    allowed: OWNERS,
    call: async (world) => {
      const venueId = await venue(world);
      const photo = await buildPhoto(world.db, venueId);
      return { url: `/api/venues/${venueId}/photos/${photo.id}` };
    },
  },
  'POST /api/bureau/venues/:id/approve': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/bureau/venues/${await venue(world, { status: 'draft', verificationStatus: 'pending' })}/approve`,
    }),
  },
  'POST /api/bureau/venues/:id/reject': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/bureau/venues/${await venue(world, { status: 'draft', verificationStatus: 'pending' })}/reject`,
      payload: { reason: '资料不全' },
    }),
  },
  'POST /api/bureau/venues/:id/verify': {
    allowed: OVERSEERS,
    call: async (world) => ({ url: `/api/bureau/venues/${await venue(world)}/verify` }),
  },
  'POST /api/bureau/claims/:id/approve': {
    allowed: OVERSEERS,
    call: async (world) => ({ url: `/api/bureau/claims/${await claim(world)}/approve` }),
  },
  'POST /api/bureau/claims/:id/reject': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/bureau/claims/${await claim(world)}/reject`,
      payload: { reason: '无法核实' },
    }),
  },
  'POST /api/venues/:id/suspend': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/venues/${await venue(world, { verificationStatus: 'verified' })}/suspend`,
      payload: { reason: '以研学名义开展学科培训' },
    }),
  },
  'POST /api/venues/:id/reinstate': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/venues/${await venue(world, { status: 'suspended', verificationStatus: 'verified' })}/reinstate`,
      payload: { note: '已整改' },
    }),
  },
  'POST /api/programmes/:id/suspend': {
    allowed: OVERSEERS,
    call: async (world) => ({ url: `/api/programmes/${await programme(world)}/suspend`, payload: { reason: '违规' } }),
  },
  'POST /api/programmes/:id/reinstate': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/programmes/${await programme(world, 'suspended')}/reinstate`,
      payload: { note: '已整改' },
    }),
  },
  'POST /api/venues/:id/designations': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/venues/${await venue(world)}/designations`,
      payload: { title: '全国科普教育基地', level: 'national', issuer: '中国科协', year: 2024 },
    }),
  },
  'POST /api/designations/:id/revoke': {
    allowed: OVERSEERS,
    call: async (world) => {
      const designation = await buildDesignation(world.db, { venueId: await venue(world) });
      return { url: `/api/designations/${designation.id}/revoke`, payload: { reason: '复核未通过' } };
    },
  },
  'POST /api/bookings': {
    allowed: SIGNED_IN,
    call: async (world) => ({
      url: '/api/bookings',
      payload: { slot_id: await slot(world), kind: 'family', adults: 1, children_by_band: { '6-12': 1 } },
    }),
  },
  'POST /api/bookings/:id/cancel': {
    allowed: ['parent', ...OWNERS],
    call: async (world) => ({ url: `/api/bookings/${await booking(world)}/cancel`, payload: {} }),
  },
  'POST /api/bookings/:id/approve': {
    allowed: OWNERS,
    call: async (world) => ({ url: `/api/bookings/${await booking(world, 'pending')}/approve` }),
  },
  'POST /api/bookings/:id/decline': {
    allowed: OWNERS,
    call: async (world) => ({
      url: `/api/bookings/${await booking(world, 'pending')}/decline`,
      payload: { reason: '当天团体已满' },
    }),
  },
  // Check-in at the door (server/routes/check-ins).
  'POST /api/check-ins': {
    allowed: DOOR,
    call: async (world) => {
      const booking = await bookingToday(world);
      return { url: '/api/check-ins', payload: { code: booking.code, venue_id: booking.venueId } };
    },
  },
  'DELETE /api/check-ins/:booking_id': {
    allowed: DOOR,
    call: async (world) => ({ url: `/api/check-ins/${(await bookingToday(world, true)).id}` }),
  },
  'PATCH /api/check-ins/:booking_id': {
    allowed: DOOR,
    call: async (world) => ({
      url: `/api/check-ins/${(await bookingToday(world, true)).id}`,
      payload: { arrived_adults: 2, arrived_minors: 1 },
    }),
  },
  // The waitlist (issue 10, point 4).
  'POST /api/slots/:id/waitlist': {
    allowed: SIGNED_IN,
    call: async (world) => {
      const full = await slot(world);
      const someone = await createActor(world.database, { role: 'parent' });
      await buildBooking(world.db, full, someone.user.id, { places: 10 });
      return {
        url: `/api/slots/${full}/waitlist`,
        payload: { kind: 'family', adults: 1, children_by_band: { '6-12': 1 } },
      };
    },
  },
  'DELETE /api/waitlist/:id': {
    allowed: ['parent'],
    call: async (world) => {
      const entry = await buildWaitlistEntry(world.db, await slot(world), world.actors.parent.user.id);
      return { url: `/api/waitlist/${entry.id}` };
    },
  },
  'POST /api/bookings/:id/accept': {
    allowed: ['parent'],
    call: async (world) => {
      const slotId = await slot(world);
      const held = await buildBooking(world.db, slotId, world.actors.parent.user.id, { status: 'held' });
      await buildWaitlistEntry(world.db, slotId, world.actors.parent.user.id, {
        status: 'offered',
        offerBookingId: held.id,
      });
      return { url: `/api/bookings/${held.id}/accept` };
    },
  },
  'POST /api/schools': {
    allowed: ['school_admin', 'admin'],
    call: async () => ({
      url: '/api/schools',
      payload: {
        name: '矩阵测试小学',
        kind: 'primary',
        grades: [1, 2, 3, 4, 5, 6],
        adcode: ADCODE,
        lng: DONGCHENG.lng,
        lat: DONGCHENG.lat,
        contact_name: '张老师',
      },
    }),
  },
  'PATCH /api/schools/:id': {
    allowed: ['school_admin', 'admin'],
    call: async (world) => ({ url: `/api/schools/${world.schoolId}`, payload: { name_en: `Changed ${randomUUID()}` } }),
  },
  'POST /api/schools/:id/claims': {
    allowed: ['school_admin'],
    call: async (world) => ({
      url: `/api/schools/${await pendingSchool(world)}/claims`,
      payload: { evidence: '我是校长' },
    }),
  },
  'POST /api/bureau/schools/:id/verify': {
    allowed: OVERSEERS,
    call: async (world) => ({ url: `/api/bureau/schools/${await pendingSchool(world)}/verify` }),
  },
  'POST /api/bureau/schools/:id/reject': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/bureau/schools/${await pendingSchool(world)}/reject`,
      payload: { reason: '查无此校' },
    }),
  },
  'POST /api/bureau/school-claims/:id/approve': {
    allowed: OVERSEERS,
    call: async (world) => ({ url: `/api/bureau/school-claims/${await schoolClaim(world)}/approve` }),
  },
  'POST /api/bureau/school-claims/:id/reject': {
    allowed: OVERSEERS,
    call: async (world) => ({
      url: `/api/bureau/school-claims/${await schoolClaim(world)}/reject`,
      payload: { reason: '无法核实' },
    }),
  },
  'POST /api/schools/:id/members/:userId/approve': {
    allowed: ['school_admin', 'admin'],
    call: async (world) => ({ url: `/api/schools/${world.schoolId}/members/${await pendingTeacher(world)}/approve` }),
  },
  'POST /api/schools/:id/members/:userId/reject': {
    allowed: ['school_admin', 'admin'],
    call: async (world) => ({ url: `/api/schools/${world.schoolId}/members/${await pendingTeacher(world)}/reject` }),
  },
  // Venue staff accounts (issue 12, point 4; server/routes/staff).
  'POST /api/organisations/:id/invitations': {
    allowed: OWNERS,
    call: async (world) => ({
      url: `/api/organisations/${world.actors.manager.organisationId}/invitations`,
      payload: { email: `colleague-${randomUUID()}@test.kaimen`, role: 'door_staff' },
    }),
  },
  'DELETE /api/organisations/:id/invitations/:invitationId': {
    allowed: OWNERS,
    call: async (world) => {
      const organisationId = world.actors.manager.organisationId!;
      const invitation = await invitation_(world, organisationId, `colleague-${randomUUID()}@test.kaimen`);
      return { url: `/api/organisations/${organisationId}/invitations/${invitation.id}` };
    },
  },
  'PATCH /api/organisations/:id/members/:userId': {
    allowed: OWNERS,
    call: async (world) => {
      const organisationId = world.actors.manager.organisationId!;
      const member = await createActor(world.database, {
        role: 'venue_manager',
        organisationId,
        staffRole: 'door_staff',
      });
      return { url: `/api/organisations/${organisationId}/members/${member.user.id}`, payload: { role: 'co_manager' } };
    },
  },
  'DELETE /api/organisations/:id/members/:userId': {
    allowed: OWNERS,
    call: async (world) => {
      const organisationId = world.actors.manager.organisationId!;
      const member = await createActor(world.database, {
        role: 'venue_manager',
        organisationId,
        staffRole: 'door_staff',
      });
      return { url: `/api/organisations/${organisationId}/members/${member.user.id}` };
    },
  },
  'POST /api/invitations/accept': {
    allowed: JOINERS,
    call: async (world, actor) => {
      // An invitation to the caller's own email, from an organisation none of the callers is on.
      const email = actor === 'anonymous' ? `nobody-${randomUUID()}@test.kaimen` : world.actors[actor].user.email;
      const other = await createActor(world.database, { role: 'venue_manager' });
      return {
        url: '/api/invitations/accept',
        payload: { token: (await invitation_(world, other.organisationId!, email)).token },
      };
    },
  },
  'POST /api/invitations/sign-up': {
    allowed: EVERYONE,
    call: async (world) => {
      const { token } = await invitation_(
        world,
        world.actors.manager.organisationId!,
        `colleague-${randomUUID()}@test.kaimen`,
      );
      return { url: '/api/invitations/sign-up', payload: { token, display_name: '新同事', password: TEST_PASSWORD } };
    },
  },
  // Account administration (server/routes/admin-users): admins only, each call on an account of its own.
  'POST /api/admin/users/invitations': {
    allowed: ['admin'],
    call: async () => ({
      url: '/api/admin/users/invitations',
      payload: {
        email: `officer-${randomUUID()}@test.kaimen`,
        display_name: '区教育局',
        role: 'bureau',
        region_adcode: ADCODE,
      },
    }),
  },
  'PATCH /api/admin/users/:id': {
    allowed: ['admin'],
    call: async (world) => ({ url: `/api/admin/users/${await account(world)}`, payload: { role: 'teacher' } }),
  },
  'POST /api/admin/users/:id/deactivate': {
    allowed: ['admin'],
    call: async (world) => ({ url: `/api/admin/users/${await account(world)}/deactivate` }),
  },
  'POST /api/admin/users/:id/reactivate': {
    allowed: ['admin'],
    call: async (world) => ({ url: `/api/admin/users/${await account(world, true)}/reactivate` }),
  },
};

/** A parent's account that none of the world's callers is (deactivated when asked), for the admin routes. */
async function account(world: World, deactivated = false): Promise<string> {
  const { user } = await createActor(world.database, { role: 'parent' });
  if (deactivated) await world.db.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${user.id}`);
  return user.id;
}

/** A live door-staff invitation of the organisation to this email, and its link's token. */
async function invitation_(world: World, organisationId: string, email: string) {
  const token = randomToken();
  const row = await insertInvitation(world.db, {
    organisationId,
    email,
    role: 'door_staff',
    tokenHash: hashToken(token),
    invitedBy: world.actors.manager.user.id,
    expiresAt: future(7),
  });
  return { id: row.id, token };
}

/**
 * An app over a private database with a school for the teacher and school admin, as the matrix and the
 * fuzz of write routes both need, opened before the suite's tests and closed after them (dropping the
 * database and the photos written); `bind` gets them once open.
 */
export function withWriteRoutesApp(
  engine: Engine,
  bind: (opened: { database: Database; app: App; schoolId: string }) => void,
): void {
  const options = { database: 'private', uploads: true } as const;
  withTestApp(
    engine,
    async ({ database, app }) => {
      const school = await buildSchool(database.db, { name: '写入测试学校（测试数据）', adcode: ADCODE });
      bind({ database, app, schoolId: school.id });
    },
    options,
  );
}

/** A fresh set of callers of every kind, around one school (for the teacher and school admin). */
export async function freshWorld(database: Database, schoolId: string): Promise<World> {
  const make = (options: Parameters<typeof createActor>[1]) => createActor(database, options);
  const manager = await make({ role: 'venue_manager' });
  return {
    database,
    db: database.db,
    schoolId,
    actors: {
      parent: await make({ role: 'parent' }),
      teacher: await make({ role: 'teacher', schoolId }),
      school_admin: await make({ role: 'school_admin', schoolId }),
      manager,
      co_manager: await make({
        role: 'venue_manager',
        organisationId: manager.organisationId!,
        staffRole: 'co_manager',
      }),
      door_staff: await make({
        role: 'venue_manager',
        organisationId: manager.organisationId!,
        staffRole: 'door_staff',
      }),
      other_manager: await make({ role: 'venue_manager' }),
      bureau: await make({ role: 'bureau', regionPrefix: ADCODE }),
      other_bureau: await make({ role: 'bureau', regionPrefix: '31' }),
      admin: await make({ role: 'admin' }),
    },
  };
}

/** Tables a write may touch, one digest each: equal digests before and after mean nothing changed. */
const WATCHED = [
  'users',
  'sessions',
  'password_resets',
  'organisations',
  'organisation_members',
  'organisation_invitations',
  'schools',
  'school_claims',
  'school_members',
  'venues',
  'designations',
  'venue_claims',
  'venue_photos',
  'programmes',
  'slot_series',
  'slots',
  'bookings',
  'waitlist_entries',
  'idempotency_keys',
  'import_jobs',
  'outbox_messages',
  'audit_log',
];

export async function snapshotTables(db: Database['db']): Promise<Record<string, string>> {
  const parts = WATCHED.map(
    (t) => `SELECT '${t}' AS t, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS d FROM ${t} x`,
  );
  const rows = await queryRows<{ t: string; d: string }>(db, sql.raw(parts.join(' UNION ALL ')));
  return Object.fromEntries(rows.map((r) => [r.t, r.d]));
}
