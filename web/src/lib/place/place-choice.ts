/** A place the place box offers: a division or a venue, with the point to centre on. */
export interface PlaceChoice {
  kind: 'district' | 'venue';
  /** Unique among the options (kind and id). */
  key: string;
  name: string;
  lng: number;
  lat: number;
}
