// Unrolled's service worker: the app works offline once it has been opened.
//
// The build (scripts/serviceWorkerPlugin.ts) writes this file to dist/sw.js with VERSION (a hash
// of the whole build) and PRECACHE (every file of the build but source maps and the fonts'
// older formats) filled in.
//
// - install: the whole build goes into the cache `unrolled-VERSION`. No skipWaiting: a new
//   version waits until no tab runs the old one, so it takes over on the next visit, never in
//   the middle of a lecture (a page keeps the scripts and the cache of the version it started).
// - activate: caches of other versions are deleted. No clients.claim: a page opened before
//   the service worker existed keeps going to the network until it is reloaded.
// - fetch: same-origin GETs from the cache first, else the network (and a successful answer is
//   kept for next time: the fonts' fallbacks, files added later); a page (navigation) of the app
//   at any query string gets the cached index.html, so `?text=…&step=b2` opens offline too. The
//   other pages (the demo host page, public/embed-demo.html) are themselves, from the cache.

const VERSION = '__UNROLLED_SW_VERSION__';
const PRECACHE = ['__UNROLLED_SW_PRECACHE__'];
const CACHE = `unrolled-${VERSION}`;
/** Static pages beside the app (public/), kept too where the host serves them. */
const PAGES = ['./embed-demo.html', './embed-demo.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        cache
          .addAll(['./', ...PRECACHE])
          .then(() => Promise.all(PAGES.map((p) => cache.add(p).catch(() => undefined)))),
      ),
  );
});

/** Whether a navigation opens the app itself (its folder or its index.html). */
function isAppPage(url) {
  const scope = new URL(self.registration.scope).pathname;
  return url.pathname === scope || url.pathname === `${scope}index.html`;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('unrolled-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !isAppPage(url)) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((page) => page || fetch(request)),
    );
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match('./'))
        .then((page) => page || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreVary: true }).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok && response.type === 'basic' && !url.pathname.endsWith('.map'))
              cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
