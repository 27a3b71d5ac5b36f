import { describe, expect, it } from 'vitest';
import { locate } from './geolocation';

/** A Geolocation double that answers with a position or an error code. */
function fakeGeolocation(answer: { lng: number; lat: number } | { code: number }): Geolocation {
  return {
    getCurrentPosition(success, failure) {
      if ('code' in answer) failure?.({ code: answer.code, message: '' } as GeolocationPositionError);
      else success({ coords: { longitude: answer.lng, latitude: answer.lat } } as GeolocationPosition);
    },
    watchPosition: () => 0,
    clearWatch: () => {},
  };
}

describe('locate', () => {
  it('gives the position as [lng, lat]', async () => {
    expect(await locate(fakeGeolocation({ lng: 116.3975, lat: 39.9087 }))).toEqual({
      ok: true,
      point: [116.3975, 39.9087],
    });
  });

  it('names the reason for each failure instead of rejecting', async () => {
    expect(await locate(fakeGeolocation({ code: 1 }))).toEqual({ ok: false, reason: 'denied' });
    expect(await locate(fakeGeolocation({ code: 2 }))).toEqual({ ok: false, reason: 'unavailable' });
    expect(await locate(fakeGeolocation({ code: 3 }))).toEqual({ ok: false, reason: 'timeout' });
    expect(await locate(undefined)).toEqual({ ok: false, reason: 'unsupported' });
  });
});
