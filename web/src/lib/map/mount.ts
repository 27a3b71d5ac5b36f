import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import { loadClientConfig } from './client-config';
import { buildOfflineStyle } from './style';

/** What a map component gets once its map exists. */
export interface MountedMap {
  map: MapLibreMap;
  /** The MapLibre module, for controls and markers. */
  maplibre: typeof import('maplibre-gl');
  /** The offline base map is in use (no base-map style is configured). */
  offline: boolean;
}

/**
 * Creates a MapLibre map in `container` once MapLibre (loaded on demand: it is most of the page's
 * JavaScript) and the client config have arrived, on the configured base map or else the offline
 * one. Made for `onMount`: answers the cleanup, which also stops a map still on its way. A failure
 * (most often no WebGL) goes to `onfail`, so the page around the map can say so and keep working.
 * @param options MapLibre options besides container and style, given whether the base map is offline
 */
export function mountMap(
  container: HTMLElement,
  options: (offline: boolean) => Omit<MapOptions, 'container' | 'style'>,
  onready: (mounted: MountedMap) => void,
  onfail: (error: unknown) => void,
): () => void {
  let disposed = false;
  let map: MapLibreMap | null = null;
  (async () => {
    const [maplibre, config] = await Promise.all([import('maplibre-gl'), loadClientConfig()]);
    if (disposed) return;
    const offline = config.basemap_style_url === null;
    const style = config.basemap_style_url ?? buildOfflineStyle(location.origin);
    map = new maplibre.Map({ container, style, ...options(offline) });
    onready({ map, maplibre, offline });
  })().catch((error: unknown) => {
    console.error(error);
    onfail(error);
  });
  return () => {
    disposed = true;
    map?.remove();
  };
}
