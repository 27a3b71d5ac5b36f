/**
 * A sample schedule of open days for some of the seeded venues, so "what's on" has something to show
 * on a fresh install. Every slot is marked `is_sample`: the venues did not announce them. The plan is
 * pure and deterministic (a venue's share and sizes come from a hash of its seed id); loading it is
 * idempotent and only adds slots from today on, so running it again tops the window up.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { slots, venues } from '../db/schema/index.ts';
import { addDays, localMidnight, weekdayIndex } from '../domain/hours/local-time.ts';
import { CURATED_SOURCE } from './files.ts';

/** Kinds that typically run guided open days and school sessions. */
const SAMPLE_KINDS = new Set([
  'museum',
  'science_center',
  'library',
  'memorial_hall',
  'art_gallery',
  'heritage_hall',
  'cultural_center',
  'youth_palace',
  'children_center',
  'practice_base',
  'community_station',
]);

export interface SampleVenue {
  id: string;
  sourceRef: string;
  kinds: string[];
  openingHours: string | null;
}

/** Whether a venue is known to be closed on a day; unknown hours count as open (it is its own event). */
export type ClosedOn = (venue: SampleVenue, day: string) => boolean;

export interface PlannedSlot {
  venueId: string;
  kind: 'open_day';
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  schoolAllocation: number;
  allocationReleaseAt: Date | null;
  bookingOpensAt: Date;
  bookingClosesAt: Date;
  isSample: true;
}

const HOUR = 60 * 60 * 1000;

function hash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** A Shanghai wall-clock time on a day, as an instant. */
function at(day: string, hours: number, minutes = 0): Date {
  return new Date(localMidnight(day) + (hours * 60 + minutes) * 60 * 1000);
}

/**
 * Plans `days` days from `today`: every Saturday a family open day (09:30–11:30), and every working
 * Wednesday a school-group session (09:30–11:30) with 40 of 60 places reserved for schools until three
 * days before. About a third of the eligible venues take part.
 */
export function planSampleSlots(
  list: SampleVenue[],
  options: { today: string; days: number; closedOn: ClosedOn; isDayOff: (day: string) => boolean },
): PlannedSlot[] {
  const planned: PlannedSlot[] = [];
  const taking = list.filter((v) => v.kinds.some((k) => SAMPLE_KINDS.has(k)) && hash(v.sourceRef) % 3 === 0);
  for (let i = 1; i <= options.days; i++) {
    const day = addDays(options.today, i);
    const dow = weekdayIndex(day);
    for (const venue of taking) {
      if (options.closedOn(venue, day)) continue;
      const size = hash(`${venue.sourceRef}:size`) % 4;
      if (dow === 5) {
        const startsAt = at(day, 9, 30);
        planned.push({
          venueId: venue.id,
          kind: 'open_day',
          title: '开放日 · 亲子导览（示例）',
          startsAt,
          endsAt: at(day, 11, 30),
          capacity: 30 + size * 10,
          schoolAllocation: 0,
          allocationReleaseAt: null,
          bookingOpensAt: new Date(startsAt.getTime() - 14 * 24 * HOUR),
          bookingClosesAt: new Date(startsAt.getTime() - 24 * HOUR),
          isSample: true,
        });
      } else if (dow === 2 && !options.isDayOff(day)) {
        const startsAt = at(day, 9, 30);
        planned.push({
          venueId: venue.id,
          kind: 'open_day',
          title: '校园团体专场 · 绿色通道（示例）',
          startsAt,
          endsAt: at(day, 11, 30),
          capacity: 60,
          schoolAllocation: 40,
          allocationReleaseAt: new Date(startsAt.getTime() - 72 * HOUR),
          bookingOpensAt: new Date(startsAt.getTime() - 21 * 24 * HOUR),
          bookingClosesAt: new Date(startsAt.getTime() - 48 * HOUR),
          isSample: true,
        });
      }
    }
  }
  return planned;
}

/** Adds the sample schedule for the next `days` days to the curated venues; returns how many were new. */
export async function loadSampleSchedule(
  db: Db,
  options: { today: string; days: number; closedOn: ClosedOn; isDayOff: (day: string) => boolean },
): Promise<number> {
  const list = await db
    .select({
      id: venues.id,
      sourceRef: sql<string>`${venues.sourceRef}`,
      kinds: venues.kinds,
      openingHours: venues.openingHours,
    })
    .from(venues)
    .where(and(eq(venues.source, CURATED_SOURCE), eq(venues.status, 'published')));
  const planned = planSampleSlots(list, options);
  let added = 0;
  for (let i = 0; i < planned.length; i += 200) {
    const inserted = await db
      .insert(slots)
      .values(planned.slice(i, i + 200))
      .onConflictDoNothing({ target: [slots.venueId, slots.startsAt], where: sql`is_sample` })
      .returning({ id: slots.id });
    added += inserted.length;
  }
  return added;
}
