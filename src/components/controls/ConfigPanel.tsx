import { useId, useState } from 'react';
import { useStore } from '../../state/store';
import { selectConfig, selectSource, selectT } from '../../state/selectors';
import { CELLS, CHOICES, cellWithArticle, inBounds, type ChoiceName } from '../../core/model';
import { PRESETS } from '../../core/presets';
import type { ExplorerConfig } from '../../state/slices/configSlice';
import { KeepField } from './KeepField';
import { ScenarioFile } from './ScenarioFile';
import './ConfigPanel.css';

// Every option, bound and default here comes from the model's declaration (core/model.ts).
const { text: TEXT, hidden: HIDDEN, seed: SEED, lr: LR } = CHOICES;

// On a phone the settings start folded away, so the graph is on the first screen.
const openAtStart =
  typeof window === 'undefined' || !window.matchMedia('(max-width: 640px)').matches; // T = length - 1 = 200 steps at most

/** Small counts in words, as a sentence reads them. */
const inWords = (n: number) => ['no', 'one', 'two', 'three', 'four'][n] ?? String(n);

function textProblem(text: string): string | null {
  const n = [...text].length;
  if (n < TEXT.minLength)
    return `Type at least ${inWords(TEXT.minLength)} characters: each step predicts the next one.`;
  if (n > TEXT.maxLength)
    return `At most ${TEXT.maxLength} characters (${TEXT.maxLength - 1} time steps).`;
  return null;
}

/** A menu for an enum choice of the declaration: its options and their words. */
function ChoiceSelect<K extends 'act' | 'loss' | 'notation' | 'cell'>({
  id,
  name,
  value,
  onChange,
  disabled,
  help,
  only,
}: {
  id: string;
  name: K;
  value: ExplorerConfig[K];
  onChange: (v: ExplorerConfig[K]) => void;
  disabled?: boolean;
  /** A short line under the menu, tied to it (aria-describedby). */
  help?: string;
  /** Offer only these options (and the current value). */
  only?: readonly ExplorerConfig[K][];
}) {
  const c = CHOICES[name];
  const labels = c.labels as Record<string, string>;
  return (
    <div className="field">
      <label htmlFor={id}>{c.label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={help ? `${id}-help` : undefined}
        onChange={(e) => onChange(e.target.value as ExplorerConfig[K])}
      >
        {(c.options as readonly string[])
          .filter((o) => !only || o === value || (only as readonly string[]).includes(o))
          .map((o) => (
            <option key={o} value={o}>
              {labels[o]}
            </option>
          ))}
      </select>
      {help && (
        <small id={`${id}-help`} className="help">
          {help}
        </small>
      )}
    </div>
  );
}

/** What the student chooses: the sequence, the network's size and nonlinearity, the weights. */
export function ConfigPanel() {
  const config = useStore(selectConfig);
  const source = useStore(selectSource);
  const status = useStore((s) => s.status);
  const error = useStore((s) => s.error);
  const T = useStore(selectT);
  // What is in use: a preset or a file sets H itself.
  const hiddenInUse = useStore((s) => s.result?.scenario.params.H ?? s.config.hidden);
  const { setConfig, newWeights, loadPreset, backToText } = useStore.getState();
  const fromText = source.kind === 'text';
  const set = (patch: Partial<ExplorerConfig>) => void setConfig(patch);
  const setInt = (name: Extract<ChoiceName, 'hidden' | 'seed'>, raw: string) => {
    const v = Math.round(Number(raw));
    if (inBounds(CHOICES[name], v)) set({ [name]: v });
  };
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const text = draft ?? config.text;
  const problem = textProblem(text);

  const onText = (value: string) => {
    setDraft(value);
    if (!textProblem(value)) set({ text: value });
  };

  return (
    <details className="config-details" open={openAtStart}>
      <summary>
        <span className="config-summary-title">Sequence, network and weights</span>{' '}
        <span className="config-summary-values num">
          “{config.text.length > 24 ? `${config.text.slice(0, 24)}…` : config.text}” · H ={' '}
          {fromText ? config.hidden : hiddenInUse} ·{' '}
          {CELLS[config.cell].hasActivation
            ? CHOICES.act.labels[config.act]
            : CHOICES.cell.labels[config.cell]}
          {fromText ? ` · seed ${config.seed}` : ''}
        </span>
      </summary>
      <form className="config" aria-label="Network and data" onSubmit={(e) => e.preventDefault()}>
        <div className="field grow">
          <label htmlFor={`${id}-text`}>Sequence</label>
          <input
            id={`${id}-text`}
            type="text"
            value={text}
            maxLength={TEXT.maxLength + 20}
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
          <label htmlFor={`${id}-hidden`}>{HIDDEN.label}</label>
          <input
            id={`${id}-hidden`}
            type="number"
            min={HIDDEN.min}
            max={HIDDEN.max}
            value={fromText ? config.hidden : hiddenInUse}
            disabled={!fromText}
            onChange={(e) => setInt('hidden', e.target.value)}
          />
        </div>
        <ChoiceSelect
          id={`${id}-cell`}
          name="cell"
          value={config.cell}
          onChange={(cell) => set({ cell })}
        />
        {CELLS[config.cell].keep && (
          <KeepField
            value={config.keep}
            hidden={fromText ? config.hidden : hiddenInUse}
            disabled={!fromText}
            onChange={(keep) => set({ keep })}
          />
        )}
        <ChoiceSelect
          id={`${id}-act`}
          name="act"
          value={config.act}
          onChange={(act) => set({ act })}
          disabled={!CELLS[config.cell].hasActivation}
          help={
            CELLS[config.cell].hasActivation
              ? undefined
              : `Fixed in ${cellWithArticle(config.cell)}: σ for the gates, tanh for the rest.`
          }
        />
        <ChoiceSelect
          id={`${id}-loss`}
          name="loss"
          value={config.loss}
          onChange={(loss) => set({ loss })}
        />
        <div className="field">
          <label htmlFor={`${id}-seed`}>{SEED.label}</label>
          <span className="inline">
            <input
              id={`${id}-seed`}
              className="num seed"
              type="number"
              min={SEED.min}
              max={SEED.max}
              value={config.seed}
              disabled={!fromText}
              onChange={(e) => setInt('seed', e.target.value)}
            />
            <button type="button" onClick={() => void newWeights()}>
              New weights
            </button>
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lr`}>{LR.label}</label>
          <input
            id={`${id}-lr`}
            className="num lr"
            type="number"
            min={0.001}
            max={LR.max}
            step={0.01}
            value={config.lr}
            onChange={(e) => {
              const v = Number(e.target.value);
              if (inBounds(LR, v)) set({ lr: v });
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
              const preset = PRESETS.find((p) => p.id === v);
              if (preset) void loadPreset(preset.id);
              else if (v === 'text') void backToText();
            }}
          >
            <option value="text">the seed (typed sequence)</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
            {source.kind === 'imported' && <option value="imported">file: {source.name}</option>}
          </select>
        </div>
        <ChoiceSelect
          id={`${id}-notation`}
          name="notation"
          value={config.notation}
          onChange={(notation) => set({ notation })}
        />
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
            <span className="help" data-testid="imported-note">
              Weights and data from {source.name}. This tab keeps them for a reload; a copied link
              does not carry them (it opens seeded weights): use Export scenario to share them.
            </span>
          ) : null}
        </p>
      </form>
    </details>
  );
}
