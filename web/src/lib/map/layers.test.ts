import { describe, it, expect } from 'vitest';
import { ADMISSION_COLORS } from './colors';
import { clusterCountLayer, clusterLayer, VENUE_NAME_MINZOOM, venueCircleLayer, venueNameLayer } from './layers';
import { LABEL_FONT } from './style';

describe('venue layers', () => {
  it('paint dots and clusters alike by admission, so colours read at every zoom', () => {
    const colour = venueCircleLayer.paint?.['circle-color'];
    expect(clusterLayer.paint?.['circle-color']).toEqual(colour);
    expect(colour).toEqual([
      'match',
      ['get', 'minors_admission'],
      'free',
      ADMISSION_COLORS.free,
      'discounted',
      ADMISSION_COLORS.discounted,
      'paid',
      ADMISSION_COLORS.paid,
      ADMISSION_COLORS.unknown,
    ]);
  });

  it('write each cluster’s count on it, and venue names from street zoom', () => {
    expect(clusterCountLayer.filter).toEqual(clusterLayer.filter);
    expect(clusterCountLayer.layout?.['text-field']).toEqual(['to-string', ['get', 'count']]);
    expect(venueNameLayer.filter).toEqual(venueCircleLayer.filter);
    expect(venueNameLayer.minzoom).toBe(VENUE_NAME_MINZOOM);
    expect(venueNameLayer.layout?.['text-field']).toEqual(['get', 'name']);
    for (const layer of [clusterCountLayer, venueNameLayer]) expect(layer.layout?.['text-font']).toEqual(LABEL_FONT);
  });
});
