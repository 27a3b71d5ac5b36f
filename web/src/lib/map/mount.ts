import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl';
import { chooseBasemap, type BasemapKind } from './basemap';
import { loadClientConfig } from './client-config';

/** What a map component gets once its map exists. */
export interface MountedMap {
  map: MapLibreMap;
  /** The MapLibre module, for controls and markers. */
  maplibre: typeof import('maplibre-gl');
  /** Which base map is shown (see `chooseBasemap`). */
  basemap: BasemapKind;
}

/**
 * Creates a MapLibre map in `container` once MapLibre (loaded on demand: it is most of the page's
 * JavaScript) and the base map's choice (configured, online or offline; see `chooseBasemap`) have
 * arrived. Made for `onMount`: answers the cleanup, which also stops a map still on its way. A
 * failure (most often no WebGL) goes to `onfail`, so the page around the map can say so and keep
 * working.
 * @param options MapLibre options besides container and style, given the base map chosen
 * @param words the offline style's attribution, in the page's language
 */
export function mountMap(
  container: HTMLElement,
  options: (basemap: BasemapKind) => Omit<MapOptions, 'container' | 'style'>,
  onready: (mounted: MountedMap) => void,
  onfail: (error: unknown) => void,
  words: { offlineAttribution?: string } = {},
): () => void {
  let disposed = false;
  let map: MapLibreMap | null = null;
  (async () => {
    const basemap = loadClientConfig().then((config) =>
      chooseBasemap({
        configuredUrl: config.basemap_style_url,
        origin: location.origin,
        offlineAttribution: words.offlineAttribution,
      }),
    );
    const [maplibre, { kind, style }] = await Promise.all([import('maplibre-gl'), basemap]);
    if (disposed) return;
    container.dataset.basemap = kind;
    map = new maplibre.Map({ container, style, ...options(kind) });
    onready({ map, maplibre, basemap: kind });
  })().catch((error: unknown) => {
    console.error(error);
    onfail(error);
  });
  return () => {
    disposed = true;
    map?.remove();
  };
}
