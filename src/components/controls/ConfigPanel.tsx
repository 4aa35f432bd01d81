import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { selectConfig, selectSource, selectT } from '../../state/selectors';
import type { ActivationName, LossName } from '../../core/types';
import { ScenarioFile } from './ScenarioFile';
import './ConfigPanel.css';

const MAX_TEXT = 201;

// On a phone the settings start folded away, so the graph is on the first screen.
const openAtStart =
  typeof window === 'undefined' || !window.matchMedia('(max-width: 640px)').matches; // T = length - 1 = 200 steps at most

function textProblem(text: string): string | null {
  if ([...text].length < 2) return 'Type at least two characters: each step predicts the next one.';
  if ([...text].length > MAX_TEXT)
    return `At most ${MAX_TEXT} characters (${MAX_TEXT - 1} time steps).`;
  return null;
}

/** What the student chooses: the sequence, the network's size and nonlinearity, the weights. */
export function ConfigPanel() {
  const config = useStore(selectConfig);
  const source = useStore(selectSource);
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const T = useStore(selectT);
  const { setConfig, newWeights, loadPreset, backToText } = useStore.getState();
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const text = draft ?? config.text;
  const problem = textProblem(text);

  const onText = (value: string) => {
    setDraft(value);
    if (!textProblem(value)) setConfig({ text: value });
  };

  return (
    <details className="config-details" open={openAtStart}>
      <summary>
        <span className="config-summary-title">Sequence, network and weights</span>{' '}
        <span className="config-summary-values num">
          “{config.text.length > 24 ? `${config.text.slice(0, 24)}…` : config.text}” · H ={' '}
          {config.hidden} · {config.act} · seed {config.seed}
        </span>
      </summary>
      <form className="config" aria-label="Network and data" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor={`${id}-text`}>Sequence</label>
          <input
            id={`${id}-text`}
            type="text"
            value={text}
            maxLength={MAX_TEXT + 20}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-text-help`}
            onChange={(e) => onText(e.target.value)}
            onBlur={() => setDraft(null)}
          />
          <small id={`${id}-text-help`} className={problem ? 'problem' : 'help'}>
            {problem ??
              (source.kind === 'text'
                ? `${[...text].length - 1} time steps: each character predicts the next.`
                : `Not in use: the ${source.kind === 'preset' ? 'worked example' : 'imported file'} gives the sequence${T ? ` (${T} steps)` : ''}. Type here to use your own text.`)}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-hidden`}>Hidden size</label>
          <input
            id={`${id}-hidden`}
            type="number"
            min={1}
            max={16}
            value={config.hidden}
            disabled={source.kind !== 'text'}
            onChange={(e) => {
              const h = Math.round(Number(e.target.value));
              if (h >= 1 && h <= 16) setConfig({ hidden: h });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-act`}>Activation</label>
          <select
            id={`${id}-act`}
            value={config.act}
            onChange={(e) => setConfig({ act: e.target.value as ActivationName })}
          >
            <option value="tanh">tanh</option>
            <option value="sigmoid">sigmoid</option>
            <option value="relu">ReLU</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-loss`}>Loss</label>
          <select
            id={`${id}-loss`}
            value={config.loss}
            onChange={(e) => setConfig({ loss: e.target.value as LossName })}
          >
            <option value="cross-entropy">softmax + cross-entropy</option>
            <option value="squared-error">squared error</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>Seed</label>
          <span className="inline">
            <input
              id={`${id}-seed`}
              className="num seed"
              type="number"
              min={0}
              max={2 ** 31 - 1}
              value={config.seed}
              disabled={source.kind !== 'text'}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (Number.isFinite(v) && v >= 0 && v < 2 ** 31) setConfig({ seed: v });
              }}
            />
            <button type="button" onClick={newWeights}>
              New weights
            </button>
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lr`}>Learning rate α</label>
          <input
            id={`${id}-lr`}
            className="num lr"
            type="number"
            min={0.001}
            max={10}
            step={0.01}
            value={config.lr}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (v > 0 && v <= 10) setConfig({ lr: v });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>Weights from</label>
          <select
            id={`${id}-source`}
            value={source.kind === 'preset' ? source.id : source.kind}
            onChange={(e) => {
              const v = e.target.value;
              if (v === 'worked-example') loadPreset('worked-example');
              else if (v === 'text') backToText();
            }}
          >
            <option value="text">the seed (typed sequence)</option>
            <option value="worked-example">worked example (spec)</option>
            {source.kind === 'imported' && <option value="imported">file: {source.name}</option>}
          </select>
        </div>
        <ScenarioFile />
        <p className="status" aria-live="polite">
          {status === 'error' && error ? (
            <span className="problem" role="alert">
              {error}
            </span>
          ) : source.kind === 'preset' ? (
            <span className="help">
              Exact weights and sequence of the worked example; edit the sequence to leave it.
            </span>
          ) : source.kind === 'imported' ? (
            <span className="help">Weights and data from {source.name}.</span>
          ) : null}
        </p>
      </form>
    </details>
  );
}
