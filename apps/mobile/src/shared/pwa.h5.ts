import { session } from '../services/session';

/**
 * The H5 app's service worker (built by Workbox, see config/index.ts): once registered, the app
 * opens with no signal. A new version installs in the background and waits; the user is asked
 * before it takes over (then the page reloads once), so old and new chunks never mix on a page.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || process.env.NODE_ENV !== 'production') return;
  const register = () =>
    navigator.serviceWorker.register('/sw.js').then(watchForUpdates, () => {
      // Not fatal: the app works online without it (e.g. a browser that refuses workers).
    });
  afterPageLoad(() => {
    // Installed already: look for a new version at once (it installs beside and waits).
    if (navigator.serviceWorker.controller) void register();
    // The first install downloads every screen (about 0.5 MB): on one bar of signal that would
    // halve the bandwidth of the login and the first home. It starts once a user has signed
    // in and their home has had time to load; the offline use it serves needs a login anyway.
    else whenSignedIn(() => window.setTimeout(register, FIRST_INSTALL_DELAY_MS));
  });
}

/** After sign-in, the time given to the home's code and data before the precache starts. */
const FIRST_INSTALL_DELAY_MS = 4000;

function afterPageLoad(run: () => void): void {
  if (document.readyState === 'complete') run();
  else window.addEventListener('load', run, { once: true });
}

function whenSignedIn(run: () => void): void {
  if (session.user()) {
    run();
    return;
  }
  const timer = window.setInterval(() => {
    if (!session.user()) return;
    window.clearInterval(timer);
    run();
  }, 1000);
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
}

/** Set when the user taps 立即更新: the new worker then takes over and the page reloads once. */
let updateAccepted = false;

// The first worker also takes control (clientsClaim) without a reload: only an accepted update
// reloads, so nothing the user is doing is interrupted by surprise.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!updateAccepted) return;
    updateAccepted = false;
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
    updateAccepted = true;
    registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
  });
  banner.append(text, button);
  document.body.append(banner);
}
