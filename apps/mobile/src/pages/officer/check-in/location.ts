import Taro from '@tarojs/taro';

import { wgs84ToGcj02 } from './location-math';

export interface Fix {
  lat: number;
  lng: number;
  accuracy: number;
}

const LOCATION_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * The officer's position in GCJ-02 (the coordinates gates are stored in). WeChat gives GCJ-02;
 * a plain browser only WGS-84, converted here. Undefined when denied or unavailable.
 */
export async function locateOfficer(): Promise<Fix | undefined> {
  try {
    const res = await withTimeout(
      Taro.getLocation({ type: 'gcj02', isHighAccuracy: true }),
      LOCATION_TIMEOUT_MS,
    );
    return { lat: res.latitude, lng: res.longitude, accuracy: res.accuracy ?? 0 };
  } catch {
    if (process.env.TARO_ENV !== 'h5') return undefined;
  }
  try {
    const res = await withTimeout(Taro.getLocation({ type: 'wgs84' }), LOCATION_TIMEOUT_MS);
    const [lat, lng] = wgs84ToGcj02(res.latitude, res.longitude);
    return { lat, lng, accuracy: res.accuracy ?? 0 };
  } catch {
    return undefined;
  }
}
