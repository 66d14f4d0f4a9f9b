/**
 * The H5 app's service worker (built by Workbox, see config/index.ts): once registered, the app
 * opens with no signal. A new version installs in the background and waits; the user is asked
 * before it takes over (then the page reloads once), so old and new chunks never mix on a page.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || process.env.NODE_ENV !== 'production') return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').then(watchForUpdates, () => {
      // Not fatal: the app works online without it (e.g. a browser that refuses workers).
    });
  });
}

function watchForUpdates(registration: ServiceWorkerRegistration): void {
  // The first install takes control at once (clientsClaim); only a replacement waits.
  const offer = () => {
    if (registration.waiting && navigator.serviceWorker.controller) showUpdateBanner(registration);
  };
  offer();
  registration.addEventListener('updatefound', () => {
    registration.installing?.addEventListener('statechange', offer);
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });
}

function showUpdateBanner(registration: ServiceWorkerRegistration): void {
  if (document.getElementById('qq-update')) return;
  const banner = document.createElement('div');
  banner.id = 'qq-update';
  banner.className = 'qq-update';
  banner.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = '亲清有新版本，更新后继续使用。';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'qq-update__button';
  button.textContent = '立即更新';
  button.addEventListener('click', () => {
    button.disabled = true;
    registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
  banner.append(text, button);
  document.body.append(banner);
}
