import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASEMAP_COLORS, MARK_COLORS } from '$lib/map/colors';

const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** The value of a custom property declared in tokens.css. */
function token(name: string): string | undefined {
  return new RegExp(`${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();
}

describe('tokens.css', () => {
  it('repeats the map colours the page shows exactly as the map paints them', () => {
    expect(token('--color-map-water')).toBe(BASEMAP_COLORS.water);
    expect(token('--color-map-highlight')).toBe(MARK_COLORS.highlight);
    expect(token('--color-map-place')).toBe(MARK_COLORS.place);
  });

  it('defines every token the stylesheet and the components use (an unknown one would fail silently)', () => {
    const src = new URL('../../', import.meta.url);
    const components = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.svelte'))
      .map((file) => readFileSync(new URL(file, src), 'utf8'));
    const used = new Set(
      [css, ...components].flatMap((text) => [...text.matchAll(/var\((--[a-z0-9-]+)/g)].map((m) => m[1]!)),
    );
    expect([...used].filter((name) => token(name) === undefined)).toEqual([]);
  });
});
