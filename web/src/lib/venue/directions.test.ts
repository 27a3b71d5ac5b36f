import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { directionsLinks, pointOfLink, type DirectionsLink } from './directions';

/** The National Museum of China, as seeded (WGS-84). */
const MUSEUM = { name: '中国国家博物馆', lng: 116.3969, lat: 39.9052, adcode: '110101', address: '东长安街16号' };

/** gcoord's own conversion of a WGS-84 point, the reference the links must match. */
function reference(lng: number, lat: number, to: Parameters<typeof gcoord.transform>[2]): { lng: number; lat: number } {
  const [x, y] = gcoord.transform<[number, number]>([lng, lat], gcoord.WGS84, to);
  return { lng: x, lat: y };
}

const byApp = (links: DirectionsLink[], app: DirectionsLink['app']) => links.find((l) => l.app === app)!;

describe('directions links', () => {
  const links = directionsLinks(MUSEUM);

  it('offers Amap, Baidu and Apple Maps, in that order', () => {
    expect(links.map((l) => l.app)).toEqual(['amap', 'baidu', 'apple']);
  });

  it('sends Amap the GCJ-02 point gcoord computes, by public transport, with the name', () => {
    const amap = byApp(links, 'amap');
    const url = new URL(amap.href);
    expect(url.origin + url.pathname).toBe('https://uri.amap.com/navigation');
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expect(url.searchParams.get('mode')).toBe('bus');
    expect(url.searchParams.get('to')?.split(',')[2]).toBe('中国国家博物馆');
    const expected = reference(MUSEUM.lng, MUSEUM.lat, gcoord.GCJ02);
    const point = pointOfLink('amap', amap.href)!;
    expect(point.lng).toBeCloseTo(expected.lng, 6);
    expect(point.lat).toBeCloseTo(expected.lat, 6);
    // The shift is real: hundreds of metres from the WGS-84 point.
    expect(Math.abs(point.lng - MUSEUM.lng) + Math.abs(point.lat - MUSEUM.lat)).toBeGreaterThan(0.003);
  });

  it('sends Baidu the BD-09 point gcoord computes, saying bd09ll, as lat,lng', () => {
    const baidu = byApp(links, 'baidu');
    const url = new URL(baidu.href);
    expect(url.origin + url.pathname).toBe('https://api.map.baidu.com/marker');
    expect(url.searchParams.get('coord_type')).toBe('bd09ll');
    expect(url.searchParams.get('output')).toBe('html');
    expect(url.searchParams.get('title')).toBe('中国国家博物馆');
    expect(url.searchParams.get('content')).toBe('东长安街16号');
    const expected = reference(MUSEUM.lng, MUSEUM.lat, gcoord.BD09);
    const point = pointOfLink('baidu', baidu.href)!;
    expect(point.lng).toBeCloseTo(expected.lng, 6);
    expect(point.lat).toBeCloseTo(expected.lat, 6);
  });

  it('sends Apple Maps GCJ-02 in a mainland district and WGS-84 in Hong Kong', () => {
    const apple = byApp(links, 'apple');
    expect(apple.crs).toBe('gcj02');
    expect(new URL(apple.href).searchParams.get('dirflg')).toBe('r');
    const expected = reference(MUSEUM.lng, MUSEUM.lat, gcoord.GCJ02);
    const point = pointOfLink('apple', apple.href)!;
    expect(point.lng).toBeCloseTo(expected.lng, 6);
    expect(point.lat).toBeCloseTo(expected.lat, 6);

    const hongKong = byApp(
      directionsLinks({ name: '香港科学馆', lng: 114.1772, lat: 22.3011, adcode: '810000' }),
      'apple',
    );
    expect(hongKong.crs).toBe('wgs84');
    expect(pointOfLink('apple', hongKong.href)).toEqual({ lng: 114.1772, lat: 22.3011 });
  });

  it('leaves points outside China unshifted when no district is known, as gcoord does', () => {
    const paris = directionsLinks({ name: 'Cité des sciences', lng: 2.388, lat: 48.8956 });
    for (const link of paris)
      expect(pointOfLink(link.app, link.href)).toEqual(
        link.app === 'baidu' ? { lng: link.lng, lat: link.lat } : { lng: 2.388, lat: 48.8956 },
      );
    expect(byApp(paris, 'apple').crs).toBe('wgs84');
  });

  it('keeps commas in a name out of Amap’s lng,lat,name parameter', () => {
    const amap = byApp(directionsLinks({ ...MUSEUM, name: '科技馆,东馆' }), 'amap');
    expect(new URL(amap.href).searchParams.get('to')?.split(',')).toHaveLength(3);
  });
});
