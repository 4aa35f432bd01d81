// What this page may use. In an opaque origin (an iframe with sandbox="allow-scripts" and no
// allow-same-origin) merely reading `localStorage`, `sessionStorage` or
// `navigator.serviceWorker` throws a SecurityError, and indexedDB.open() throws: every access
// to them goes through here or through a try.

/** True in a sandboxed frame without allow-same-origin (and other opaque origins). */
export function isOpaqueOrigin(): boolean {
  try {
    return self.origin === 'null';
  } catch {
    return true;
  }
}

/** The IndexedDB factory, or null where there is none or reading it throws. */
export function indexedDbOrNull(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null;
  }
}

/** navigator.serviceWorker, or null where there is none or reading it throws. */
export function serviceWorkerOrNull(): ServiceWorkerContainer | null {
  try {
    if (isOpaqueOrigin() || typeof navigator === 'undefined') return null;
    return 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  } catch {
    return null;
  }
}

/** The quiet notice for a page that can keep nothing: said once, at start. */
export const NO_STORAGE_NOTICE =
  'This page is in a sandboxed frame: it works, but it cannot save anything in this browser ' +
  'or work offline. Open Unrolled in its own tab to keep your work.';

/** This tab's sessionStorage, or null where there is none or reading it throws. */
export function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}
