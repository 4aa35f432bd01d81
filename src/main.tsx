// First: before any module builds a zod schema.
import './zodNoEval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './App';
import { loadKatex } from './components/equations/katexLoader';
import { startUrlSync } from './state/urlSync';
import { announceLimits } from './state/persist/announceLimits';
import { registerServiceWorker } from './offline/registerServiceWorker';

startUrlSync();
announceLimits();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// KaTeX is not needed for the first paint: fetch it right after, while the worker computes.
requestAnimationFrame(() => setTimeout(() => loadKatex().catch(() => {}), 0));
