/** Reads a QR code back from the SVG server/presenters/booking-qr.ts draws, with @paulmillr/qr's decoder. */
import decodeQR from '@paulmillr/qr/decode.js';

/** The dark modules of the SVG's path ("M x y h1v1h-1z" each) as a grid of the viewBox's size. */
export function svgModules(svg: string): boolean[][] {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  if (!side) throw new Error('the SVG has no square viewBox');
  const grid = Array.from({ length: side }, () => Array<boolean>(side).fill(false));
  for (const match of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) grid[Number(match[2])]![Number(match[1])] = true;
  return grid;
}

/** The text a QR code SVG holds, read from a raster of it (8 pixels a module). */
export function decodeQrSvg(svg: string): string {
  const grid = svgModules(svg);
  const scale = 8;
  const size = grid.length * scale;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const value = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      data.set([value, value, value, 255], (y * size + x) * 4);
    }
  }
  return decodeQR({ width: size, height: size, data });
}
