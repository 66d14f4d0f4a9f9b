/**
 * Loads the code of the screens a user is likely to open next while they read or type, so that
 * on one bar of signal the next screen does not wait for its chunks. It goes through Taro's own
 * route loaders (window.__taroAppConfig.routes, the same `import()` the router calls), so a
 * prefetched page is the very chunk the router uses later: nothing is loaded twice.
 */
interface TaroRoute {
  path: string;
  load?: () => [Promise<unknown>, ...unknown[]];
}

interface TaroWindow {
  __taroAppConfig?: { routes?: TaroRoute[] };
}

/** Paths as the app writes them (`/pages/login/index`); unknown paths are ignored. */
export function prefetchPages(paths: readonly string[]): void {
  const routes = (window as unknown as TaroWindow).__taroAppConfig?.routes ?? [];
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
  idle(() => {
    for (const wanted of paths) {
      const route = routes.find((r) => `/${r.path}` === wanted || r.path === wanted);
      try {
        // A failed load (no signal) is retried by the router when the page is really opened.
        void route?.load?.()[0]?.catch(() => undefined);
      } catch {
        // Taro changed its route shape: prefetching is only an optimisation.
      }
    }
  });
}
