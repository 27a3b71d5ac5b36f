import { describe, it, expect } from 'vitest';
import {
  bboxFromView,
  bottomPaddingFor,
  bboxParam,
  clampBbox,
  INITIAL_VIEW,
  MAX_MERCATOR_LAT,
  MIN_VISIBLE_MAP_PX,
  normalizeBbox,
  roundBboxOutward,
  sameBbox,
  placeFocusView,
  PLACE_ZOOM,
  venueFocusView,
  VENUE_ZOOM,
} from './camera';

describe('clampBbox', () => {
  it('keeps longitudes within ±180 when a low-zoom map wraps the world', () => {
    expect(clampBbox([-250, -90, 300, 90])).toEqual([-180, -MAX_MERCATOR_LAT, 180, MAX_MERCATOR_LAT]);
  });

  it('leaves an ordinary box untouched', () => {
    expect(clampBbox([116.2, 39.8, 116.6, 40.0])).toEqual([116.2, 39.8, 116.6, 40.0]);
  });
});

describe('roundBboxOutward', () => {
  it('rounds the minimum down and the maximum up, so the box never shrinks', () => {
    expect(roundBboxOutward([116.123456, 39.987654, 116.543211, 40.000001])).toEqual([
      116.1234, 39.9876, 116.5433, 40.0001,
    ]);
  });

  it('handles negative coordinates by rounding away from the centre', () => {
    expect(roundBboxOutward([-0.00001, -0.00001, 0.00001, 0.00001])).toEqual([-0.0001, -0.0001, 0.0001, 0.0001]);
  });

  it('does not widen values that already sit on the grid despite float noise', () => {
    expect(roundBboxOutward([116.3 + 1e-13, 39.9, 116.5, 40.1 - 1e-13])).toEqual([116.3, 39.9, 116.5, 40.1]);
  });

  it('maps camera jitter below the rounding step to the same box', () => {
    const a = normalizeBbox([116.30001, 39.80001, 116.49999, 39.99999]);
    const b = normalizeBbox([116.30002, 39.80002, 116.49998, 39.99998]);
    expect(sameBbox(a, b)).toBe(true);
  });
});

describe('normalizeBbox', () => {
  it('never rounds past the Mercator latitude limit', () => {
    const [, minLat, , maxLat] = normalizeBbox([0, -89, 1, 89]);
    expect(minLat).toBe(-MAX_MERCATOR_LAT);
    expect(maxLat).toBe(MAX_MERCATOR_LAT);
  });
});

describe('bboxParam', () => {
  it('joins the box in minLng,minLat,maxLng,maxLat order', () => {
    expect(bboxParam([116.2, 39.8, 116.6, 40])).toBe('116.2,39.8,116.6,40');
  });
});

describe('sameBbox', () => {
  it('compares every coordinate', () => {
    expect(sameBbox([1, 2, 3, 4], [1, 2, 3, 4])).toBe(true);
    expect(sameBbox([1, 2, 3, 4], [1, 2, 3, 5])).toBe(false);
  });

  it('treats null as equal only to null', () => {
    expect(sameBbox(null, null)).toBe(true);
    expect(sameBbox(null, [1, 2, 3, 4])).toBe(false);
  });
});

describe('bboxFromView', () => {
  it('is centred on the view centre in longitude', () => {
    const [minLng, , maxLng] = bboxFromView(INITIAL_VIEW, 800, 600);
    expect((minLng + maxLng) / 2).toBeCloseTo(INITIAL_VIEW.center[0], 9);
  });

  it('spans width / (512 · 2^zoom) of 360° in longitude', () => {
    const [minLng, , maxLng] = bboxFromView({ center: [0, 0], zoom: 2 }, 1024, 512);
    expect(maxLng - minLng).toBeCloseTo(180, 9);
  });

  it('shows the whole Mercator world at zoom 0 in a 512-pixel square', () => {
    const [minLng, minLat, maxLng, maxLat] = bboxFromView({ center: [0, 0], zoom: 0 }, 512, 512);
    expect([minLng, maxLng]).toEqual([-180, 180]);
    expect(minLat).toBeCloseTo(-MAX_MERCATOR_LAT, 5);
    expect(maxLat).toBeCloseTo(MAX_MERCATOR_LAT, 5);
  });

  it('stretches north more than south away from the equator, as Mercator does', () => {
    const [, minLat, , maxLat] = bboxFromView(INITIAL_VIEW, 800, 600);
    const lat = INITIAL_VIEW.center[1];
    expect(maxLat - lat).toBeLessThan(lat - minLat);
    expect(minLat).toBeLessThan(lat);
    expect(maxLat).toBeGreaterThan(lat);
  });

  it('covers central Beijing at the initial view', () => {
    const [minLng, minLat, maxLng, maxLat] = bboxFromView(INITIAL_VIEW, 800, 600);
    // Tiananmen, where the National Museum of China stands.
    expect(minLng < 116.3969 && 116.3969 < maxLng).toBe(true);
    expect(minLat < 39.9052 && 39.9052 < maxLat).toBe(true);
  });
});

describe('venueFocusView', () => {
  it('centres on the venue and zooms in to street level', () => {
    expect(venueFocusView({ lng: 121.47, lat: 31.23 }, 6)).toEqual({
      center: [121.47, 31.23],
      zoom: VENUE_ZOOM,
    });
  });

  it('does not zoom out when the user is already closer', () => {
    expect(venueFocusView({ lng: 121.47, lat: 31.23 }, 17).zoom).toBe(17);
  });
});

describe('placeFocusView', () => {
  it('centres on the place at neighbourhood zoom, never zooming out', () => {
    expect(placeFocusView([116.3975, 39.9087], 10)).toEqual({ center: [116.3975, 39.9087], zoom: PLACE_ZOOM });
    expect(placeFocusView([116.3975, 39.9087], 15).zoom).toBe(15);
  });
});

describe('bottomPaddingFor', () => {
  it('pads by what the sheet covers, whole pixels, never negative', () => {
    expect(bottomPaddingFor(0, 700)).toBe(0);
    expect(bottomPaddingFor(349.6, 700)).toBe(350);
    expect(bottomPaddingFor(-4, 700)).toBe(0);
  });

  it('keeps the padding it had when the sheet leaves less than a strip of map', () => {
    expect(bottomPaddingFor(700 - MIN_VISIBLE_MAP_PX, 700)).toBe(580);
    expect(bottomPaddingFor(700 - MIN_VISIBLE_MAP_PX + 1, 700)).toBeNull();
    expect(bottomPaddingFor(700, 700)).toBeNull();
  });
});
