/**
 * Demo bookings: in the embedded demo mode (and only there: the caller checks `config.demo`, which a
 * PostgreSQL deployment cannot turn on), a synthetic venue of the demo organisation with a few coming
 * slots and bookings, so a newcomer signing in as a demo account sees the consoles in use. Everything is
 * made through the real commands (createVenue, reviewVenue, createSlots, createBooking, decideBooking,
 * joinWaitlist, checkIn) as the demo accounts, so it is audited and told through the outbox like any
 * booking, and it obeys every booking rule.
 *
 * Every name says it is synthetic ("演示数据"). Idempotent across restarts: each scene is looked up by its
 * slot's title among the demo venue's slots that are still to come (today's, for the check-in scene) and
 * made again, on a new slot relative to today, only when none shows it any more. So the bookings are
 * always "coming", and the ones a restart leaves behind become the demo accounts' past bookings.
 */
import { and, asc, eq, gt, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { slotRoster } from '../../db/queries/check-ins.ts';
import { userColumns } from '../../db/queries/users.ts';
import { organisationMembers, schools, slots, users, venues } from '../../db/schema/index.ts';
import { addDays, localDayOf, localMidnight, MINUTE_MS } from '../../domain/hours/local-time.ts';
import { DEMO_SCHOOL } from '../../seeds/demo-accounts.ts';
import type { CurrentUser } from '../auth/access.ts';
import { runCommand, type SignedInActor } from '../commands/actor.ts';
import { checkIn } from '../commands/check-in.ts';
import { createBooking } from '../commands/create-booking.ts';
import { createSlots } from '../commands/create-slots.ts';
import { createVenue } from '../commands/create-venue.ts';
import { decideBooking } from '../commands/decide-booking.ts';
import { joinWaitlist } from '../commands/join-waitlist.ts';
import { reviewVenue } from '../commands/review-venue.ts';
import { presentRoster } from '../presenters/slot-roster.ts';

/** The demo venue: in Dongcheng beside the demo school, labelled synthetic in both languages. */
export const DEMO_VENUE_NAME = '开门演示场馆（演示数据，非真实场馆）';
const DEMO_VENUE = {
  name_zh: DEMO_VENUE_NAME,
  name_en: 'Kaimen demo venue (synthetic demo data, not a real venue)',
  kinds: ['science_center'],
  themes: ['science'],
  address_zh: '北京市东城区（演示地址，非真实场馆）',
  address_en: 'Dongcheng, Beijing (demo address, not a real venue)',
  admission_rule: '演示数据：此场馆不存在，预约仅供体验 Kaimen。Synthetic demo data: this venue does not exist.',
  minors_admission: 'free',
  booking_mode: 'online_required',
  grade_min: 1,
  grade_max: 9,
  group_max: 60,
  green_channel: true,
  adcode: '110101',
  lng: 116.4191,
  lat: 39.9301,
} as const;

/** The scenes, each on a slot of its own, by the slot's title (how a restart finds them again). */
export const DEMO_SCENES = {
  family: '亲子开放日（演示数据）Family open day (demo data)',
  groupRequest: '校园团体专场 · 绿色通道（演示数据）School group session (demo data)',
  full: '小小讲解员体验课（演示数据，已满）Young guides workshop (demo data, full)',
  today: '今日开放 · 到馆核验示例（演示数据）Open today: check-in example (demo data)',
} as const;
export type DemoScene = keyof typeof DEMO_SCENES;

const EMAILS = {
  parent: 'parent@demo.kaimen',
  teacher: 'teacher@demo.kaimen',
  manager: 'manager@demo.kaimen',
  door: 'door@demo.kaimen',
  bureau: 'bureau-dongcheng@demo.kaimen',
} as const;

const HOUR_MS = 60 * MINUTE_MS;
const NOTE = '演示数据（synthetic demo data）。请勿填写学生姓名。';

/** A Shanghai wall-clock time on a day, as an ISO instant. */
function at(day: string, hours: number, minutes = 0): string {
  return new Date(localMidnight(day) + hours * HOUR_MS + minutes * MINUTE_MS).toISOString();
}

/**
 * Makes whatever part of the demo bookings is missing (all of it on a first start) and answers which
 * scenes it made. Does nothing when the demo accounts are not there (ensureDemoAccounts makes them).
 */
export async function ensureDemoBookings(db: Db, now: Date = new Date()): Promise<DemoScene[]> {
  const actors = await demoActors(db);
  if (!actors) return [];
  const venueId = await ensureDemoVenue(db, actors);
  const today = localDayOf(now.getTime());
  const made: DemoScene[] = [];
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL));
  if (!school) return made;
  const group = (pupils: number, adults: number, slotId: string) => ({
    slot_id: slotId,
    kind: 'group' as const,
    school_id: school.id,
    pupils,
    adults,
    grade: 4,
    access_needs: [],
    note: NOTE,
  });
  const newSlot = async (scene: DemoScene, startsAt: string, endsAt: string, capacity: number, allocation = 0) => {
    const created = await runCommand(db, createSlots, actors.manager, {
      venueId,
      slots: {
        title: DEMO_SCENES[scene],
        capacity,
        single: { starts_at: startsAt, ends_at: endsAt },
        ...(allocation > 0 ? { school_allocation: allocation, allocation_release_hours: 72 } : {}),
      },
    });
    return created.slots[0]!.id;
  };

  if (!(await sceneShown(db, venueId, 'family', now))) {
    const day = addDays(today, 2);
    const slotId = await newSlot('family', at(day, 10), at(day, 11, 30), 30);
    await runCommand(db, createBooking, actors.parent, {
      slot_id: slotId,
      kind: 'family',
      adults: 1,
      children_by_band: { '0-5': 0, '6-12': 1, '13-17': 0 },
    });
    made.push('family');
  }
  if (!(await sceneShown(db, venueId, 'groupRequest', now))) {
    const day = addDays(today, 6);
    const slotId = await newSlot('groupRequest', at(day, 9, 30), at(day, 11, 30), 60, 40);
    // Groups wait for the venue's approval (the slot's default policy): the manager sees it pending.
    await runCommand(db, createBooking, actors.teacher, group(32, 3, slotId));
    made.push('groupRequest');
  }
  if (!(await sceneShown(db, venueId, 'full', now))) {
    const day = addDays(today, 3);
    const slotId = await newSlot('full', at(day, 14), at(day, 15, 30), 20);
    const request = await runCommand(db, createBooking, actors.teacher, group(18, 2, slotId));
    await runCommand(db, decideBooking, actors.manager, { bookingId: request.id, outcome: 'confirmed' });
    await runCommand(db, joinWaitlist, actors.parent, {
      slotId,
      party: { kind: 'family', adults: 1, children_by_band: { '0-5': 0, '6-12': 1, '13-17': 0 } },
    });
    made.push('full');
  }
  const todaySlot = todaySlotTimes(now);
  if (todaySlot && !(await sceneShown(db, venueId, 'today', now))) {
    const slotId = await newSlot('today', todaySlot.startsAt, todaySlot.endsAt, 40);
    const booking = await runCommand(db, createBooking, actors.parent, {
      slot_id: slotId,
      kind: 'family',
      adults: 2,
      children_by_band: { '0-5': 1, '6-12': 1, '13-17': 0 },
    });
    await runCommand(db, checkIn, actors.door, { code: booking.code, venueId });
    made.push('today');
  }
  return made;
}

/**
 * Today's scene's slot: from the next quarter hour at least ten minutes away (slots are made in the
 * future) for two hours, within the day; none late in the evening, when the scene waits for a later start.
 */
export function todaySlotTimes(now: Date): { startsAt: string; endsAt: string } | undefined {
  const today = localDayOf(now.getTime());
  const quarter = 15 * MINUTE_MS;
  const startsAt = Math.ceil((now.getTime() + 10 * MINUTE_MS) / quarter) * quarter;
  const endsAt = Math.min(startsAt + 2 * HOUR_MS, localMidnight(addDays(today, 1)) - MINUTE_MS);
  if (localDayOf(startsAt) !== today || endsAt - startsAt < 30 * MINUTE_MS) return undefined;
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
}

/** What each scene shows in the manager's slot view (the counts of GET /api/manage/slots/{id}/bookings). */
async function sceneShown(db: Db, venueId: string, scene: DemoScene, now: Date): Promise<boolean> {
  const today = localDayOf(now.getTime());
  // Today's scene is today's slot, started or not; the others' slots are still to come.
  const from = scene === 'today' ? new Date(localMidnight(today)) : now;
  const until = scene === 'today' ? new Date(localMidnight(addDays(today, 1))) : undefined;
  const candidates = await db
    .select({ id: slots.id })
    .from(slots)
    .where(
      and(
        eq(slots.venueId, venueId),
        eq(slots.title, DEMO_SCENES[scene]),
        eq(slots.status, 'scheduled'),
        scene === 'today' ? gte(slots.startsAt, from) : gt(slots.startsAt, from),
        until ? lt(slots.startsAt, until) : undefined,
      ),
    )
    .orderBy(asc(slots.startsAt));
  for (const { id } of candidates) {
    const roster = await slotRoster(db, id);
    if (!roster) continue;
    const { counts } = presentRoster(roster);
    const shown = {
      family: counts.booked.bookings > 0,
      groupRequest: counts.pending.bookings > 0,
      full: counts.waitlisted.entries > 0 && counts.places_taken >= counts.capacity,
      today: counts.checked_in.bookings > 0,
    }[scene];
    if (shown) return true;
  }
  return false;
}

type DemoActors = Record<keyof typeof EMAILS, SignedInActor>;

/** The demo accounts as the commands' actors (a start-up job, not a request: no session, no address). */
async function demoActors(db: Db): Promise<DemoActors | undefined> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(inArray(users.email, Object.values(EMAILS)));
  const actors: Partial<DemoActors> = {};
  for (const [key, email] of Object.entries(EMAILS) as [keyof typeof EMAILS, string][]) {
    const row = rows.find((r) => r.email === email);
    if (!row) return undefined;
    const user: CurrentUser = { ...row, csrfToken: '' };
    actors[key] = { user, ip: '127.0.0.1' };
  }
  return actors as DemoActors;
}

/** The demo organisation's venue: created by the demo manager and approved by the Dongcheng bureau, once. */
async function ensureDemoVenue(db: Db, actors: DemoActors): Promise<string> {
  const [found] = await db
    .select({ id: venues.id })
    .from(venues)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, venues.organisationId))
    .where(and(eq(venues.nameZh, DEMO_VENUE_NAME), eq(organisationMembers.userId, actors.manager.user.id)));
  if (found) return found.id;
  const venue = await runCommand(db, createVenue, actors.manager, {
    ...DEMO_VENUE,
    kinds: [...DEMO_VENUE.kinds],
    themes: [...DEMO_VENUE.themes],
  });
  await runCommand(db, reviewVenue, actors.bureau, { venueId: venue.venue.id, outcome: 'approved', reason: null });
  return venue.venue.id;
}
