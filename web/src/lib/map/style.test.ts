import { describe, it, expect } from 'vitest';
import { buildOfflineStyle } from './style';

describe('buildOfflineStyle', () => {
  it('loads boundaries from our own API, made absolute by the given origin', () => {
    const style = buildOfflineStyle('http://localhost:3000');
    expect(style.sources.provinces).toMatchObject({
      type: 'geojson',
      data: 'http://localhost:3000/api/basemap/provinces.geojson',
    });
    expect(style.sources.prefectures).toMatchObject({
      type: 'geojson',
      data: 'http://localhost:3000/api/basemap/prefectures.geojson',
    });
  });

  it('needs nothing from the internet: no glyphs, sprites, tiles or text layers', () => {
    const style = buildOfflineStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
  });

  it('draws a background, filled provinces and their outlines, and prefecture lines from zoom 5', () => {
    const layers = buildOfflineStyle().layers;
    expect(layers[0]?.type).toBe('background');
    const summary = layers.map((l) => [l.type, 'source' in l ? l.source : null, l.minzoom ?? null]);
    expect(summary).toContainEqual(['fill', 'provinces', null]);
    expect(summary).toContainEqual(['line', 'provinces', null]);
    expect(summary).toContainEqual(['line', 'prefectures', 5]);
  });
});
