/**
 * An audit entry's before and after as a person reads them: one line per field that changed, nested
 * objects flattened to dotted paths (`group_policy.max_size`), lists written out, long text shortened.
 * A creation lists every field it set; a deletion every field it removed.
 */
import type { ApiAnswer } from '$lib/api/client';

/** One entry of `GET /api/audit`. */
export type AuditEntry = ApiAnswer<'/api/audit'>['items'][number];

/** One changed field. */
export interface FieldChange {
  /** Dotted path of the field, e.g. `name_zh` or `contacts.phone`. */
  field: string;
  change: 'added' | 'removed' | 'changed';
  /** Readable values; null when the field did not exist on that side. */
  before: string | null;
  after: string | null;
}

/** Fields that change on every write and would only hide the real change. */
const NOISE = new Set(['updated_at', 'search_grams']);

const MAX_TEXT = 160;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Leaves of a value as path → value; arrays and scalars are leaves, objects are walked (to depth 3). */
export function flatten(
  value: unknown,
  prefix = '',
  depth = 0,
  out = new Map<string, unknown>(),
): Map<string, unknown> {
  if (isPlainObject(value) && depth < 3 && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) {
      if (depth === 0 && NOISE.has(key)) continue;
      flatten(v, prefix ? `${prefix}.${key}` : key, depth + 1, out);
    }
  } else if (prefix) out.set(prefix, value);
  return out;
}

/** A value in a line: '—' for empty, lists joined, objects as compact JSON, long text shortened. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return shorten(value.map((v) => (isPlainObject(v) || Array.isArray(v) ? JSON.stringify(v) : String(v))).join(', '));
  }
  if (isPlainObject(value)) return shorten(JSON.stringify(value));
  return shorten(String(value));
}

function shorten(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between `before` and `after`, in the order they first appear (before's order,
 * then fields only after has). Values that are not objects (e.g. a bare status) count as one field, `value`.
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const wrap = (v: unknown) => (v === null || v === undefined ? {} : isPlainObject(v) ? v : { value: v });
  const a = flatten(wrap(before));
  const b = flatten(wrap(after));
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const inBefore = a.has(field);
    const inAfter = b.has(field);
    if (inBefore && inAfter) {
      if (!same(a.get(field), b.get(field))) {
        changes.push({
          field,
          change: 'changed',
          before: formatValue(a.get(field)),
          after: formatValue(b.get(field)),
        });
      }
    } else if (inAfter) {
      // A creation lists what it set; empty fields of a new entity say nothing.
      const value = b.get(field);
      if ((before !== null && before !== undefined) || formatValue(value) !== '—') {
        changes.push({ field, change: 'added', before: null, after: formatValue(value) });
      }
    } else {
      changes.push({ field, change: 'removed', before: formatValue(a.get(field)), after: null });
    }
  }
  return changes;
}

/** A moment as Shanghai wall time, `YYYY-MM-DD HH:mm:ss`, whatever the reader's own time zone. */
export function shanghaiTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The entity types the filter offers (the server takes any `[a-z_]` name). */
export const ENTITY_TYPES = [
  'venue',
  'claim',
  'programme',
  'slot',
  'slot_series',
  'designation',
  'venue_photo',
  'venue_claim',
  'user',
  'school_member',
] as const;
