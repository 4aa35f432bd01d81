import { useStore } from '../../state/store';
import type { HidePart } from '../../state/url';
import { ConfigPanel } from '../controls/ConfigPanel';
import { Transport } from '../controls/Transport';
import { GraphStage } from '../graph/GraphStage';
import { DerivationPanel } from '../equations/DerivationPanel';
import { WeightsPanel } from '../weights/WeightsPanel';
import { Notices } from './Notices';
import { LiveRegion } from './LiveRegion';
import { LessonSlot, PresenterSlot } from '../lesson/LessonLoader';

/** The explorer: settings, the stage with its transport, the weights and the derivation. */
export function ExplorerPage() {
  const embed = useStore((s) => s.embed);
  const presenting = useStore((s) => s.presenting);
  // `hide=`: parts a lesson link or an embed leaves out.
  const hide = useStore((s) => s.hide);
  const shows = (part: HidePart) => !hide.includes(part);
  // Presenter mode shows the stage and the derivation only (and the lesson, when open).
  const chrome = !embed && !presenting;

  return (
    <main>
      {!embed && <h2 className="visually-hidden">Explorer</h2>}
      <Notices />
      {chrome && shows('settings') && <ConfigPanel />}
      <PresenterSlot />
      <div className={shows('derivation') ? 'workspace' : 'workspace no-derivation'}>
        <div className="stage-column">
          {shows('lesson') && <LessonSlot />}
          <GraphStage />
          {!presenting && shows('transport') && <Transport />}
          <LiveRegion />
          {presenting || !shows('weights') ? null : embed ? (
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
        {shows('derivation') && <DerivationPanel />}
      </div>
    </main>
  );
}
