import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, venueCalendar } from '../../domain/ics.ts';

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds lines at 75 octets without splitting a Chinese character', () => {
    const line = `SUMMARY:${'国家博物馆'.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });
});

describe('iCalendar line breaks in text', () => {
  it('a slot title with a bare CR or a bare LF puts no raw CR or LF inside any content line', () => {
    const venue = { id: 'v1', name: '博物馆', address: null, lng: 116.4, lat: 39.9 };
    const slot = (id: string, title: string) => ({
      id,
      title,
      kind: 'programme',
      startsAt: new Date('2026-12-05T01:30:00Z'),
      endsAt: new Date('2026-12-05T03:30:00Z'),
      capacity: 20,
      isSample: false,
    });
    const ics = venueCalendar(
      venue,
      [slot('s1', '讲座\rX-INJECTED:1'), slot('s2', '讲座\nX-INJECTED:2'), slot('s3', 'a\r\nb')],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.slice(0, -2).split('\r\n')) expect(line).not.toMatch(/[\r\n]/);
    expect(ics).not.toMatch(/^X-INJECTED/m);
    expect(escapeText('a\rb\nc\r\nd')).toBe('a\\nb\\nc\\nd');
  });
});
