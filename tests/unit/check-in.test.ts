import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOOKING_CODE_ALPHABET,
  checkInUndoUntil,
  isBookingCode,
  newBookingCode,
  normaliseBookingCode,
} from '../../domain/booking.ts';
import { csvCell, csvFile } from '../../domain/csv.ts';
import { bookingCalendar, type IcsBooking } from '../../domain/ics.ts';
import { bookingQrSvg } from '../../server/presenters/booking-qr.ts';
import { decodeQrSvg, svgModules } from '../support/qr.ts';

describe('booking codes at the door', () => {
  it('forgives case, spaces, dashes, full-width characters and Cyrillic or Greek look-alikes', () => {
    expect(normaliseBookingCode('acde 3479')).toBe('ACDE3479');
    expect(normaliseBookingCode(' AC-DE_34.79 ')).toBe('ACDE3479');
    expect(normaliseBookingCode('ＡＣＤＥ３４７９')).toBe('ACDE3479');
    expect(normaliseBookingCode('ACDE\u30003479')).toBe('ACDE3479');
    expect(normaliseBookingCode('АСЕКМНРТ')).toBe('ACEKMHPT'); // Cyrillic
    expect(normaliseBookingCode('ахук')).toBe('AXYK'); // Cyrillic lower case
    expect(normaliseBookingCode('ΑΕΚΜΝΡΤΧ')).toBe('AEKMNPTX'); // Greek
    expect(normaliseBookingCode('ACDE–3479')).toBe('ACDE3479'); // en dash
  });

  it('knows a code by its length and alphabet; look-alikes the alphabet left out make no code', () => {
    expect(isBookingCode('ACDE3479')).toBe(true);
    expect(isBookingCode('ACDE347')).toBe(false);
    expect(isBookingCode('ACDE34790')).toBe(false);
    for (const outsider of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '6', 'G', '8', 'B']) {
      expect(isBookingCode(`ACDE347${outsider}`), outsider).toBe(false);
    }
  });

  it('every new code is a code, reads as itself, and survives being typed in lower case with spaces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.nat(7), (seed, cut) => {
        let round = 0;
        const code = newBookingCode((bytes) => bytes.map((_, i) => seed[(i + round++) % 16]!));
        expect(isBookingCode(code)).toBe(true);
        expect(normaliseBookingCode(code)).toBe(code);
        const typed = `${code.slice(0, cut).toLowerCase()} ${code.slice(cut)}`;
        expect(normaliseBookingCode(typed)).toBe(code);
      }),
    );
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(BOOKING_CODE_ALPHABET.length);
  });

  it('a check-in may be undone for five minutes', () => {
    expect(checkInUndoUntil(new Date('2026-12-05T01:00:00Z')).toISOString()).toBe('2026-12-05T01:05:00.000Z');
  });
});

describe('the QR code of a booking', () => {
  it('is an SVG with a white quiet zone that decodes to exactly the code', () => {
    for (const code of ['ACDE3479', newBookingCode(), newBookingCode()]) {
      const svg = bookingQrSvg(code);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 29 29"/);
      expect(svg).toContain('<rect width="29" height="29" fill="#fff"/>');
      expect(svg.endsWith('</svg>')).toBe(true);
      const grid = svgModules(svg);
      // Four modules of quiet zone around a version-1 symbol (21 × 21) with its finder patterns.
      for (const edge of [0, 1, 2, 3, 25, 26, 27, 28]) {
        expect(grid[edge]!.some(Boolean)).toBe(false);
        expect(grid.some((row) => row[edge])).toBe(false);
      }
      expect(grid[4]!.slice(4, 11).every(Boolean)).toBe(true);
      expect(decodeQrSvg(svg)).toBe(code);
    }
  });
});

describe('CSV for Excel', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const file = csvFile(['名称 Name', 'n'], [['国家博物馆', 3]]);
    expect(file.startsWith('\uFEFF名称 Name,n\r\n')).toBe(true);
    expect(file).toBe('\uFEFF名称 Name,n\r\n国家博物馆,3\r\n');
  });

  it('defuses cells that a spreadsheet would run as formulas, and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+86 10 1234')).toBe("'+86 10 1234");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell('safe = text')).toBe('safe = text');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('no text cell ever starts with a formula character once written', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
    );
  });
});

describe('a booking as iCalendar', () => {
  const booking: IcsBooking = {
    id: '6f1c2a8e-0000-4000-8000-000000000001',
    code: 'ACDE3479',
    status: 'confirmed',
    kind: 'family',
    places: 3,
    adults: 1,
    childrenByBand: { '0-5': 1, '6-12': 1 },
    pupils: 0,
    grade: null,
    schoolName: null,
    slotTitle: '周末开放日',
    startsAt: new Date('2026-12-05T01:30:00Z'),
    endsAt: new Date('2026-12-05T03:00:00Z'),
    cancelUntil: new Date('2026-12-04T01:30:00Z'),
    updatedAt: new Date('2026-12-01T00:00:00Z'),
    venue: { id: 'v', name: '中国科学技术馆', address: '北京市朝阳区北辰东路5号', lng: 116.3917, lat: 40.0041 },
  };
  const unfold = (ics: string) => ics.replace(/\r\n /g, '');

  it('is one event in Asia/Shanghai time with its VTIMEZONE, the venue, the address, the code and the party', () => {
    const ics = bookingCalendar(booking, new Date('2026-12-01T08:00:00Z'));
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const text = unfold(ics);
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(text).toContain('TZOFFSETTO:+0800');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:20261205T093000');
    expect(text).toContain('DTEND;TZID=Asia/Shanghai:20261205T110000');
    expect(text).toContain('UID:booking-6f1c2a8e-0000-4000-8000-000000000001@kaimen');
    expect(text).toContain('SUMMARY:周末开放日 · 中国科学技术馆（ACDE3479）');
    expect(text).toContain('LOCATION:中国科学技术馆 北京市朝阳区北辰东路5号');
    expect(text).toContain('预约码 Booking code：ACDE3479');
    expect(text).toContain('成人 1 人，儿童 0-5 岁 1 人、6-12 岁 1 人（共 3 人）');
    expect(text).toContain('取消截止 Cancel until：2026-12-04 09:30（北京时间 Beijing time）');
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  });

  it('a group reads as its school’s class; pending is tentative, cancelled is cancelled with a higher sequence', () => {
    const group = {
      ...booking,
      kind: 'group' as const,
      pupils: 40,
      adults: 3,
      places: 43,
      grade: 5,
      schoolName: '东城区测试小学',
      childrenByBand: {},
    };
    const pending = unfold(bookingCalendar({ ...group, status: 'pending' }, new Date()));
    expect(pending).toContain('东城区测试小学：学生 40 人，5 年级，带队成人 3 人（共 43 人）');
    expect(pending).toContain('STATUS:TENTATIVE');
    const later = new Date(booking.updatedAt.getTime() + 3_600_000);
    const cancelled = unfold(bookingCalendar({ ...group, status: 'cancelled', updatedAt: later }, new Date()));
    expect(cancelled).toContain('STATUS:CANCELLED');
    const sequence = (ics: string) => Number(/SEQUENCE:(\d+)/.exec(ics)![1]);
    expect(sequence(cancelled)).toBeGreaterThan(sequence(pending));
  });
});
