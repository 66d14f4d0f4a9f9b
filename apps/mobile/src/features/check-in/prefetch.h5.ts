/**
 * H5: the check-in screen's code is fetched as soon as the officer's home shows, not at the first
 * scan (at a gate with one bar of signal that is the wait). The same chunk the router loads.
 */
export function prefetchCheckInScreen(): void {
  void import('../../pages/officer/check-in/index').catch(() => undefined);
}
