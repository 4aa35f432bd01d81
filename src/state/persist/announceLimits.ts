import { useStore } from '../store';
import { isOpaqueOrigin, NO_STORAGE_NOTICE } from './environment';

/** At start: a quiet notice when this page can keep nothing (a sandboxed frame). */
export function announceLimits(): void {
  if (isOpaqueOrigin()) useStore.getState().notify([NO_STORAGE_NOTICE]);
}
