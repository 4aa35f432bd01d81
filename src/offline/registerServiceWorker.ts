import { serviceWorkerOrNull } from '../state/persist/environment';

// Registers the service worker (src/offline/sw.js) of the built app, after the page has loaded
// so it does not compete with the first paint. Not in `vite dev` (no sw.js there), nor where
// there is no service worker: an opaque origin (a sandboxed frame), an old browser, a
// non-secure origin. A refusal is not an error: the app works without, just not offline.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  const container = serviceWorkerOrNull();
  if (!container) return;
  const register = () => {
    container.register('./sw.js').catch((e: unknown) => {
      console.warn(`Unrolled: no offline copy (${e instanceof Error ? e.message : String(e)}).`);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
