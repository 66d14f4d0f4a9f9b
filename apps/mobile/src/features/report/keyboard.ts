/**
 * A custom choice (a View with role radio / checkbox) reachable and usable by keyboard on H5:
 * a tab stop, and Enter / Space act like a tap. Taro's View types know neither prop, hence the cast.
 */
export function keyboard(act: () => void): Record<string, unknown> {
  return {
    tabIndex: 0,
    onKeyDown: (e: { key?: string; preventDefault?: () => void }) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault?.();
      act();
    },
  };
}
