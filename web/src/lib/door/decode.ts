/**
 * Reading a QR code from a picture: the browser's BarcodeDetector where it exists (Android, macOS), else
 * the decoder of @paulmillr/qr (the library the server draws the codes with) on the canvas's pixels.
 */
import decodeQR from '@paulmillr/qr/decode.js';

interface Detector {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}

let detector: Detector | null | undefined;

/** The browser's QR detector, or null where there is none. */
async function nativeDetector(): Promise<Detector | null> {
  if (detector !== undefined) return detector;
  detector = null;
  const Native = (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector as
    | ((new (options: { formats: string[] }) => Detector) & { getSupportedFormats?: () => Promise<string[]> })
    | undefined;
  if (Native) {
    try {
      const formats = (await Native.getSupportedFormats?.()) ?? ['qr_code'];
      if (formats.includes('qr_code')) detector = new Native({ formats: ['qr_code'] });
    } catch {
      detector = null;
    }
  }
  return detector;
}

/** The text of a QR code in `canvas`'s picture, or null when none is found. */
export async function decodeCanvas(canvas: HTMLCanvasElement): Promise<string | null> {
  const native = await nativeDetector();
  if (native) {
    try {
      const [found] = await native.detect(canvas);
      if (found) return found.rawValue;
    } catch {
      // Fall through to the JavaScript decoder.
    }
  }
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context || canvas.width === 0 || canvas.height === 0) return null;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  try {
    return decodeQR({ width: pixels.width, height: pixels.height, data: pixels.data });
  } catch {
    return null;
  }
}

/** Draws `source` on `canvas`, scaled so its longer side is at most `max` pixels (decoding stays quick). */
export function drawScaled(
  canvas: HTMLCanvasElement,
  source: CanvasImageSource,
  width: number,
  height: number,
  max = 800,
): void {
  const scale = Math.min(1, max / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context?.drawImage(source, 0, 0, canvas.width, canvas.height);
}
