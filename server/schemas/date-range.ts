import { Errors } from '../errors.ts';
import { addDays, localMidnight } from '../../domain/hours/local-time.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a query's range bound: a Shanghai date (its start, or for `to` the start of the next day, so
 * a date range includes its last day) or an ISO date-time with a zone. Throws INVALID_DATE_RANGE.
 */
export function parseBound(value: string, edge: 'from' | 'to'): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return new Date(localMidnight(edge === 'to' ? addDays(value, 1) : value));
    } catch {
      throw Errors.invalidDateRange(`${edge} is not a calendar day: ${value}`);
    }
  }
  if (DATE_TIME.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw Errors.invalidDateRange(`${edge} must be YYYY-MM-DD or an ISO date-time with a time zone`);
}
