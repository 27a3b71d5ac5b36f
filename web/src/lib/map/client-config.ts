import { api, type ApiAnswer } from '$lib/api/client';

/** Runtime settings the server gives the web client (`GET /api/config`). */
export type ClientConfig = ApiAnswer<'/api/config'>;

/**
 * Runtime client settings. A missing or broken config endpoint must not stop the map, so any
 * failure falls back to the offline base map.
 */
export async function loadClientConfig(): Promise<ClientConfig> {
  try {
    const { basemap_style_url: url } = await api.GET('/api/config');
    return { basemap_style_url: typeof url === 'string' && url !== '' ? url : null };
  } catch {
    return { basemap_style_url: null };
  }
}
