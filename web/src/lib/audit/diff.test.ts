import { describe, expect, it } from 'vitest';
import { diffFields, formatValue, shanghaiTime } from './diff';

describe('diffFields', () => {
  it('lists only the fields that changed, nested ones by dotted path, noise left out', () => {
    const before = {
      name_zh: '旧名',
      kinds: ['museum'],
      group_policy: { max_size: 40, green_channel: false },
      updated_at: '2026-01-01T00:00:00Z',
      phone: '010-1',
    };
    const after = {
      name_zh: '新名',
      kinds: ['museum', 'science_center'],
      group_policy: { max_size: 40, green_channel: true },
      updated_at: '2026-01-02T00:00:00Z',
      phone: '010-1',
    };
    expect(diffFields(before, after)).toEqual([
      { field: 'name_zh', change: 'changed', before: '旧名', after: '新名' },
      { field: 'kinds', change: 'changed', before: 'museum', after: 'museum, science_center' },
      { field: 'group_policy.green_channel', change: 'changed', before: 'false', after: 'true' },
    ]);
  });

  it('shows a creation as the fields it set, skipping empty ones', () => {
    expect(diffFields(null, { status: 'draft', name_en: null, kinds: [] })).toEqual([
      { field: 'status', change: 'added', before: null, after: 'draft' },
    ]);
  });

  it('shows fields only one side has as added or removed, and bare values as one field', () => {
    expect(diffFields({ a: 1, b: 2 }, { a: 1, c: null })).toEqual([
      { field: 'b', change: 'removed', before: '2', after: null },
      { field: 'c', change: 'added', before: null, after: '—' },
    ]);
    expect(diffFields('pending', 'approved')).toEqual([
      { field: 'value', change: 'changed', before: 'pending', after: 'approved' },
    ]);
    expect(diffFields(null, null)).toEqual([]);
  });
});

describe('formatValue', () => {
  it('writes empty values as a dash, objects as JSON and shortens long text', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue([])).toBe('—');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue(false)).toBe('false');
    const long = formatValue('x'.repeat(500));
    expect(long.length).toBe(160);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('shanghaiTime', () => {
  it('shows UTC moments as Shanghai wall time, across midnight', () => {
    expect(shanghaiTime('2026-02-16T17:30:05Z')).toBe('2026-02-17 01:30:05');
    expect(shanghaiTime('2026-06-01T00:00:00.000Z')).toBe('2026-06-01 08:00:00');
  });
});
