import { useId, useMemo, useState } from 'react';
import { LAB_CHOICES, type LabChoiceName, type LabChoices } from '../../core/lab/choices';
import { CELLS, inBounds } from '../../core/model';
import { taskWords } from '../../content/labTasks';
import { useStore } from '../../state/store';
import { KeepField } from '../controls/KeepField';

// One control per lab choice, from its declaration (core/lab/choices.ts): menus for enums,
// number fields with the declared bounds, the text for the text task. Which ones show depends
// on the task (the delay is the copy task's, the text and temperature the text task's).

const shownFor = (name: LabChoiceName, c: LabChoices): boolean => {
  if (name === 'text' || name === 'temperature') return c.task === 'text';
  if (name === 'delay') return c.task === 'copy';
  if (name === 'clipAt') return c.clip !== 'off';
  // A gated cell's nonlinearities are fixed (core/model.ts, CELLS).
  if (name === 'act') return CELLS[c.cell].hasActivation;
  if (name === 'keep') return CELLS[c.cell].keep;
  return true;
};

function NumberField({ name, value }: { name: LabChoiceName; value: number }) {
  const decl = LAB_CHOICES[name];
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (decl.kind !== 'int' && decl.kind !== 'number') return null;
  const onChange = async (raw: string) => {
    setDraft(raw);
    const v = Number(raw);
    if (raw.trim() === '' || !inBounds(decl, v)) {
      const low = decl.kind === 'int' ? `${decl.min}` : `above ${decl.above}`;
      setProblem(`From ${low} to ${decl.max}${decl.kind === 'int' ? ', whole' : ''}.`);
      return;
    }
    const errors = await useStore.getState().setLabChoices({ [name]: v });
    setProblem(errors.length ? errors.join(' ') : null);
    if (!errors.length) setDraft(null);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{decl.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={decl.kind === 'int' ? decl.min : undefined}
        max={decl.max}
        step={decl.kind === 'int' ? 1 : 'any'}
        value={draft ?? String(value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-p` : undefined}
        onChange={(e) => void onChange(e.target.value)}
        onBlur={() => {
          setDraft(null);
          setProblem(null);
        }}
      />
      {problem && (
        <small id={`${id}-p`} className="problem">
          {problem}
        </small>
      )}
    </div>
  );
}

function EnumField({ name, value }: { name: LabChoiceName; value: string }) {
  const decl = LAB_CHOICES[name];
  const id = useId();
  if (decl.kind !== 'enum') return null;
  const labels = decl.labels as Record<string, string>;
  return (
    <div className="field">
      <label htmlFor={id}>{decl.label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => void useStore.getState().setLabChoices({ [name]: e.target.value })}
      >
        {(decl.options as readonly string[]).map((o) => (
          <option key={o} value={o}>
            {labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({ value }: { value: string }) {
  const decl = LAB_CHOICES.text;
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const n = [...(draft ?? value)].length;
  const bad = n < decl.minLength || n > decl.maxLength;
  const commit = () => {
    if (draft !== null && !bad && draft !== value)
      void useStore.getState().setLabChoices({ text: draft });
    setDraft(null);
  };
  return (
    <div className="field grow">
      <label htmlFor={id}>{decl.label}</label>
      <textarea
        id={id}
        rows={4}
        value={draft ?? value}
        aria-invalid={bad || undefined}
        aria-describedby={`${id}-h`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
      />
      <small id={`${id}-h`} className={bad ? 'problem' : 'help'}>
        {bad
          ? `${decl.minLength} to ${decl.maxLength} characters, please.`
          : `${n} characters; training restarts when you leave the box.`}
      </small>
    </div>
  );
}

export function LabChoicesPanel() {
  const choices = useStore((s) => s.labChoices);
  const { task, text, seqLen, delay } = choices;
  const words = useMemo(
    () => taskWords({ task, text, seqLen, delay }),
    [task, text, seqLen, delay],
  );
  return (
    <fieldset className="lab-choices">
      <legend>Task and network</legend>
      <p className="lab-task-io" data-testid="task-io">
        {words.io}
      </p>
      {(Object.keys(LAB_CHOICES) as LabChoiceName[])
        .filter((name) => shownFor(name, choices))
        .map((name) => {
          const kind = LAB_CHOICES[name].kind;
          const v = choices[name];
          if (kind === 'text') return <TextField key={name} value={v as string} />;
          if (kind === 'enum') return <EnumField key={name} name={name} value={v as string} />;
          if (kind === 'rates')
            return (
              <KeepField
                key={name}
                value={choices.keep}
                hidden={choices.hidden}
                onChange={(keep) => void useStore.getState().setLabChoices({ keep })}
              />
            );
          return <NumberField key={name} name={name} value={v as number} />;
        })}
    </fieldset>
  );
}
