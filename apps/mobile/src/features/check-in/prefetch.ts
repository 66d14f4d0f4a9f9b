/**
 * The mini-program: the check-in screen is in the officer's subpackage, loaded with his home.
 * See prefetch.h5.ts.
 */
export function prefetchCheckInScreen(): void {}
