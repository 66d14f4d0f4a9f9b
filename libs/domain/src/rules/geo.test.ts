import { distanceMeters, EARTH_RADIUS_M } from './geo';

describe('distanceMeters', () => {
  const zhengzhou = { lat: 34.7466, lng: 113.6254 };

  it('is zero between a point and itself', () => {
    expect(distanceMeters(zhengzhou, zhengzhou)).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    const north = { lat: zhengzhou.lat + 1, lng: zhengzhou.lng };
    expect(distanceMeters(zhengzhou, north)).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_M, 3);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    const east = { lat: 60, lng: 1 };
    expect(distanceMeters({ lat: 60, lng: 0 }, east)).toBeCloseTo(
      (Math.PI / 180) * EARTH_RADIUS_M * Math.cos(Math.PI / 3),
      -1,
    );
  });

  it('is symmetric', () => {
    const jiyuan = { lat: 35.0902, lng: 112.6023 };
    expect(distanceMeters(zhengzhou, jiyuan)).toBe(distanceMeters(jiyuan, zhengzhou));
    expect(distanceMeters(zhengzhou, jiyuan)).toBeGreaterThan(95_000);
    expect(distanceMeters(zhengzhou, jiyuan)).toBeLessThan(105_000);
  });

  it('gives half the circumference between antipodes', () => {
    expect(distanceMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_M,
      3,
    );
  });

  it('measures a short distance at a gate to the centimetre', () => {
    const tenMetresNorth = {
      lat: zhengzhou.lat + 10 / ((Math.PI / 180) * EARTH_RADIUS_M),
      lng: zhengzhou.lng,
    };
    expect(distanceMeters(zhengzhou, tenMetresNorth)).toBeCloseTo(10, 2);
  });
});
