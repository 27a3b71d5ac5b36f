/**
 * Parser for the subset of OSM `opening_hours` (https://wiki.openstreetmap.org/wiki/Key:opening_hours)
 * that Kaimen evaluates. Anything outside the subset is refused with an OpeningHoursSyntaxError rather
 * than approximated: a guessed "open" on a venue page sends a family to a closed door.
 */
import { MINUTES_PER_DAY } from './local-time.ts';
import {
  OpeningHoursSyntaxError,
  WEEKDAYS,
  type DaySelector,
  type MonthDayRange,
  type OpeningHours,
  type Rule,
  type TimeSpan,
  type Weekday,
} from './types.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Longest length of each month; Feb 29 is allowed because a selector may name it. */
const MONTH_LENGTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Words of the full syntax that are recognised but refused, with the reason shown to the editor. */
const UNSUPPORTED = new Map<string, string>([
  ['SH', 'school holidays (SH) are not supported'],
  ['week', 'week-number selectors are not supported'],
  ['easter', 'easter dates are not supported'],
  ['sunrise', 'variable times (sunrise, sunset, dawn, dusk) are not supported'],
  ['sunset', 'variable times (sunrise, sunset, dawn, dusk) are not supported'],
  ['dawn', 'variable times (sunrise, sunset, dawn, dusk) are not supported'],
  ['dusk', 'variable times (sunrise, sunset, dawn, dusk) are not supported'],
  ['unknown', 'the "unknown" state is not supported'],
]);

const ALL_DAY: TimeSpan = { start: 0, end: MINUTES_PER_DAY };

const isWeekday = (word: string): word is Weekday => (WEEKDAYS as readonly string[]).includes(word);
const isDayWord = (word: string) => isWeekday(word) || word === 'PH';
const isMonth = (word: string) => MONTHS.includes(word);
const monthDay = (month: number, day: number) => month * 100 + day;

/**
 * Parses an `opening_hours` value in Kaimen's subset: `;` and `,` rules, `24/7`, weekdays and
 * weekday ranges/lists with `PH`, months and month-day ranges, `HH:MM-HH:MM` spans (past midnight
 * and `24:00` included), `off`/`closed`/`open`, and trailing "comments". Throws OpeningHoursSyntaxError
 * for anything else, including the `||` fallback separator. Keywords are case-sensitive, as in OSM.
 */
export function parseOpeningHours(text: string): OpeningHours {
  return { source: text, rules: new Parser(text).rules() };
}

/**
 * The parsed hours, or undefined when a venue has none or they are not understood: such hours stay
 * unknown everywhere (no date-filter rows, "unknown" on the venue page), never "closed".
 */
export function knownOpeningHours(text: string | null): OpeningHours | undefined {
  if (!text) return undefined;
  try {
    return parseOpeningHours(text);
  } catch {
    return undefined;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly text: string) {}

  rules(): Rule[] {
    this.skipSpace();
    if (this.atEnd()) this.fail('opening hours are empty');
    const rules: Rule[] = [];
    let additional = false;
    for (;;) {
      rules.push(this.rule(additional));
      this.skipSpace();
      if (this.atEnd()) return rules;
      if (this.text.startsWith('||', this.pos)) this.fail('fallback rules ("||") are not supported');
      const separator = this.text.charAt(this.pos);
      if (separator !== ';' && separator !== ',') this.fail(`unexpected "${this.found()}"`);
      this.pos += 1;
      additional = separator === ',';
      this.skipSpace();
      if (this.atEnd()) this.fail(`a rule is missing after "${separator}"`);
    }
  }

  private rule(additional: boolean): Rule {
    const start = this.pos;
    let months: MonthDayRange[] | undefined;
    let days: DaySelector | undefined;
    let spans: TimeSpan[] | undefined;
    const allWeek = this.text.startsWith('24/7', this.pos);
    if (allWeek) {
      this.pos += 4;
      this.skipSpace();
    } else {
      if (isMonth(this.word())) months = this.monthSelector();
      this.skipSpace();
      if (isDayWord(this.word())) days = this.daySelector();
      this.skipSpace();
      if (this.atDigit()) spans = this.timeSpans();
      this.skipSpace();
    }
    const closed = this.modifier();
    const comment = this.text.charAt(this.pos) === '"' ? this.comment() : undefined;
    if (!allWeek && !months && !days && !spans) this.fail('a rule needs days or times', start);
    // OSM leaves "Mo 12:00-14:00 off" open to readings (close just those hours? the whole day?); refuse it.
    if (closed && spans) this.fail('"off" with times is not supported: a closing rule closes whole days', start);
    return { additional, months, days, spans: closed ? [] : (spans ?? [ALL_DAY]), closed, comment };
  }

  /** Reads an optional `off` / `closed` / `open`; true when the rule closes its days. */
  private modifier(): boolean {
    const word = this.word();
    if (!word) return false;
    if (word === 'off' || word === 'closed' || word === 'open') {
      this.pos += word.length;
      this.skipSpace();
      return word !== 'open';
    }
    if (isMonth(word)) this.fail(`month "${word}" must come before weekdays and times`);
    if (isDayWord(word)) this.fail(`"${word}" must come before times`);
    return this.fail(UNSUPPORTED.get(word) ?? `"${word}" is not understood`);
  }

  private comment(): string {
    const close = this.text.indexOf('"', this.pos + 1);
    if (close < 0) this.fail('the comment has no closing quote');
    const comment = this.text.slice(this.pos + 1, close);
    this.pos = close + 1;
    return comment;
  }

  private monthSelector(): MonthDayRange[] {
    const ranges: MonthDayRange[] = [];
    do ranges.push(this.monthRange());
    while (this.listContinues(() => isMonth(this.word())));
    return ranges;
  }

  /** `Apr`, `Apr-Oct`, `Dec 25`, `Dec 24-26` or `Mar 15-Nov 14`. */
  private monthRange(): MonthDayRange {
    const fromMonth = this.month();
    const fromDay = this.dayOfMonth(fromMonth);
    if (!this.token('-')) {
      return fromDay === undefined
        ? { from: monthDay(fromMonth, 1), to: monthDay(fromMonth, 31) }
        : { from: monthDay(fromMonth, fromDay), to: monthDay(fromMonth, fromDay) };
    }
    if (fromDay === undefined) {
      const toMonth = this.month();
      if (this.dayOfMonth(toMonth) !== undefined) this.fail('a range from a whole month must end at a whole month');
      return { from: monthDay(fromMonth, 1), to: monthDay(toMonth, 31) };
    }
    if (isMonth(this.word())) {
      const toMonth = this.month();
      const toDay = this.dayOfMonth(toMonth) ?? this.fail('a range from a day must end at a day, like "Nov 14"');
      return { from: monthDay(fromMonth, fromDay), to: monthDay(toMonth, toDay) };
    }
    const toDay = this.dayOfMonth(fromMonth) ?? this.fail('expected a month or a day after "-"');
    if (toDay < fromDay) this.fail('a day range inside one month must go forward');
    return { from: monthDay(fromMonth, fromDay), to: monthDay(fromMonth, toDay) };
  }

  /** Consumes a month name and returns 1–12. */
  private month(): number {
    const word = this.word();
    const index = MONTHS.indexOf(word);
    if (index < 0) this.fail(`expected a month (Jan…Dec), found "${this.found()}"`);
    this.pos += word.length;
    return index + 1;
  }

  /** An optional day number after a month; a number followed by ':' is a time, not a day. */
  private dayOfMonth(month: number): number | undefined {
    const save = this.pos;
    this.skipSpace();
    const match = this.peek(/\d{1,2}(?![\d:])/y);
    if (!match) {
      this.pos = save;
      return undefined;
    }
    const day = Number(match[0]);
    if (day < 1 || day > (MONTH_LENGTHS[month - 1] ?? 0)) this.fail(`${MONTHS[month - 1]} has no day ${day}`);
    this.pos += match[0].length;
    return day;
  }

  /** `Mo`, `Mo-Fr`, wrapping `Sa-Mo`, `PH`, and comma lists of those. */
  private daySelector(): DaySelector {
    const chosen = new Set<Weekday>();
    let publicHoliday = false;
    do {
      const from = this.word();
      this.pos += from.length;
      if (from === 'PH') {
        publicHoliday = true;
        continue;
      }
      let to = from;
      this.refuseNth();
      if (this.token('-')) {
        to = this.word();
        if (!isWeekday(to)) this.fail(`expected a weekday after "-", found "${this.found()}"`);
        this.pos += to.length;
        this.refuseNth();
      }
      // Walk forward through the week so that Sa-Mo means Saturday, Sunday, Monday.
      for (let i = WEEKDAYS.indexOf(from as Weekday); ; i = (i + 1) % 7) {
        const day = WEEKDAYS[i] as Weekday;
        chosen.add(day);
        if (day === to) break;
      }
    } while (this.listContinues(() => isDayWord(this.word())));
    return { weekdays: WEEKDAYS.filter((day) => chosen.has(day)), publicHoliday };
  }

  private refuseNth(): void {
    if (this.text.charAt(this.pos) === '[') this.fail('nth-weekday selectors like "Su[1]" are not supported');
  }

  private timeSpans(): TimeSpan[] {
    const spans: TimeSpan[] = [];
    do spans.push(this.timeSpan());
    while (this.listContinues(() => this.atDigit()));
    return spans;
  }

  /** `HH:MM-HH:MM`; an end at or before the start, or past 24:00, runs into the next day. */
  private timeSpan(): TimeSpan {
    const at = this.pos;
    const start = this.time();
    if (start >= MINUTES_PER_DAY) this.fail('a span cannot start at 24:00 or later', at);
    if (!this.token('-')) {
      if (this.text.charAt(this.pos) === '+') this.fail('open-ended times like "10:00+" are not supported');
      this.fail('expected "-" and an end time (single points in time are not supported)');
    }
    let end = this.time();
    if (end === start) this.fail('a span must not start and end at the same time', at);
    // OSM reads "18:00-02:00" as ending at 02:00 the next day; store it as 26:00 of the start day.
    if (end < start) end += MINUTES_PER_DAY;
    if (end > 2 * MINUTES_PER_DAY) this.fail('a span cannot end later than 48:00', at);
    const next = this.text.charAt(this.pos);
    if (next === '+') this.fail('open-ended times like "10:00+" are not supported');
    if (next === '/') this.fail('repeating times like "10:00-16:00/01:30" are not supported');
    return { start, end };
  }

  private time(): number {
    const match = this.peek(/(\d{2}):(\d{2})(?!\d)/y);
    if (!match) return this.fail(`expected a time as HH:MM, found "${this.found()}"`);
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if (hours > 48 || minutes > 59) this.fail(`"${match[0]}" is not a time`);
    this.pos += match[0].length;
    return hours * 60 + minutes;
  }

  /** Consumes `,` when the list goes on with another item of the same kind; otherwise the comma separates rules. */
  private listContinues(nextIsItem: () => boolean): boolean {
    const save = this.pos;
    if (this.token(',') && nextIsItem() && !this.text.startsWith('24/7', this.pos)) return true;
    this.pos = save;
    return false;
  }

  /** Consumes `symbol` with any spaces around it, or nothing. */
  private token(symbol: string): boolean {
    const save = this.pos;
    this.skipSpace();
    if (this.text.startsWith(symbol, this.pos)) {
      this.pos += symbol.length;
      this.skipSpace();
      return true;
    }
    this.pos = save;
    return false;
  }

  private peek(sticky: RegExp): RegExpExecArray | null {
    sticky.lastIndex = this.pos;
    return sticky.exec(this.text);
  }

  private word(): string {
    return this.peek(/[A-Za-z]+/y)?.[0] ?? '';
  }

  /** The token at the cursor, for error messages. */
  private found(): string {
    return this.peek(/[A-Za-z]+|[\d:]+|\S/y)?.[0] ?? 'the end';
  }

  private atDigit(): boolean {
    return /\d/.test(this.text.charAt(this.pos));
  }

  private atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  private skipSpace(): void {
    while (/\s/.test(this.text.charAt(this.pos))) this.pos += 1;
  }

  private fail(reason: string, at = this.pos): never {
    throw new OpeningHoursSyntaxError(this.text, at, reason);
  }
}
