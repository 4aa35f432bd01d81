import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { pushNextUrl } from '../../state/urlSync';
import { CompareCells } from './CompareCells';
import { DivergenceAlert } from './DivergenceAlert';
import { LabCharts } from './LabCharts';
import { LabChoicesPanel } from './LabChoicesPanel';
import { LabMetrics, LabSample } from './LabMetrics';
import { LabResumeOffer } from './LabResumeOffer';
import { LabRunControls } from './LabRunControls';
import { useLabLive } from './useLabLive';
import { WhyGradients } from './WhyGradients';
import './LabPage.css';

// The training lab (loaded on demand): train a vanilla or gated cell in the worker on a task,
// watch the loss and the gradients, see why they vanish or explode, and compare two cells.

function ExploreWeights() {
  const limit = useLabLive((s) => s.report?.explorerLimit ?? null);
  const explore = useStore((s) => s.labExplore);
  const error = useStore((s) => s.labError);
  return (
    <div className="lab-explore">
      <button
        type="button"
        disabled={limit !== null}
        aria-describedby={limit ? 'explore-limit' : undefined}
        onClick={() => {
          // The explorer is a new history entry, so Back returns to the lab; it opens at its top.
          const cancel = pushNextUrl();
          void explore().then(() => {
            if (useStore.getState().page === 'explorer') window.scrollTo(0, 0);
            else cancel();
          });
        }}
      >
        Explore these weights
      </button>
      {limit ? (
        <small id="explore-limit">{limit}</small>
      ) : (
        <small>
          Opens the explorer on one training sequence with these weights (Back returns here).
        </small>
      )}
      {error && <p className="problem">{error}</p>}
    </div>
  );
}

export default function LabPage() {
  useEffect(() => {
    void useStore.getState().labOpen();
    // A page hidden or closed may not come back: save the run (a reload offers it back).
    const save = () => {
      if (document.visibilityState === 'hidden') void useStore.getState().labSave();
    };
    const onHide = () => void useStore.getState().labSave();
    document.addEventListener('visibilitychange', save);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', save);
      window.removeEventListener('pagehide', onHide);
      // Leaving the page pauses training: the main thread would draw nothing anyway.
      void useStore.getState().labPause();
    };
  }, []);
  return (
    <section aria-label="Training" className="lab">
      <h2>Training lab</h2>
      <p className="lab-intro">
        Train a vanilla RNN, an LSTM or a GRU here, in a worker, and watch why a vanilla RNN is hard
        to train over long spans and how the gated cells' extra paths help.
      </p>
      <LabResumeOffer />
      <LabChoicesPanel />
      <LabRunControls />
      <DivergenceAlert />
      <LabMetrics />
      <LabSample />
      <LabCharts />
      <WhyGradients />
      <CompareCells />
      <ExploreWeights />
    </section>
  );
}
