/** The mini-program updates through WeChat: no service worker there. See pwa.h5.ts. */
export function registerServiceWorker(): void {}
