import gcoordModule, { type CRSTypes } from 'gcoord';
import { describe, expect, it } from 'vitest';
import { greatCircleMetres } from '../../domain/geo.ts';
import { toWgs84 } from '../../domain/crs.ts';

const gcoord = gcoordModule as unknown as typeof gcoordModule.default;
const tiananmen = { lng: 116.3975, lat: 39.9087 };

/** The point in another system, from gcoord's own forward conversion. */
const into = (system: CRSTypes, p: { lng: number; lat: number }) => {
  const [lng, lat] = gcoord.transform<[number, number]>([p.lng, p.lat], gcoord.WGS84, system);
  return { lng, lat };
};

describe('toWgs84', () => {
  it('leaves WGS-84 points as they are', () => {
    expect(toWgs84('wgs84', tiananmen)).toBe(tiananmen);
  });

  it.each([
    ['gcj02', gcoord.GCJ02],
    ['bd09', gcoord.BD09],
  ] as const)('brings a %s point in Beijing, offset by hundreds of metres, back within 1 m', (crs, system) => {
    const offset = into(system, tiananmen);
    expect(greatCircleMetres(offset, tiananmen)).toBeGreaterThan(300);
    expect(greatCircleMetres(toWgs84(crs, offset), tiananmen)).toBeLessThan(1);
  });

  it('leaves points outside China where they are, as gcj02 and bd09 do', () => {
    const tuscaloosa = { lng: -87.503676, lat: 33.293291 };
    expect(toWgs84('gcj02', tuscaloosa)).toEqual(tuscaloosa);
  });
});
