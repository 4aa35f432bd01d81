import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createKvStore, STORAGE_NOTICES } from './kvStore';

function setup(factory: () => IDBFactory | null = () => new IDBFactory()) {
  const notices: string[] = [];
  const idb = factory();
  const kv = createKvStore({ factory: () => idb, notify: (m) => notices.push(...m) });
  return { kv, notices };
}

describe('the IndexedDB key-value store', () => {
  it('saves, loads and clears values, typed arrays included', async () => {
    const { kv, notices } = setup();
    expect(await kv.loadState('lesson')).toBeUndefined();
    const weights = { U: new Float64Array([0.5, -0.25]), iteration: 4210 };
    expect(await kv.saveState('lab', weights)).toBe(true);
    expect(await kv.saveState('lesson', { step: 7 })).toBe(true);
    expect(await kv.loadState('lab')).toEqual(weights);
    expect(await kv.loadState<{ step: number }>('lesson')).toEqual({ step: 7 });
    expect(await kv.clearState('lesson')).toBe(true);
    expect(await kv.loadState('lesson')).toBeUndefined();
    expect(await kv.loadState('lab')).toEqual(weights);
    expect(notices).toEqual([]);
  });

  it('where there is no IndexedDB: answers false / undefined and says so once', async () => {
    const { kv, notices } = setup(() => null);
    expect(await kv.saveState('a', 1)).toBe(false);
    expect(await kv.loadState('a')).toBeUndefined();
    expect(await kv.clearState('a')).toBe(false);
    expect(notices).toEqual([STORAGE_NOTICES.forbidden]);
  });

  it('where opening throws (an opaque origin): never throws, one notice', async () => {
    const forbidden = {
      open() {
        throw new DOMException('access denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const { kv, notices } = setup(() => forbidden);
    await expect(kv.saveState('a', 1)).resolves.toBe(false);
    await expect(kv.loadState('a')).resolves.toBeUndefined();
    expect(notices).toEqual([STORAGE_NOTICES.forbidden]);
  });

  it('a full quota: the save answers false with the quota notice; reading still works', async () => {
    const real = new IDBFactory();
    const { kv, notices } = setup(() => real);
    expect(await kv.saveState('small', 1)).toBe(true);
    // Make every put fail as a full disk does.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
    };
    try {
      expect(await kv.saveState('big', new Float64Array(10))).toBe(false);
      expect(await kv.saveState('big', new Float64Array(10))).toBe(false);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(notices).toEqual([STORAGE_NOTICES.full]);
    expect(await kv.loadState('small')).toBe(1);
    expect(await kv.saveState('big', 2)).toBe(true);
  });

  it('a value that cannot be cloned: refused with a notice, not an exception', async () => {
    const { kv, notices } = setup();
    expect(await kv.saveState('fn', { f: () => 1 })).toBe(false);
    expect(notices).toEqual([STORAGE_NOTICES.unclonable]);
  });
});
