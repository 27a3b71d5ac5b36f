/**
 * The browser's position as a promise that never rejects: a failure comes back as a reason the
 * interface can explain, together with the fallbacks (pick on the map, type a name).
 */

import type { LngLat } from '$lib/map/camera';

/** Why no position came back. */
export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A position, or the reason there is none. */
export type LocateResult = { ok: true; point: LngLat } | { ok: false; reason: LocateFailure };

/** `GeolocationPositionError` codes (the constants live on the class, which Node lacks). */
const PERMISSION_DENIED = 1;
const TIMEOUT = 3;

/**
 * Ask once for the current position.
 * @param geolocation the browser's `navigator.geolocation`; undefined where there is none
 * @param timeoutMs how long to wait; a city-level answer is enough, so this stays short
 */
export function locate(geolocation: Geolocation | undefined, timeoutMs = 10_000): Promise<LocateResult> {
  if (!geolocation) return Promise.resolve({ ok: false, reason: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, point: [position.coords.longitude, position.coords.latitude] }),
      (error) =>
        resolve({
          ok: false,
          reason: error.code === PERMISSION_DENIED ? 'denied' : error.code === TIMEOUT ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
