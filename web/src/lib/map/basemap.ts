/**
 * Which base map a map opens on. A deployment's `BASEMAP_STYLE_URL` wins (e.g. Tianditu with a key);
 * otherwise the street map of OpenFreeMap (OpenStreetMap data, WGS-84 like our points, free and
 * keyless); and when the chosen style cannot be fetched within a few seconds (no internet, a blocked
 * host), the offline style served by Kaimen itself. Amap's and Baidu's tiles are not offered: they are
 * drawn in GCJ-02 and BD-09, so every WGS-84 point would have to be shifted to sit on them.
 */

import type { StyleSpecification } from 'maplibre-gl';
import { buildOfflineStyle } from './style';

/** OpenFreeMap's "liberty" style: streets, buildings and place names from OpenStreetMap. */
export const ONLINE_STYLE_URL = 'https://tiles.openfreemap.org/styles/liberty';

/** How long the online style may take to answer before the offline map is used instead. */
export const BASEMAP_PROBE_MS = 4000;

/** `configured`: the deployment's style; `online`: OpenFreeMap; `offline`: the shipped boundaries. */
export type BasemapKind = 'configured' | 'online' | 'offline';

export interface Basemap {
  kind: BasemapKind;
  /** A style URL (MapLibre fetches it again, from the browser's cache) or the offline style itself. */
  style: string | StyleSpecification;
}

/** The subset of `fetch` the probe uses, so tests can give their own. */
export type FetchLike = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/**
 * Whether a MapLibre style answers at `url` within `timeoutMs`: an OK response whose body is a style
 * (version 8 with sources and layers). Never throws.
 */
export async function styleReachable(url: string, timeoutMs: number, fetchStyle: FetchLike): Promise<boolean> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(false);
    }, timeoutMs);
  });
  const probe = (async () => {
    const response = await fetchStyle(url, { signal: controller.signal });
    if (!response.ok) return false;
    const body = (await response.json()) as Partial<StyleSpecification> | null;
    return body?.version === 8 && typeof body.sources === 'object' && Array.isArray(body.layers);
  })().catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The base map to open on (see the module comment).
 * @param configuredUrl `BASEMAP_STYLE_URL` as `/api/config` gives it, null when unset; a path is
 *   resolved against `origin`
 * @param origin the page's origin, which the offline style's data URLs need
 */
export async function chooseBasemap(options: {
  configuredUrl: string | null;
  origin: string;
  /** Credits the offline style shows, in the page's language. */
  offlineAttribution?: string;
  fetchStyle?: FetchLike;
  timeoutMs?: number;
}): Promise<Basemap> {
  const { configuredUrl, origin, fetchStyle = fetch, timeoutMs = BASEMAP_PROBE_MS } = options;
  const url = configuredUrl === null ? ONLINE_STYLE_URL : new URL(configuredUrl, origin).href;
  if (await styleReachable(url, timeoutMs, fetchStyle)) {
    return { kind: configuredUrl === null ? 'online' : 'configured', style: url };
  }
  return { kind: 'offline', style: buildOfflineStyle(origin, options.offlineAttribution) };
}
