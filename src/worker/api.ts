import { transfer } from 'comlink';
import { explore, type ExploreRequest, type ExploreResponse } from '../core/explore';

// The worker's whole surface: core calls, nothing else. Typed arrays go back transferred.

function buffersOf(value: unknown, out: ArrayBuffer[] = []): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) buffersOf(v, out);
  }
  return out;
}

export const api = {
  explore(req: ExploreRequest): ExploreResponse {
    const res = explore(req);
    return res.ok ? transfer(res, buffersOf(res.value)) : res;
  },
};

export type RnnApi = typeof api;
