/**
 * A booking code as a QR code in SVG. @paulmillr/qr encodes (alphanumeric mode: the code's alphabet is
 * all upper-case letters and digits); the drawing is ours: one path of dark modules on a white square
 * with the four-module quiet zone scanners need, so the code also reads on a dark page.
 */
import { encodeQR } from '@paulmillr/qr';

const QUIET_ZONE = 4;

/** The SVG of a QR code holding exactly `code`, `size` pixels wide by default. */
export function bookingQrSvg(code: string, size = 256): string {
  const modules = encodeQR(code, 'raw', { ecc: 'medium', border: 0 });
  const side = modules.length + 2 * QUIET_ZONE;
  const dark: string[] = [];
  modules.forEach((row, y) =>
    row.forEach((on, x) => {
      if (on) dark.push(`M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`);
    }),
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${size}" height="${size}" shape-rendering="crispEdges" role="img" aria-label="预约码 Booking code ${code}">`,
    `<title>${code}</title>`,
    `<rect width="${side}" height="${side}" fill="#fff"/>`,
    `<path fill="#000" d="${dark.join('')}"/>`,
    '</svg>',
  ].join('');
}
