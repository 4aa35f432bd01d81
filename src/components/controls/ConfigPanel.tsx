import { useId, useState, type ChangeEvent } from 'react';
import { useStore } from '../../state/store';
import { selectConfig, selectSource, selectT } from '../../state/selectors';
import { CELLS, CHOICES, cellWithArticle, type ChoiceName } from '../../core/model';
import { PRESETS } from '../../core/presets';
import type { ExplorerConfig } from '../../state/slices/configSlice';
import { readIntField, readNumberField, readSequence } from '../../content/fields';
import { canDraw } from './canDraw';
import { KeepField } from './KeepField';
import { ScenarioFile } from './ScenarioFile';
import './ConfigPanel.css';

// Every option, bound and default here comes from the model's declaration (core/model.ts).
const { text: TEXT, hidden: HIDDEN, seed: SEED, lr: LR } = CHOICES;

/** The number fields, each holding what is typed until it is a value in bounds. */
type NumField = Extract<ChoiceName, 'hidden' | 'seed' | 'lr'>;

// On a phone the settings start folded away, so the graph is on the first screen.
const openAtStart =
  typeof window === 'undefined' || !window.matchMedia('(max-width: 640px)').matches; // T = length - 1 = 200 steps at most

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
  const id = useId();
  // A number field holds what is typed (an empty box while retyping) until it is a value in
  // the declared bounds; until then it says the range, and leaving it shows the value in use.
  const [numDraft, setNumDraft] = useState<Partial<Record<NumField, string>>>({});
  const numRead = (name: NumField, raw: string) =>
    name === 'lr' ? readNumberField(raw, LR) : readIntField(raw, CHOICES[name]);
  const onNum = (name: NumField, raw: string) => {
    setNumDraft((d) => ({ ...d, [name]: raw }));
    const r = numRead(name, raw);
    if (r.ok) set({ [name]: r.value });
  };
  const numProblem = (name: NumField) => {
    const raw = numDraft[name];
    if (raw === undefined) return null;
    const r = numRead(name, raw);
    return r.ok ? null : r.problem;
  };
  const numProps = (name: NumField, value: number) => {
    const problem = numProblem(name);
    return {
      id: `${id}-${name}`,
      value: numDraft[name] ?? value,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': problem ? `${id}-${name}-problem` : undefined,
      onChange: (e: ChangeEvent<HTMLInputElement>) => onNum(name, e.target.value),
      onBlur: () => setNumDraft((d) => ({ ...d, [name]: undefined })),
    };
  };
  const numLine = (name: NumField) => {
    const problem = numProblem(name);
    return problem ? (
      <small id={`${id}-${name}-problem`} className="problem" role="status">
        {problem}
      </small>
    ) : null;
  };
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? config.text;
  const read = readSequence(text, TEXT, canDraw);
  const problem = read.problem ? read.words : null;

  const onText = (value: string) => {
    setDraft(value);
    const r = readSequence(value, TEXT, canDraw);
    if (r.use !== null) set({ text: r.use });
  };

  return (
    <details className="config-details" open={openAtStart}>
      <summary>
        <span className="config-summary-title">Sequence, network and weights</span>{' '}
        <span className="config-summary-values num">
          “
          {[...config.text].length > 24
            ? `${[...config.text].slice(0, 24).join('')}…`
            : config.text}
          ” · H = {fromText ? config.hidden : hiddenInUse} ·{' '}
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
            maxLength={TEXT.maxLength * 10}
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
                ? read.words
                : `Not in use: the ${source.kind === 'preset' ? 'worked example' : 'imported file'} gives the sequence${T ? ` (${T} steps)` : ''}. Type here to use your own text.`)}
          </small>
        </div>
        <div className="field">
          <label htmlFor={`${id}-hidden`}>{HIDDEN.label}</label>
          <input
            type="number"
            min={HIDDEN.min}
            max={HIDDEN.max}
            disabled={!fromText}
            {...numProps('hidden', fromText ? config.hidden : hiddenInUse)}
          />
          {numLine('hidden')}
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
              className="num seed"
              type="number"
              min={SEED.min}
              max={SEED.max}
              disabled={!fromText}
              {...numProps('seed', config.seed)}
            />
            <button type="button" onClick={() => void newWeights()}>
              New weights
            </button>
          </span>
          {numLine('seed')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-lr`}>{LR.label}</label>
          <input
            className="num lr"
            type="number"
            min={0.001}
            max={LR.max}
            step={0.01}
            {...numProps('lr', config.lr)}
          />
          {numLine('lr')}
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
