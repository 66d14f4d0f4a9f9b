import { gcj02ToWgs84, wgs84ToGcj02 } from './location-math';

describe('WGS-84 ↔ GCJ-02', () => {
  it('shifts a point in Zhengzhou by a few hundred metres and back', () => {
    const [lat, lng] = wgs84ToGcj02(34.7466, 113.6253);
    expect(Math.abs(lat - 34.7466)).toBeGreaterThan(0.0005);
    expect(Math.abs(lng - 113.6253)).toBeGreaterThan(0.003);
    const [bLat, bLng] = gcj02ToWgs84(lat, lng);
    expect(bLat).toBeCloseTo(34.7466, 6);
    expect(bLng).toBeCloseTo(113.6253, 6);
  });

  it('leaves points outside China alone', () => {
    expect(wgs84ToGcj02(48.8566, 2.3522)).toEqual([48.8566, 2.3522]);
  });
});
