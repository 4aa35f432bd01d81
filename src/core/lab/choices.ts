import {
  CELL_NAMES,
  DEFAULT_CELL,
  cellOf,
  ratesInBounds,
  CHOICES,
  inBounds,
  type ActivationName,
  type CellName,
  type EnumChoice,
  type IntChoice,
  type NumberChoice,
  type TextChoice,
} from '../model';
import { OPTIMIZERS, type OptimizerName } from '../optimizers';

// The training lab's choices, declared once like CHOICES in model.ts: the URL, the lab's panel
// and createLabRun derive from this table. Activation and seed are the model's own choices;
// the rest is the lab's.

export const TASK_NAMES = ['text', 'copy', 'parity', 'sine'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

export const CLIP_NAMES = ['off', 'value', 'norm'] as const;
export type ClipName = (typeof CLIP_NAMES)[number];

/** A few lines of a nursery rhyme (Jane Taylor, 1806): the text task's default. */
export const DEFAULT_LAB_TEXT =
  'Twinkle, twinkle, little star,\nHow I wonder what you are!\n' +
  'Up above the world so high,\nLike a diamond in the sky.\n';

const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adagrad: 'Adagrad',
  adam: 'Adam',
};

export const LAB_CHOICES = {
  task: {
    kind: 'enum',
    options: TASK_NAMES,
    labels: {
      text: 'Your text',
      copy: 'Delayed copy',
      parity: 'Running parity',
      sine: 'Sine wave',
    },
    default: 'text',
    label: 'Task',
  } satisfies EnumChoice<TaskName>,
  // The model's cell: a gated one trains on the same tasks, so the two can be compared.
  cell: CHOICES.cell,
  // Leaky units' keep rates (only for a cell that declares keep).
  keep: CHOICES.keep,
  // The model's own choices, with the lab's larger limits: longer text, up to 128 units.
  text: {
    ...CHOICES.text,
    maxLength: 20000,
    default: DEFAULT_LAB_TEXT,
    label: 'Your text',
  } satisfies TextChoice,
  hidden: { ...CHOICES.hidden, max: 128, default: 32 } satisfies IntChoice,
  act: CHOICES.act,
  opt: {
    kind: 'enum',
    options: OPTIMIZERS,
    labels: OPTIMIZER_LABELS,
    default: 'adagrad',
    label: 'Optimizer',
  } satisfies EnumChoice<OptimizerName>,
  // Up to 100, so a student can make training blow up and see the recoveries.
  lr: { ...CHOICES.lr, max: 100 } satisfies NumberChoice,
  clip: {
    kind: 'enum',
    options: CLIP_NAMES,
    labels: { off: 'off', value: 'by value', norm: 'by global norm' },
    default: 'value',
    label: 'Gradient clipping',
  } satisfies EnumChoice<ClipName>,
  clipAt: {
    kind: 'number',
    above: 0,
    max: 1000,
    default: 5,
    label: 'Clipping threshold',
  } satisfies NumberChoice,
  seqLen: {
    kind: 'int',
    min: 2,
    max: 200,
    default: 25,
    label: 'Sequence length T',
  } satisfies IntChoice,
  tbptt: {
    kind: 'int',
    min: 1,
    max: 200,
    default: 25,
    label: 'Truncation length (steps per update)',
  } satisfies IntChoice,
  delay: { kind: 'int', min: 1, max: 50, default: 2, label: 'Delay k' } satisfies IntChoice,
  temperature: {
    kind: 'number',
    above: 0,
    max: 5,
    default: 1,
    label: 'Sampling temperature',
  } satisfies NumberChoice,
  seed: CHOICES.seed,
} as const;

export type LabChoiceName = keyof typeof LAB_CHOICES;

/** The cells the lab's side-by-side comparison puts beside the vanilla RNN (`compare=`). */
export const COMPARE_CELLS = CELL_NAMES.filter((c) => c !== DEFAULT_CELL) as Exclude<
  CellName,
  typeof DEFAULT_CELL
>[];
export type CompareCell = (typeof COMPARE_CELLS)[number];

/**
 * Delayed copy with a long delay, whole sequences in one update: where a vanilla RNN stays at
 * chance and an LSTM learns (the lab's side-by-side comparison and the lesson's link to it).
 */
export const LONG_DELAY_SETUP = { task: 'copy', delay: 15, seqLen: 40, tbptt: 40 } as const;

/** One value per lab choice. */
export interface LabChoices {
  task: TaskName;
  cell: CellName;
  /** Leaky units' keep rates: one for all units, or one each. */
  keep: readonly number[];
  text: string;
  hidden: number;
  act: ActivationName;
  opt: OptimizerName;
  lr: number;
  clip: ClipName;
  clipAt: number;
  seqLen: number;
  tbptt: number;
  delay: number;
  temperature: number;
  seed: number;
}

/**
 * Choices saved by an older version (a snapshot), brought up to this one: runs saved before the
 * cell was a choice are the default cell's, before leaky units they have the default keep.
 */
export function migrateLabChoices(
  saved: Omit<LabChoices, 'cell' | 'keep'> & Partial<LabChoices>,
): LabChoices {
  return { ...saved, cell: cellOf(saved), keep: saved.keep ?? LAB_CHOICES.keep.default };
}

/** Every choice at its default. */
export function defaultLabChoices(): LabChoices {
  const out = {} as Record<LabChoiceName, unknown>;
  for (const name of Object.keys(LAB_CHOICES) as LabChoiceName[])
    out[name] = LAB_CHOICES[name].default;
  return out as LabChoices;
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

/** What is wrong with a set of choices, one plain sentence each; [] when they are fine. */
export function labChoiceErrors(c: LabChoices): string[] {
  const errors: string[] = [];
  for (const name of Object.keys(LAB_CHOICES) as LabChoiceName[]) {
    const decl = LAB_CHOICES[name];
    const v = c[name];
    switch (decl.kind) {
      case 'int':
      case 'number':
        if (typeof v !== 'number' || !inBounds(decl, v)) {
          const low = decl.kind === 'int' ? `${decl.min}` : `above ${decl.above}`;
          const kind = decl.kind === 'int' ? 'a whole number' : 'a number';
          errors.push(`${decl.label} must be ${kind} from ${low} to ${decl.max}.`);
        }
        break;
      case 'enum':
        if (!(decl.options as readonly unknown[]).includes(v))
          errors.push(`${decl.label} must be one of ${decl.options.join(', ')}.`);
        break;
      case 'rates':
        if (!Array.isArray(v) || !ratesInBounds(decl, v, v.length === 1 ? 1 : c.hidden))
          errors.push(
            `${decl.label} must be one rate, or one per hidden unit, each from ${decl.min} up to (not including) ${decl.below}.`,
          );
        break;
      case 'text': {
        const n = typeof v === 'string' ? Array.from(v).length : -1;
        if (n < decl.minLength || n > decl.maxLength)
          errors.push(`${decl.label} must have ${decl.minLength} to ${decl.maxLength} characters.`);
        break;
      }
    }
  }
  if (c.task === 'copy' && c.delay >= c.seqLen)
    errors.push(
      `${LAB_CHOICES.delay.label} must be less than the ${lowerFirst(LAB_CHOICES.seqLen.label)}.`,
    );
  return errors;
}

/** Throws one Error listing every problem, or returns the choices unchanged. */
export function checkLabChoices(c: LabChoices): LabChoices {
  const errors = labChoiceErrors(c);
  if (errors.length) throw new RangeError(errors.join(' '));
  return c;
}
