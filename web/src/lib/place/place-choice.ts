/** A place the place box offers: a division or a venue, with the point to centre on. */
export interface PlaceChoice {
  kind: 'district' | 'venue';
  /** Unique among the options (kind and id). */
  key: string;
  name: string;
  lng: number;
  lat: number;
  /** A province's or city's bounds [minLng, minLat, maxLng, maxLat], framed whole; null for a point. */
  bbox: [number, number, number, number] | null;
}
