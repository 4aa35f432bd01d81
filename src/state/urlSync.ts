import { useStore, type AppState } from './store';
import { parseUrl, serializeUrl, type UrlState } from './url';
import { cursorLabel } from './cursor';
import type { Speed } from './slices/cursorSlice';

// The URL mirrors the store: read once at start, written (debounced) on every change, so a
// copied link opens the same picture.

function toUrlState(s: AppState): UrlState {
  const T = s.result?.trace.T ?? 0;
  return {
    text: s.config.text,
    hidden: s.config.hidden,
    act: s.config.act,
    loss: s.config.loss,
    seed: s.config.seed,
    lr: s.config.lr,
    // Until the first trace exists, keep the step the URL asked for.
    step: s.pendingStep ?? (s.result ? cursorLabel(s.cursor, T) : '0'),
    view: s.view,
    theme: s.theme,
    preset: s.source.kind === 'preset' ? s.source.id : 'none',
    speed: s.speed,
  };
}

export function applyUrl(search: string): void {
  const { state: u, frame, problems } = parseUrl(search);
  useStore.setState({
    config: { text: u.text, hidden: u.hidden, act: u.act, loss: u.loss, seed: u.seed, lr: u.lr },
    source:
      u.preset === 'worked-example' ? { kind: 'preset', id: 'worked-example' } : { kind: 'text' },
    pendingStep: u.step,
    view: u.view,
    theme: u.theme,
    speed: u.speed as Speed,
    embed: frame.embed,
    parentOrigin: frame.parentOrigin,
    notices: problems,
  });
}

let started = false;

export function startUrlSync(): void {
  if (started) return;
  started = true;
  applyUrl(window.location.search);
  const { embed, parentOrigin } = useStore.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = window.location.search;
  useStore.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = serializeUrl(toUrlState(useStore.getState()), { embed, parentOrigin });
      if (next !== last) {
        last = next;
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${next}${window.location.hash}`,
        );
      }
    }, 120);
  });
  void useStore.getState().recompute();
}
