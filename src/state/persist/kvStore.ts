import { indexedDbOrNull } from './environment';

// A small key-value store on IndexedDB (one database, one object store) for what should
// survive a reload but does not fit in the URL: the lesson position, a training session's
// weights, optimizer state and curves. Values are structured-cloned (typed arrays welcome).
//
// It never throws and never rejects: a failure (storage forbidden in a sandbox or a private
// window, quota exceeded, a value that cannot be cloned) becomes one notice through `notify`,
// said once per kind, and the call answers false / undefined. The work stays in the page.

const DB_NAME = 'unrolled';
const STORE = 'state';

export type StorageProblem = 'forbidden' | 'full' | 'unclonable' | 'failed';

export const STORAGE_NOTICES: Record<StorageProblem, string> = {
  forbidden:
    'This browser does not let Unrolled store anything here (a private window or a sandboxed ' +
    'frame): your work is kept only while this page is open.',
  full: 'The browser’s storage for this site is full: your work could not be saved, and is kept only while this page is open.',
  unclonable: 'Some of your work could not be saved (it cannot be stored as it is).',
  failed: 'Saving your work in this browser failed; it is kept only while this page is open.',
};

export interface KvStore {
  /** Stores `value` under `key`; false (and a notice) if it could not. */
  saveState(key: string, value: unknown): Promise<boolean>;
  /** The value under `key`, or undefined if there is none or it could not be read. */
  loadState<T = unknown>(key: string): Promise<T | undefined>;
  /** Forgets `key`; false (and a notice) if it could not. */
  clearState(key: string): Promise<boolean>;
}

export interface KvOptions {
  /** The IndexedDB factory (tests pass fake-indexeddb's); default: the browser's, if allowed. */
  factory?: () => IDBFactory | null;
  notify: (messages: string[]) => void;
}

function problemOf(e: unknown): StorageProblem {
  const name = e instanceof Error || e instanceof DOMException ? e.name : '';
  if (name === 'QuotaExceededError') return 'full';
  if (name === 'DataCloneError') return 'unclonable';
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError')
    return 'forbidden';
  return 'failed';
}

/** A request's result as a promise. */
function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function createKvStore({ factory = indexedDbOrNull, notify }: KvOptions): KvStore {
  let db: Promise<IDBDatabase> | null = null;
  const told = new Set<StorageProblem>();

  function tell(e: unknown): void {
    const p = problemOf(e);
    if (told.has(p)) return;
    told.add(p);
    notify([STORAGE_NOTICES[p]]);
  }

  function open(): Promise<IDBDatabase> {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const idb = factory();
      if (!idb) throw new DOMException('no IndexedDB here', 'SecurityError');
      const req = idb.open(DB_NAME, 1); // throws SecurityError in an opaque origin
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => {
        const d = req.result;
        // Another tab with a newer version: let it upgrade, open again next time.
        d.onversionchange = () => {
          d.close();
          db = null;
        };
        resolve(d);
      };
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new DOMException('blocked by another tab', 'InvalidStateError'));
    }).catch((e: unknown) => {
      db = null; // try again next time (the user may have freed space or allowed storage)
      throw e;
    });
    return db;
  }

  /** Runs one request in its own transaction and waits until that transaction commits. */
  async function run<T>(
    mode: IDBTransactionMode,
    make: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> {
    const d = await open();
    const tx = d.transaction(STORE, mode);
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      // Quota errors may only show on the transaction (abort), not on the request.
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
      tx.onerror = () => reject(tx.error);
    });
    const result = done(make(tx.objectStore(STORE)));
    result.catch(() => {}); // the transaction's own rejection reports it
    await committed;
    return result;
  }

  return {
    async saveState(key, value) {
      try {
        await run('readwrite', (s) => s.put(value, key));
        return true;
      } catch (e) {
        tell(e);
        return false;
      }
    },
    async loadState<T>(key: string) {
      try {
        return (await run('readonly', (s) => s.get(key))) as T | undefined;
      } catch (e) {
        tell(e);
        return undefined;
      }
    },
    async clearState(key) {
      try {
        await run('readwrite', (s) => s.delete(key));
        return true;
      } catch (e) {
        tell(e);
        return false;
      }
    },
  };
}
