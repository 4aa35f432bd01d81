import { useStore } from './state/store';
import { ConfigPanel } from './components/controls/ConfigPanel';
import { Transport } from './components/controls/Transport';
import { useKeyboard } from './components/controls/useKeyboard';
import { usePlayer } from './components/controls/usePlayer';
import { GraphStage } from './components/graph/GraphStage';
import { DerivationPanel } from './components/equations/DerivationPanel';
import { WeightsPanel } from './components/weights/WeightsPanel';
import { Notices } from './components/app/Notices';
import { LiveRegion } from './components/app/LiveRegion';
import { useTheme } from './components/app/useTheme';
import { useEmbedBridge } from './components/embed/useEmbedBridge';
import type { Theme } from './state/slices/viewSlice';
import { LessonButtons, LessonSlot, PresenterSlot } from './components/lesson/LessonLoader';
import './App.css';

export function App() {
  useTheme();
  useKeyboard();
  usePlayer();
  useEmbedBridge();
  const embed = useStore((s) => s.embed);
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const presenting = useStore((s) => s.presenting);
  // Presenter mode shows the stage and the derivation only (and the lesson, when open).
  const chrome = !embed && !presenting;

  return (
    <div className={`app${embed ? ' embed' : ''}${presenting ? ' presenting' : ''}`}>
      {chrome && (
        <header className="site-header">
          <div>
            <h1>Unrolled</h1>
            <p className="tagline">
              A recurrent network, unrolled through time — and how its gradient flows back.
            </p>
          </div>
          <LessonButtons />
          <label className="theme-select">
            Theme{' '}
            <select value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="auto">system</option>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </label>
        </header>
      )}
      <main>
        {!embed && <h2 className="visually-hidden">Explorer</h2>}
        <Notices />
        {chrome && <ConfigPanel />}
        <PresenterSlot />
        <div className="workspace">
          <div className="stage-column">
            <LessonSlot />
            <GraphStage />
            {!presenting && <Transport />}
            <LiveRegion />
            {presenting ? null : embed ? (
              // In a frame the weights fold away, so the stage, the transport and the
              // derivation fit a lecture page's iframe.
              <details className="embed-weights">
                <summary>Weights and gradients</summary>
                <WeightsPanel />
              </details>
            ) : (
              <WeightsPanel />
            )}
          </div>
          <DerivationPanel />
        </div>
      </main>
    </div>
  );
}
