import { useEffect } from 'react';
import { useStore } from '../../state/store';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolvedTheme(theme: 'auto' | 'light' | 'dark'): 'light' | 'dark' {
  if (theme !== 'auto') return theme;
  return darkQuery().matches ? 'dark' : 'light';
}

/** Puts the chosen theme on <html data-theme>, following the system when the choice is auto. */
export function useTheme(): void {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const apply = () => document.documentElement.setAttribute('data-theme', resolvedTheme(theme));
    apply();
    if (theme !== 'auto') return;
    const q = darkQuery();
    q.addEventListener('change', apply);
    return () => q.removeEventListener('change', apply);
  }, [theme]);
}
