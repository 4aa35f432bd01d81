import type { StateCreator } from 'zustand';
import type { ExploreRequest, ExploreResponse, ExploreResult } from '../../core/explore';
import { presetById } from '../../content/presets';
import { isCancelled } from '../../worker/client';
import { explorerSession } from '../../worker/explorer';
import type { AppState } from '../store';
import { cursorCount, parseCursorLabel } from '../cursor';

export interface ComputeSlice {
  status: 'idle' | 'computing' | 'ready' | 'error';
  result: ExploreResult | null;
  /** Why the last request failed (bad imported data, a worker crash); the last good result stays. */
  error: string | null;
  requestId: number;
  recompute: () => Promise<void>;
}

export function exploreRequest(s: AppState): ExploreRequest {
  const { config, source } = s;
  if (source.kind === 'text') return { kind: 'text', ...config, activation: config.act };
  const scenario = source.kind === 'preset' ? presetById(source.id)!.scenario : source.scenario;
  return {
    kind: 'scenario',
    scenario: { ...scenario, activation: config.act, loss: config.loss },
    lr: config.lr,
  };
}

function settledStatus(s: ComputeSlice): ComputeSlice['status'] {
  return s.error ? 'error' : s.result ? 'ready' : 'idle';
}

export const createComputeSlice: StateCreator<AppState, [], [], ComputeSlice> = (set, get) => ({
  status: 'idle',
  result: null,
  error: null,
  requestId: 0,
  recompute: async () => {
    const id = get().requestId + 1;
    set({ requestId: id, status: 'computing' });
    const req = exploreRequest(get());
    let res: ExploreResponse;
    try {
      // Supersedes the explorer's previous request; a worker crash is recovered in the client.
      res = await explorerSession.explore(req);
    } catch (e) {
      if (isCancelled(e)) {
        // Superseded. A newer recompute settles the status; if the newer request came from
        // elsewhere, leave the status as it was before this one.
        if (get().requestId === id) set({ status: settledStatus(get()) });
        return;
      }
      res = { ok: false as const, error: `The computation failed: ${(e as Error).message}` };
    }
    // A newer request has been made since: its answer is the one to show.
    if (get().requestId !== id) return;
    if (!res.ok) {
      set({ status: 'error', error: res.error });
      return;
    }
    const T = res.value.trace.T;
    const { pendingStep, cursor } = get();
    const fromUrl = pendingStep === null ? null : parseCursorLabel(pendingStep, T);
    set({
      status: 'ready',
      error: null,
      result: res.value,
      pendingStep: null,
      cursor: fromUrl ?? Math.min(cursor, cursorCount(T) - 1),
    });
  },
});
