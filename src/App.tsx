import { lazy, Suspense } from 'react';
import { useStore } from './state/store';
import { useKeyboard } from './components/controls/useKeyboard';
import { usePlayer } from './components/controls/usePlayer';
import { Notices } from './components/app/Notices';
import { useTheme } from './components/app/useTheme';
import { PageNav } from './components/app/PageNav';
import { ExplorerPage } from './components/app/ExplorerPage';
import { useEmbedBridge } from './components/embed/useEmbedBridge';
import { SiteTools } from './components/share/SiteTools';
import type { Theme } from './state/slices/viewSlice';
import { LessonButtons } from './components/lesson/LessonLoader';
import './App.css';

// The training lab loads on demand, outside the first screen's budget.
const LabPage = lazy(() => import('./components/training/LabPage'));

export function App() {
  useTheme();
  useKeyboard();
  usePlayer();
  useEmbedBridge();
  const embed = useStore((s) => s.embed);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const page = useStore((s) => s.page);
  const presenting = useStore((s) => s.presenting);
  // Presenter mode shows the stage and the derivation only (and the lesson, when open).
  const chrome = !embed && !presenting;

  return (
    <div className={`app${embed ? ' embed' : ''}${presenting ? ' presenting' : ''}`}>
      {chrome && (
        <header className="site-header">
          <div className="brand">
            <div className="brand-title">
              <h1>Unrolled</h1>
              <PageNav />
            </div>
            <p className="tagline">
              A recurrent network, unrolled through time — and how its gradient flows back.
            </p>
          </div>
          {/* One group, so the header stays one row on a laptop and wraps as a whole. */}
          <div className="site-actions">
            <LessonButtons />
            {/* Share and the downloads concern the explorer's picture; the lab's link is its address. */}
            {page === 'explorer' && <SiteTools />}
            <label className="theme-select">
              Theme{' '}
              <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                <option value="auto">system</option>
                <option value="light">light</option>
                <option value="dark">dark</option>
              </select>
            </label>
          </div>
        </header>
      )}
      {page === 'lab' ? (
        <main>
          <Notices />
          <Suspense fallback={<p role="status">Loading the training lab…</p>}>
            <LabPage />
          </Suspense>
        </main>
      ) : (
        <ExplorerPage />
      )}
    </div>
  );
}
