/** English strings for getting to a venue and planning a visit, merged into `messages` (en.ts). */

import type { MapApp } from '$lib/venue/directions';
import { allDay, wholeMonths, type DayRuns, type HoursSummary, type OpenLine } from '$lib/venue/hours-words';
import type { VisitMessages } from './visit.zh-CN';

const WEEKDAY_NAMES: Record<string, string> = {
  Mo: 'Mon',
  Tu: 'Tue',
  We: 'Wed',
  Th: 'Thu',
  Fr: 'Fri',
  Sa: 'Sat',
  Su: 'Sun',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayName = (day: string) => WEEKDAY_NAMES[day] ?? day;
const monthName = (month: number) => MONTHS[month - 1] ?? String(month);

/** Tue–Sun; Sat, Sun; Mon, Wed–Fri. */
function runsText(runs: DayRuns): string {
  if (runs.length === 1 && runs[0]!.length === 7) return 'Daily';
  return runs
    .map((run) => (run.length >= 3 ? `${dayName(run[0]!)}–${dayName(run.at(-1)!)}` : run.map(dayName).join(', ')))
    .join(', ');
}

const spansText = (spans: OpenLine['spans']) =>
  allDay(spans) ? 'open 24 hours' : spans.map((s) => `${s.start}–${s.end}`).join(', ');

const monthDayText = (md: number) => `${md % 100} ${monthName(Math.floor(md / 100))}`;

function seasonText(season: { from: number; to: number }): string {
  const whole = wholeMonths(season);
  if (whole) {
    return whole.fromMonth === whole.toMonth
      ? monthName(whole.fromMonth)
      : `${monthName(whole.fromMonth)}–${monthName(whole.toMonth)}`;
  }
  return `${monthDayText(season.from)} – ${monthDayText(season.to)}`;
}

/** One line per season ("Apr–Oct: Tue–Sun 08:30–17:00, closed Mon"), public holidays last. */
function hoursLines(summary: HoursSummary): string[] {
  const seasons = summary.seasons.map(({ season, week }) => {
    const parts = week.open.map((line) => `${runsText(line.runs)} ${spansText(line.spans)}`);
    if (week.closed.length > 0) parts.push(`closed ${runsText(week.closed)}`);
    const text = week.open.length === 0 ? 'Closed' : parts.join(', ');
    return season ? `${seasonText(season)}: ${text}` : text;
  });
  const holidays = summary.publicHolidays;
  if (holidays) {
    seasons.push(holidays.closed ? 'closed on public holidays' : `public holidays ${spansText(holidays.spans)}`);
  }
  return seasons;
}

const apps: Record<MapApp, string> = { amap: 'Amap', baidu: 'Baidu Maps', apple: 'Apple Maps' };

/** Every visit string in English. */
export const visitMessages: VisitMessages = {
  hoursLines,
  hoursInWords: (summary: HoursSummary) => hoursLines(summary).join('; '),
  hoursRegularCaption: 'Regular hours',
  hoursComment: (text: string) => `Note: ${text}`,

  notesHeading: 'Good to know',
  dataDetails: 'Data details (entry id, coordinates, hours as coded)',
  titlesChineseOnly: 'The titles are given in Chinese only.',

  gettingThereHeading: 'Getting there',
  directionsLabel: 'Directions in a map app',
  directionsTo: (app: MapApp) => apps[app],
  directionsLinkLabel: (app: MapApp, name: string) => `Directions to ${name} in ${apps[app]} (opens in a new window)`,
  directionsNote: 'Each link carries the point converted to that app’s coordinate system.',
  copyAddress: 'Copy address',
  copyAddressLabel: (address: string) => `Copy address: ${address}`,
  addressCopied: 'Address copied',
  copyFailed: 'Could not copy; select the address and copy it by hand',
  contactsHeading: 'Contact',

  chineseNameOnly: 'Chinese name only',
  chineseAddressOnly: 'Address in Chinese only',

  whatsOnLink: 'What’s on',
  whatsOnTitle: 'What’s on this week · Kaimen',
  whatsOnHeading: 'What’s on this week',
  whatsOnIntro: (place: string | null) =>
    place
      ? `Open days and sessions at venues near ${place} in the next seven days, by day.`
      : 'Open days and sessions at venues in the next seven days, by day.',
  whatsOnNearMapCentre: 'the map’s centre',
  whatsOnEmptyDay: 'Nothing on this day.',
  whatsOnEmpty: 'No open days or sessions nearby in the next seven days. Try moving the map elsewhere first.',
  whatsOnMore: 'Only the first sessions are shown; a smaller area shows more.',
  whatsOnDistance: (metres: number) => (metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`),
  whatsOnPlacesTotal: (n: number) => `${n} ${n === 1 ? 'place' : 'places'} left`,
  whatsOnDayHeading: (label: string, weekday: string, count: number) =>
    `${weekday} ${label} · ${count} ${count === 1 ? 'session' : 'sessions'}`,
  whatsOnBackToMap: 'Back to the map',
};
