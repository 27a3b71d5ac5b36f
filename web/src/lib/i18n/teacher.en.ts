/** English strings of a teacher's group booking, its printable confirmation and the school's trips. */
import type { AccessibilityNeed } from '$domain/vocab.ts';
import type { TeacherMessages } from './teacher.zh-CN';

const needs: Record<AccessibilityNeed, string> = {
  wheelchair: 'A pupil uses a wheelchair',
  hearing: 'A pupil is deaf or hard of hearing',
  visual: 'A pupil is blind or partially sighted',
  cognitive: 'A pupil needs cognitive support',
};

const errors: Record<string, string> = {
  GROUP_NEEDS_ADULT: 'A school group comes with at least one teacher or other adult.',
  GROUP_TOO_SMALL: 'This is fewer pupils than this programme takes as a group.',
  GROUP_TOO_LARGE: 'This is more pupils than this programme takes as a group.',
  GRADE_NOT_SERVED: 'This programme does not take the chosen grade.',
  NOT_SCHOOL_TEACHER: 'Only teachers the school has confirmed may book a group for it.',
  SCHOOL_NOT_FOUND: 'The chosen school was not found.',
  GROUP_NEEDS_TEACHER: 'School groups are booked by teachers; parents book family places.',
  SOLD_OUT:
    'Not enough places: someone booked them just now. The places left are updated; choose fewer people or another time.',
};

export const teacherMessages: TeacherMessages = {
  kindLegend: 'Booking for',
  kindFamily: 'My family',
  kindGroup: 'A school group (a class)',
  groupLegend: 'The class',
  school: 'School',
  pupils: 'Pupils',
  adults: 'Teachers and other adults',
  grade: 'Grade',
  needsLegend: 'Access needs (choose any)',
  need: (need: string) => needs[need as AccessibilityNeed] ?? need,
  note: 'Note for the venue',
  noteHint: 'Do not write any pupil’s name or ID number; only what the venue needs to know, such as how you arrive.',
  total: (n: number) => `${n} ${n === 1 ? 'person' : 'people'} in all`,
  schoolUnverified:
    'Your school is not yet verified by the education bureau: this time it can take public places only.',
  planHeading: 'Before you confirm',
  planSchool: (n: number) => `Takes ${n} school-allocation ${n === 1 ? 'place' : 'places'} (the green channel).`,
  planPublic: (n: number) => `Takes ${n} public ${n === 1 ? 'place' : 'places'}.`,
  planBoth: (school: number, pub: number) =>
    `Takes ${school} school-allocation places (the green channel) and ${pub} public places.`,
  planNoFit: (n: number) =>
    n === 0
      ? 'This time has no places a school group can book.'
      : `Not enough places: a school group can book at most ${n}.`,
  planEmpty: 'First say how many pupils and adults are coming.',
  cancelBy: (at: string) => `You can cancel it in My bookings until ${at}.`,
  cancelPassed: 'The cancellation deadline has passed: to cancel after sending, contact the venue.',
  approvalNeeded:
    'The venue approves group requests: the booking waits as “Waiting for the venue”, its places held, until the venue approves it.',
  approvalNotNeeded: 'No approval needed: the booking is confirmed at once.',
  placesForGroups: (school: number, pub: number) => `${school} school-allocation places and ${pub} public places left`,
  confirm: 'Request the group booking',
  confirming: 'Sending…',
  party: (pupils: number, adults: number) =>
    `${pupils} ${pupils === 1 ? 'pupil' : 'pupils'}, ${adults} ${adults === 1 ? 'adult' : 'adults'}`,
  channel: (school: number, pub: number) =>
    school > 0 && pub > 0
      ? `${school} school-allocation places + ${pub} public places`
      : school > 0
        ? `${school} school-allocation places (green channel)`
        : `${pub} public places`,
  declinedReason: (reason: string) => `The venue says: ${reason}`,
  print: 'Print the confirmation',
  printTitle: 'Group booking confirmation',
  printNow: 'Print',
  backToBooking: '← Back to the booking',
  venue: 'Venue',
  time: 'Time',
  address: 'Address',
  contact: 'Venue phone',
  status: 'Status',
  bookedBy: 'Booked by',
  accessNeeds: 'Access needs',
  none: 'None',
  bringHeading: 'Please bring',
  bring: [
    'This confirmation (printed, or the code and QR code on a phone)',
    'The leading teacher’s staff or teacher card',
    'A head count sheet (numbers only: the venue needs no list of pupils’ names)',
    'Drinking water and clothes fit for the activity',
  ],
  admissionRule: (rule: string) => `The venue’s admission rule: ${rule}`,
  notConfirmedYet: 'The venue has not confirmed this booking yet; this page is for reference only.',
  errorCode: (code: string): string | undefined => errors[code],
  trips: {
    heading: (school: string) => `${school}: trips`,
    intro: "Your teachers' group bookings, coming and past, by teacher and class size.",
    coming: 'Coming',
    past: 'Past',
    none: 'None.',
    loading: 'Loading…',
    teacher: 'Teacher',
    klass: 'Class',
    venue: 'Venue',
    time: 'Time',
    status: 'Status',
    size: (pupils: number, adults: number) => `${pupils} pupils / ${adults} adults`,
  },
};
