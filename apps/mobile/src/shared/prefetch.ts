/**
 * In the mini-program WeChat downloads the main package and preloads subpackages itself
 * (app.config preloadRule): nothing to do there. See prefetch.h5.ts.
 */
export function prefetchPages(_paths: readonly string[]): void {}
