/**
 * Pure camera and bounding-box maths for the venue map (no MapLibre import, so it unit-tests in Node).
 */

import type { BBox } from '$lib/api/types';

/** Longitude/latitude pair in WGS-84 degrees. */
export type LngLat = [number, number];

/** Camera position of the map. */
export interface View {
  center: LngLat;
  zoom: number;
}

/** Where the map opens: central Beijing, where most seeded venues are. */
export const INITIAL_VIEW: View = { center: [116.4, 39.91], zoom: 10 };

/** Web Mercator cannot show the poles; MapLibre clamps to this latitude. */
export const MAX_MERCATOR_LAT = 85.051129;

/** Zoom a fly-to reaches so a single venue and its street are legible. */
export const VENUE_ZOOM = 14;

/** MapLibre renders 512-pixel tiles: at zoom z the world is 512 * 2^z pixels wide. */
const TILE_SIZE = 512;

const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

/**
 * Clamp a box to valid WGS-84 ranges. At low zoom MapLibre reports longitudes beyond ±180,
 * which the API would rightly reject as bad input.
 */
export function clampBbox([minLng, minLat, maxLng, maxLat]: BBox): BBox {
  return [
    clamp(minLng, -180, 180),
    clamp(minLat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT),
    clamp(maxLng, -180, 180),
    clamp(maxLat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT),
  ];
}

/**
 * Round a box outward to `decimals` places: it never shrinks (no venue at the edge is lost),
 * and tiny camera jitters produce the same box, so the same request is not repeated.
 */
export function roundBboxOutward(bbox: BBox, decimals = 4): BBox {
  const f = 10 ** decimals;
  // Rounding to a fixed step first removes float noise like 116.30000000000001 before floor/ceil.
  const fix = (v: number) => Number(v.toFixed(decimals + 2));
  const down = (v: number) => Math.floor(fix(v * f)) / f;
  const up = (v: number) => Math.ceil(fix(v * f)) / f;
  return [down(bbox[0]), down(bbox[1]), up(bbox[2]), up(bbox[3])];
}

/** Round outward, then clamp (so rounding cannot step past a limit): the box sent to the API. */
export function normalizeBbox(bbox: BBox): BBox {
  return clampBbox(roundBboxOutward(bbox));
}

/** Serialise a box as the API's `bbox=minLng,minLat,maxLng,maxLat` value. */
export function bboxParam(bbox: BBox): string {
  return bbox.join(',');
}

/** Whether two boxes are equal (both already normalised). */
export function sameBbox(a: BBox | null, b: BBox | null): boolean {
  if (a === null || b === null) return a === b;
  return a.every((v, i) => v === b[i]);
}

function lngToWorldX(lng: number, worldSize: number): number {
  return ((lng + 180) / 360) * worldSize;
}

function latToWorldY(lat: number, worldSize: number): number {
  const phi = (clamp(lat, -MAX_MERCATOR_LAT, MAX_MERCATOR_LAT) * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * worldSize;
}

function worldXToLng(x: number, worldSize: number): number {
  return (x / worldSize) * 360 - 180;
}

function worldYToLat(y: number, worldSize: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / worldSize))) * 180) / Math.PI;
}

/**
 * The box a north-up, untilted Web Mercator map of `width` × `height` CSS pixels shows for a view.
 * Lets the first venue request start before MapLibre has even downloaded.
 */
export function bboxFromView(view: View, width: number, height: number): BBox {
  const worldSize = TILE_SIZE * 2 ** view.zoom;
  const cx = lngToWorldX(view.center[0], worldSize);
  const cy = latToWorldY(view.center[1], worldSize);
  return [
    worldXToLng(cx - width / 2, worldSize),
    worldYToLat(cy + height / 2, worldSize),
    worldXToLng(cx + width / 2, worldSize),
    worldYToLat(cy - height / 2, worldSize),
  ];
}

/**
 * Camera target when the user picks a venue: centre on it and zoom in to {@link VENUE_ZOOM},
 * but never zoom out if the user is already closer.
 */
export function venueFocusView(venue: { lng: number; lat: number }, currentZoom: number): View {
  return { center: [venue.lng, venue.lat], zoom: Math.max(currentZoom, VENUE_ZOOM) };
}

/** Zoom a fly-to reaches for a chosen place: the neighbourhood around it, a few kilometres across. */
export const PLACE_ZOOM = 13;

/** Camera target for a chosen place: centre on it, zoomed to {@link PLACE_ZOOM} unless already closer. */
export function placeFocusView(point: LngLat, currentZoom: number): View {
  return { center: point, zoom: Math.max(currentZoom, PLACE_ZOOM) };
}

/** Below this many pixels of map left above a sheet, the map keeps the area it had (see below). */
export const MIN_VISIBLE_MAP_PX = 120;

/**
 * The camera's bottom padding for `covered` pixels of a `height`-pixel map hidden under a sheet, or
 * null to keep the current padding: a sheet opened over nearly the whole map leaves too little to
 * search, so the map and list keep the area they had.
 */
export function bottomPaddingFor(covered: number, height: number): number | null {
  if (covered > height - MIN_VISIBLE_MAP_PX) return null;
  return Math.max(0, Math.round(covered));
}
