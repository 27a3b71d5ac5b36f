import { describe, it, expect } from 'vitest';
import { buildOfflineStyle, LABEL_FONT, PLACE_LABEL_SOURCE_ID, placeLabelLayerId } from './style';

describe('buildOfflineStyle', () => {
  it('loads boundaries and place names from our own API, made absolute by the given origin', () => {
    const style = buildOfflineStyle('http://localhost:3000');
    expect(style.sources.provinces).toMatchObject({
      type: 'geojson',
      data: 'http://localhost:3000/api/basemap/provinces.geojson',
    });
    expect(style.sources.prefectures).toMatchObject({
      type: 'geojson',
      data: 'http://localhost:3000/api/basemap/prefectures.geojson',
    });
    expect(style.sources[PLACE_LABEL_SOURCE_ID]).toMatchObject({
      type: 'geojson',
      data: 'http://localhost:3000/api/basemap/labels.geojson',
    });
  });

  it('needs nothing from the internet: no glyph server, sprites or tiles (labels use local fonts)', () => {
    const style = buildOfflineStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('draws a background, filled provinces and their outlines, and prefecture lines from zoom 5', () => {
    const layers = buildOfflineStyle().layers;
    expect(layers[0]?.type).toBe('background');
    const summary = layers.map((l) => [l.type, 'source' in l ? l.source : null, l.minzoom ?? null]);
    expect(summary).toContainEqual(['fill', 'provinces', null]);
    expect(summary).toContainEqual(['line', 'provinces', null]);
    expect(summary).toContainEqual(['line', 'prefectures', 5]);
  });

  it('names provinces from zoom 3, prefectures from 6 and districts from 8, above the boundaries', () => {
    const layers = buildOfflineStyle().layers;
    const labels = layers.filter((l) => l.type === 'symbol');
    expect(labels.map((l) => [l.id, l.minzoom])).toEqual([
      [placeLabelLayerId('province'), 3],
      [placeLabelLayerId('prefecture'), 6],
      [placeLabelLayerId('district'), 8],
    ]);
    for (const label of labels) {
      expect(label.type === 'symbol' && label.layout?.['text-field']).toEqual(['get', 'name']);
      expect(label.type === 'symbol' && label.layout?.['text-font']).toEqual(LABEL_FONT);
    }
    expect(layers.indexOf(labels[0]!)).toBeGreaterThan(layers.findIndex((l) => l.id === 'provinces-line'));
  });

  it('credits the boundaries on the provinces source when given words for it', () => {
    expect(buildOfflineStyle('', '边界: ECharts').sources.provinces).toMatchObject({ attribution: '边界: ECharts' });
    expect(buildOfflineStyle('').sources.provinces).not.toHaveProperty('attribution');
  });
});
