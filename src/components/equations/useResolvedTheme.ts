import { useSyncExternalStore } from 'react';
import { useStore } from '../../state/store';

// The store says 'auto' | 'light' | 'dark'; KaTeX colours need the one in effect.

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  if (typeof window === 'undefined' || !window.matchMedia) return () => {};
  const q = window.matchMedia(QUERY);
  q.addEventListener('change', onChange);
  return () => q.removeEventListener('change', onChange);
}

const systemDark = () =>
  typeof window !== 'undefined' && !!window.matchMedia && window.matchMedia(QUERY).matches;

export function useResolvedTheme(): 'light' | 'dark' {
  const theme = useStore((s) => s.theme);
  const dark = useSyncExternalStore(subscribe, systemDark, () => false);
  if (theme === 'auto') return dark ? 'dark' : 'light';
  return theme;
}
