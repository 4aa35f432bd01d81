import { useStore, type AppState } from './store';
import { parseUrl, serializeUrl, type UrlState } from './url';
import { cursorLabel } from '../core/cursor';
import { CHOICES, type ChoiceName } from '../core/model';
import { LAB_WEIGHTS, type ExplorerConfig, type Source } from './slices/configSlice';
import { keepImport, keptImportFor } from './persist/keptImport';

// The URL mirrors the store: read once at start, written (debounced) on every change, so a
// copied link opens the same picture. Reading it goes through the store's actions (goTo for
// the scenario, cursor and view), never around them.

export function toUrlState(s: AppState): UrlState {
  const T = s.result?.trace.T ?? 0;
  return {
    ...s.config,
    // Until the first trace exists, keep the step the URL asked for.
    step: s.pendingStep ?? (s.result ? cursorLabel(s.cursor, T) : '0'),
    view: s.view,
    theme: s.theme,
    preset: s.source.kind === 'preset' ? s.source.id : 'none',
    speed: s.speed,
    page: s.page,
    lesson: s.lesson,
    present: s.presenting ? '1' : '0',
    compare: s.page === 'lab' ? s.labCompare : 'none',
  };
}

/** Move the app to what a URL says; bad values fall back to defaults with a notice. How the
 *  page is framed (embed, parentOrigin) is read at start only (`frame: false` keeps it).
 *  An imported scenario kept for a reload of this very URL (keptImport.ts) comes back too. */
export function applyUrl(search: string, { frame: readFrame = true } = {}): Promise<unknown> {
  const { state: u, frame, problems, lab } = parseUrl(search);
  const s = useStore.getState();
  s.setPage(u.page);
  void s.setLabChoices(lab);
  s.setLabCompare(u.page === 'lab' ? u.compare : 'none');
  if (readFrame) s.setFrame(frame);
  s.setTheme(u.theme);
  s.setSpeed(u.speed);
  s.notify(problems);
  // A URL without them (back to an entry a page pushed) leaves the lesson and presenter mode.
  if (u.lesson > 0) s.openLesson(u.lesson);
  else if (s.lesson > 0) s.closeLesson();
  if ((u.present === '1') !== s.presenting) s.setPresenting(u.present === '1');
  const { step, view, preset } = u;
  const config = Object.fromEntries(
    (Object.keys(CHOICES) as ChoiceName[]).map((k) => [k, u[k]]),
  ) as ExplorerConfig;
  const kept = preset === 'none' ? keptImportFor(search) : null;
  const source: Source = kept
    ? { kind: 'imported', ...kept }
    : preset === 'none'
      ? { kind: 'text' }
      : { kind: 'preset', id: preset };
  return s.goTo({ config, source, step, view });
}

/** The next URL written makes a new history entry (Back returns to the page before); the
 *  function returned takes that back (the move did not happen). */
let pushNext = false;
export function pushNextUrl(): () => void {
  pushNext = true;
  return () => {
    pushNext = false;
  };
}

/** Says once per imported scenario that this tab cannot keep it for a reload. */
let refusedFor: unknown = null;
function keepForReload(search: string): void {
  const { source, notify } = useStore.getState();
  if (source.kind !== 'imported') return;
  if (keepImport(search, { name: source.name, scenario: source.scenario })) return;
  if (refusedFor === source.scenario) return;
  refusedFor = source.scenario;
  notify([
    `This browser tab would not keep the ${source.name === LAB_WEIGHTS ? 'trained weights' : 'imported scenario'} (its storage is refused or full), so a reload opens the seeded weights: use Export scenario to keep them.`,
  ]);
}

let started = false;

export function startUrlSync(): void {
  if (started) return;
  started = true;
  void applyUrl(window.location.search);
  const { embed, parentOrigin, hide } = useStore.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = window.location.search;
  useStore.subscribe(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const next = serializeUrl(
        toUrlState(useStore.getState()),
        { embed, parentOrigin, hide },
        useStore.getState().labChoices,
      );
      if (next !== last) {
        last = next;
        const url = `${window.location.pathname}${next}${window.location.hash}`;
        if (pushNext) window.history.pushState(null, '', url);
        else window.history.replaceState(null, '', url);
        pushNext = false;
      }
      keepForReload(next);
    }, 120);
  });
  // Back / forward to an entry a page pushed (a lesson, a host page): read it as at start.
  window.addEventListener('popstate', () => {
    clearTimeout(timer);
    last = window.location.search;
    void applyUrl(last, { frame: false });
  });
}
