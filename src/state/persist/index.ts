import { useStore } from '../store';
import { createKvStore, type KvStore } from './kvStore';

// The app's store for what survives a reload beyond the URL (see kvStore.ts). Its notices go
// to the store's dismissible notices.

let app: KvStore | null = null;
const kv = () => (app ??= createKvStore({ notify: (m) => useStore.getState().notify(m) }));

export const saveState: KvStore['saveState'] = (key, value) => kv().saveState(key, value);
export const loadState: KvStore['loadState'] = <T>(key: string) => kv().loadState<T>(key);
export const clearState: KvStore['clearState'] = (key) => kv().clearState(key);
