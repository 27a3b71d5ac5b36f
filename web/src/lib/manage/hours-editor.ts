/**
 * The structured opening-hours editor's model and its OSM `opening_hours` string, both ways. The editor
 * covers what most venues publish — one interval per weekday, public holidays closed, open or as usual —
 * and reads back only strings of that shape; anything richer is edited as text.
 */

/** OSM weekday codes, Monday first (the editor's row order). */
export const WEEKDAY_CODES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

export interface DayRule {
  open: boolean;
  /** HH:MM */
  from: string;
  /** HH:MM */
  to: string;
}

/** Public holidays (PH): as on that weekday, closed, or open at their own times. */
export type HolidayRule = { mode: 'same' } | { mode: 'closed' } | { mode: 'open'; from: string; to: string };

export interface WeekHours {
  days: DayRule[];
  holidays: HolidayRule;
}

/** A typical museum week: closed Mondays, 09:00–17:00 otherwise, open on public holidays as usual. */
export function defaultWeek(): WeekHours {
  return {
    days: WEEKDAY_CODES.map((_, i) => ({ open: i !== 0, from: '09:00', to: '17:00' })),
    holidays: { mode: 'same' },
  };
}

/** The `opening_hours` string of a week: runs of days with equal times share one rule. */
export function toOpeningHours(week: WeekHours): string {
  const rules: string[] = [];
  let i = 0;
  while (i < 7) {
    const day = week.days[i]!;
    if (!day.open) {
      i += 1;
      continue;
    }
    let j = i;
    while (j + 1 < 7 && week.days[j + 1]!.open && sameTimes(week.days[j + 1]!, day)) j += 1;
    const span = j === i ? WEEKDAY_CODES[i] : `${WEEKDAY_CODES[i]}-${WEEKDAY_CODES[j]}`;
    rules.push(`${span} ${day.from}-${day.to}`);
    i = j + 1;
  }
  // Runs with equal times that are not adjacent become one rule: "Tu,Th 09:00-12:00".
  const merged = mergeByTimes(rules);
  if (merged.length === 0) merged.push('off');
  if (week.holidays.mode === 'closed') merged.push('PH off');
  if (week.holidays.mode === 'open') merged.push(`PH ${week.holidays.from}-${week.holidays.to}`);
  return merged.join('; ');
}

function sameTimes(a: DayRule, b: DayRule): boolean {
  return a.from === b.from && a.to === b.to;
}

function mergeByTimes(rules: string[]): string[] {
  const byTimes = new Map<string, string[]>();
  for (const rule of rules) {
    const [span, times] = rule.split(' ') as [string, string];
    byTimes.set(times, [...(byTimes.get(times) ?? []), span]);
  }
  return [...byTimes].map(([times, spans]) => `${spans.join(',')} ${times}`);
}

const TIME = '([01][0-9]|2[0-4]):[0-5][0-9]';
const RULE = new RegExp(
  `^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*) (${TIME})-(${TIME})$`,
);
const PH_RULE = new RegExp(`^PH (?:(off|closed)|(${TIME})-(${TIME}))$`);

/**
 * The week an `opening_hours` string describes, when it has the editor's shape; `null` otherwise
 * (the editor then offers the text).
 */
export function fromOpeningHours(text: string | null | undefined): WeekHours | null {
  const week: WeekHours = {
    days: WEEKDAY_CODES.map(() => ({ open: false, from: '09:00', to: '17:00' })),
    holidays: { mode: 'same' },
  };
  const value = (text ?? '').trim();
  if (value === '' || value === 'off' || value === 'closed') return value === '' ? null : week;
  for (const raw of value.split(';')) {
    const rule = raw.trim();
    if (rule === '' || rule === 'off') continue;
    const ph = PH_RULE.exec(rule);
    if (ph) {
      week.holidays = ph[1] ? { mode: 'closed' } : { mode: 'open', from: ph[2]!, to: ph[4]! };
      continue;
    }
    const match = RULE.exec(rule);
    if (!match) return null;
    const from = match[2]!;
    const to = match[4]!;
    for (const part of match[1]!.split(',')) {
      const [first, last = first] = part.split('-') as [string, string?];
      const a = WEEKDAY_CODES.indexOf(first as (typeof WEEKDAY_CODES)[number]);
      const b = WEEKDAY_CODES.indexOf(last as (typeof WEEKDAY_CODES)[number]);
      if (b < a) return null;
      for (let d = a; d <= b; d++) {
        // A later rule for the same day would replace the earlier one in OSM; the editor cannot show that.
        if (week.days[d]!.open) return null;
        week.days[d] = { open: true, from, to };
      }
    }
  }
  return week;
}
