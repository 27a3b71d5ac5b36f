/**
 * The parsed form of an `opening_hours` value, shared by the parser (syntax.ts) and the evaluator
 * (opening-hours.ts).
 */

/** OSM weekday abbreviations in ISO order, Monday first. */
export const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes after the midnight starting the day the rule matched; `end` > `start` and may pass 1440 (into the next day). */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

/** Month-day ordinals (month × 100 + day, e.g. 315 for Mar 15); `from` > `to` wraps over the new year. */
export interface MonthDayRange {
  readonly from: number;
  readonly to: number;
}

/** A weekday selector: the listed weekdays, plus every public holiday when `PH` is listed. */
export interface DaySelector {
  readonly weekdays: readonly Weekday[];
  readonly publicHoliday: boolean;
}

/** One rule of an `opening_hours` value, in source order. */
export interface Rule {
  /** Joined to the previous rule by ',' (adds to it) rather than ';' (replaces it on the days it matches). */
  readonly additional: boolean;
  /** Month-day ranges, any of which must contain the day; undefined means all year. */
  readonly months?: readonly MonthDayRange[];
  /** Weekday/PH selector; undefined means every day of the week. */
  readonly days?: DaySelector;
  /** Open spans on a matched day: empty when closed, the whole day when the rule gives no times. */
  readonly spans: readonly TimeSpan[];
  /** `off` / `closed`: the rule closes the days it matches. */
  readonly closed: boolean;
  /** The trailing "comment", kept as a note for people; it never changes the evaluation. */
  readonly comment?: string;
}

/** A parsed `opening_hours` value. */
export interface OpeningHours {
  readonly source: string;
  readonly rules: readonly Rule[];
}

/** The value is not in the supported subset; `reason` says what was not understood and `position` where (0-based). */
export class OpeningHoursSyntaxError extends Error {
  override name = 'OpeningHoursSyntaxError';
  constructor(
    readonly source: string,
    readonly position: number,
    readonly reason: string,
  ) {
    super(`${reason} (at character ${position + 1} of "${source}")`);
  }
}
