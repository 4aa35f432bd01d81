// First: before any module builds a zod schema.
import './zodNoEval';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './App';
import { loadKatex } from './components/equations/katexLoader';
import { startUrlSync } from './state/urlSync';
import { announceLimits } from './state/persist/announceLimits';
import { registerServiceWorker } from './offline/registerServiceWorker';

// `?notes=1` is the speaker-notes window of presenter mode: no explorer, no worker.
const notesWindow = new URLSearchParams(window.location.search).get('notes') === '1';
const NotesWindow = lazy(() => import('./components/presenter/NotesWindow'));

if (!notesWindow) {
  startUrlSync();
  announceLimits();
  registerServiceWorker();
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {notesWindow ? (
      <Suspense fallback={null}>
        <NotesWindow />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);

// KaTeX is not needed for the first paint: fetch it right after, while the worker computes.
requestAnimationFrame(() => setTimeout(() => loadKatex().catch(() => {}), 0));
