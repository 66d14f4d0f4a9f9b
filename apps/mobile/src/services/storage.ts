import Taro from '@tarojs/taro';

/**
 * Durable key-value storage behind an interface, so the same feature code runs in WeChat
 * (wx storage), in H5 (localStorage, through Taro) and in jest (memory).
 */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
  remove(key: string): void;
}

/** Taro's synchronous storage: survives the app being killed. */
export const taroStore: KeyValueStore = {
  get<T>(key: string): T | undefined {
    try {
      const value = Taro.getStorageSync(key) as T | '' | undefined;
      return value === '' || value === undefined || value === null ? undefined : (value as T);
    } catch {
      return undefined;
    }
  },
  set<T>(key: string, value: T): void {
    Taro.setStorageSync(key, value);
  },
  remove(key: string): void {
    Taro.removeStorageSync(key);
  },
};

/** For tests and previews. */
export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  // Stored as JSON text, as the real storages do: a caller never shares objects with the store.
  const data = new Map<string, string>(
    Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]),
  );
  return {
    get: <T>(key: string) => (data.has(key) ? (JSON.parse(data.get(key)!) as T) : undefined),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    remove: (key) => void data.delete(key),
  };
}
