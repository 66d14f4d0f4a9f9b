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

/**
 * Paths as the app writes them (`/pages/login/index`), most likely first: one page at a time, so
 * on a thin connection the first is not slowed by the others. Unknown paths are ignored.
 */
export function prefetchPages(paths: readonly string[]): void {
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
  idle(() => void loadInTurn(paths));
}

async function loadInTurn(paths: readonly string[]): Promise<void> {
  const routes = (window as unknown as TaroWindow).__taroAppConfig?.routes ?? [];
  for (const wanted of paths) {
    const route = routes.find((r) => `/${r.path}` === wanted || r.path === wanted);
    try {
      await route?.load?.()[0];
    } catch {
      // No signal (the router tries again when the page is really opened), or Taro changed its
      // route shape: prefetching is only an optimisation.
    }
  }
}
