import * as z from 'zod/mini';
import {
  ACTIVATION_NAMES,
  CELL_NAMES,
  CELLS,
  CHOICES,
  cellField,
  cellOf,
  cellWithArticle,
  DEFAULT_CELL,
  gateMultiplier,
  LIMITS,
  LOSS_NAMES,
  LOSSES,
  PARAM_NAMES,
  PARAMS,
  paramShape,
  ratesPerUnit,
  type CellName,
  type Dims,
  type ParamName,
} from './model';
import type { Params, Scenario } from './types';

// One schema for every scenario that comes from outside: the CLI, an imported file, a preset.
// Structure first (types, finite numbers), then shapes against the dimensions that U and V set,
// then the limits of model.ts. Field names, options and bounds all come from model.ts.

/** "an LSTM" (or "an LSTM or a …"): the cells with a cell state, for messages. */
const WITH_CELL_STATE = CELL_NAMES.filter((c) => CELLS[c].cellState)
  .map(cellWithArticle)
  .join(' or ');

/** "an RNN of leaky units": the cells with keep rates, for messages. */
const WITH_KEEP = CELL_NAMES.filter((c) => CELLS[c].keep)
  .map(cellWithArticle)
  .join(' or ');

const finite = z.number({ error: 'expected a finite number' });
const vector = z.array(finite, { error: 'expected an array of numbers' });
const matrix = z.array(vector, { error: 'expected an array of rows' });

/** `"a", "b" or "c"`, for messages. */
const quoted = (names: readonly string[]) =>
  names.length === 1
    ? `"${names[0]}"`
    : `${names
        .slice(0, -1)
        .map((n) => `"${n}"`)
        .join(', ')} or "${names[names.length - 1]}"`;

const paramsShape = Object.fromEntries(
  PARAM_NAMES.map((n) => [n, PARAMS[n].shape[1] === 1 ? vector : matrix]),
) as { [P in ParamName]: (typeof PARAMS)[P]['shape'][1] extends 1 ? typeof vector : typeof matrix };

/** The longest a symbol or a note may be; a scenario file holds data, not prose. */
const SYMBOL_MAX = 16;
const NOTES_MAX = 10_000;

const scenarioJson = z.object({
  cell: z._default(
    z.enum(CELL_NAMES as [string, ...string[]], { error: `expected ${quoted(CELL_NAMES)}` }),
    DEFAULT_CELL,
  ),
  // Optional here, defaulted after the checks: a gated cell must not name one.
  activation: z.optional(
    z.enum(ACTIVATION_NAMES as [string, ...string[]], {
      error: `expected ${quoted(ACTIVATION_NAMES)}`,
    }),
  ),
  loss: z._default(
    z.enum(LOSS_NAMES as [string, ...string[]], { error: `expected ${quoted(LOSS_NAMES)}` }),
    LOSS_NAMES[0],
  ),
  params: z.object(
    // Leaky units' keep rates sit with the parameters they shape, though they are not trained.
    { ...paramsShape, keep: z.optional(vector) },
    {
      error: `expected an object with ${PARAM_NAMES.slice(0, -1).join(', ')} and ${PARAM_NAMES.at(-1)}`,
    },
  ),
  s0: z.optional(vector),
  m0: z.optional(vector),
  inputs: matrix,
  targets: matrix,
  symbols: z.optional(
    z.array(
      z
        .string({ error: 'expected a string' })
        .check(
          z.minLength(1, 'expected a non-empty string'),
          z.maxLength(SYMBOL_MAX, `expected at most ${SYMBOL_MAX} characters`),
        ),
      { error: 'expected an array of strings' },
    ),
  ),
  notes: z.optional(
    z
      .string({ error: 'expected a string' })
      .check(z.maxLength(NOTES_MAX, `expected at most ${NOTES_MAX} characters`)),
  ),
});

export type ScenarioJson = Omit<z.input<typeof scenarioJson>, 'cell' | 'activation' | 'loss'> & {
  cell?: CellName;
  activation?: Scenario['activation'];
  loss?: Scenario['loss'];
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a check reports issues to. */
type Ctx = { addIssue: (issue: { code: 'custom'; path: PropertyKey[]; message: string }) => void };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(scenario)';
}

function checkMatrix(m: number[][], rows: number, cols: number, field: string, ctx: Ctx) {
  const width = m[0]?.length ?? 0;
  const uniform = m.every((r) => r.length === width);
  if (uniform && m.length === rows && width === cols) return;
  let got: string;
  if (uniform) {
    // A rectangle of the wrong size: say which size, as in "expected 3 x 3, got 3 x 2".
    got = `got ${m.length} x ${width}`;
  } else {
    // Rows of unequal length: point at the first row that does not have `cols` entries.
    const bad = m.findIndex((r) => r.length !== cols);
    const n = m[bad].length;
    got = `got ${m.length} rows of unequal length (row ${bad} has ${n} ${n === 1 ? 'entry' : 'entries'})`;
  }
  ctx.addIssue({
    code: 'custom',
    path: field.split('.'),
    message: `expected ${rows} x ${cols}, ${got}`,
  });
}

function checkVector(v: readonly unknown[], n: number, field: string, ctx: Ctx) {
  if (v.length !== n)
    ctx.addIssue({
      code: 'custom',
      path: field.split('.'),
      message: `expected ${n} entries, got ${v.length}`,
    });
}

/**
 * The dimensions a scenario's U and V set: H is U's rows, over the gates of a gated cell
 * (rounded down; checkGateRows says when U's rows are not a whole number of blocks).
 */
function dimsOf(sc: z.output<typeof scenarioJson>): Dims & { T: number; cell: CellName } {
  const cell = sc.cell as CellName;
  return {
    H: Math.floor(sc.params.U.length / gateMultiplier(cell)),
    D: sc.params.U[0]?.length ?? 0,
    K: sc.params.V.length,
    T: sc.inputs.length,
    cell,
  };
}

/** A gated cell's fields: U's rows in whole blocks, no activation, m0 only for an LSTM. */
function checkCellFields(sc: z.output<typeof scenarioJson>, ctx: Ctx): boolean {
  const cell = sc.cell as CellName;
  const gates = CELLS[cell].gates.map((g) => g.name);
  const G = gateMultiplier(cell);
  const fail = (path: PropertyKey[], message: string) => {
    ctx.addIssue({ code: 'custom', path, message });
    return false;
  };
  if (G > 1 && sc.params.U.length % G !== 0)
    return fail(
      ['params', 'U'],
      `expected ${G}H rows (blocks ${gates.join(', ')} of H rows each), got ${sc.params.U.length}`,
    );
  if (!CELLS[cell].hasActivation && sc.activation !== undefined)
    return fail(
      ['activation'],
      `${cellWithArticle(cell)}'s nonlinearities are fixed; leave activation out`,
    );
  if (!CELLS[cell].cellState && sc.m0 !== undefined)
    return fail(['m0'], `only ${WITH_CELL_STATE} has a cell state; leave m0 out`);
  const keep = sc.params.keep;
  if (keep !== undefined) {
    if (!CELLS[cell].keep)
      return fail(
        ['params', 'keep'],
        `only ${WITH_KEEP} keeps a share of its state; leave keep out`,
      );
    const { min, below } = CHOICES.keep;
    const bad = keep.findIndex((r) => !(r >= min && r < below));
    if (bad >= 0)
      return fail(
        ['params', 'keep', bad],
        `expected a keep rate in [${min}, ${below}), got ${keep[bad]}`,
      );
  }
  return true;
}

/** Which field shows a dimension, for messages about its bounds. */
const DIM_FIELD = {
  H: {
    path: ['params', 'U'],
    what: 'rows (hidden units)',
    none: 'at least one row and one column',
  },
  D: { path: ['params', 'U'], what: 'columns (inputs)', none: 'at least one row and one column' },
  K: { path: ['params', 'V'], what: 'rows (outputs)', none: 'at least one row' },
  T: { path: ['inputs'], what: 'time steps', none: 'at least one time step' },
} as const;

const shapedScenario = scenarioJson.check(
  z.superRefine((sc, ctx) => {
    if (!checkCellFields(sc, ctx)) return;
    const dims = dimsOf(sc);
    for (const d of ['H', 'D', 'K', 'T'] as const) {
      const { min, max } = LIMITS[d];
      const n = dims[d];
      if (n < min || n > max) {
        const { path, none } = DIM_FIELD[d];
        const G = gateMultiplier(dims.cell);
        // A gated cell's U has G blocks of H rows: name the hidden units, not the rows.
        const what = d === 'H' && G > 1 ? `hidden units (U has ${G}H rows)` : DIM_FIELD[d].what;
        ctx.addIssue({
          code: 'custom',
          path: [...path],
          message:
            n === 0
              ? `expected ${none}`
              : n < min
                ? `expected at least ${min} ${what}, got ${n}`
                : `expected at most ${max} ${what}, got ${n}`,
        });
        return;
      }
    }
    for (const name of PARAM_NAMES) {
      const [rows, cols] = paramShape(name, dims);
      const field = `params.${name}`;
      if (PARAMS[name].shape[1] === 1) checkVector(sc.params[name] as number[], rows, field, ctx);
      else checkMatrix(sc.params[name] as number[][], rows, cols, field, ctx);
    }
    if (sc.params.keep) checkVector(sc.params.keep, dims.H, 'params.keep', ctx);
    if (sc.s0) checkVector(sc.s0, dims.H, 's0', ctx);
    if (sc.m0) checkVector(sc.m0, dims.H, 'm0', ctx);
    checkMatrix(sc.inputs, dims.T, dims.D, 'inputs', ctx);
    checkMatrix(sc.targets, dims.T, dims.K, 'targets', ctx);
    if (sc.symbols) {
      if (dims.D !== dims.K)
        ctx.addIssue({
          code: 'custom',
          path: ['symbols'],
          message: `names one-hot positions, so needs D = K; got D = ${dims.D}, K = ${dims.K}`,
        });
      else checkVector(sc.symbols, dims.D, 'symbols', ctx);
    }
    if (LOSSES[sc.loss as Scenario['loss']].probabilistic) {
      sc.targets.forEach((row, t) => {
        const sum = row.reduce((acc, v) => acc + v, 0);
        const negative = row.findIndex((v) => v < 0);
        if (negative >= 0 || Math.abs(sum - 1) > 1e-9)
          ctx.addIssue({
            code: 'custom',
            path: ['targets', t],
            message: `${sc.loss} needs a probability distribution (entries >= 0 summing to 1), got ${
              negative >= 0 ? `entry ${negative} = ${row[negative]}` : `sum ${sum}`
            }`,
          });
      });
    }
  }),
);

const flat = (m: number[][]) => Float64Array.from(m.flat());

/** Containers nest at most this deep in a scenario: the root, params, a matrix, its rows. */
const MAX_NESTING = 4;

/** No array or object of a scenario comes near this many entries (its dimensions are at most
 *  a few hundred); the schema names the bound when there are merely too many. */
const FAR_TOO_MANY = 4096;
/** Nor, all together, this many (inputs and targets hold at most 200 × 201 numbers each). */
const FAR_TOO_MANY_IN_ALL = 200_000;

/**
 * Refuses, before the schema reads it, a value no scenario can be: nested deeper than a
 * scenario goes, or with an array (or object) of thousands of entries. The schema would refuse
 * it too, but slowly, or not at all: a million wrong entries overflow its stack. One walk with
 * its own stack, which stops at the first problem.
 */
function outOfBounds(value: unknown): string | null {
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  let total = 0;
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= MAX_NESTING) return `${formatPath(path)}: nested too deeply`;
    const keys: PropertyKey[] = Array.isArray(v) ? [] : Object.keys(v);
    const n = Array.isArray(v) ? v.length : keys.length;
    if (n > FAR_TOO_MANY) return `${formatPath(path)}: ${n} entries, far more than a scenario has`;
    if ((total += n) > FAR_TOO_MANY_IN_ALL)
      return `(scenario): over ${FAR_TOO_MANY_IN_ALL} entries, far more than a scenario has`;
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...path, i]]));
    else for (const k of keys) stack.push([(v as Record<PropertyKey, unknown>)[k], [...path, k]]);
  }
  return null;
}

/** Validate an already-parsed JSON value as a scenario; on failure, one line naming the field. */
export function parseScenario(value: unknown): ParseResult<Scenario> {
  const bounds = outOfBounds(value);
  if (bounds) return { ok: false, error: bounds };
  const r = shapedScenario.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `${formatPath(issue.path)}: ${issue.message}` };
  }
  const sc = r.data;
  const { H, D, K, T, cell } = dimsOf(sc);
  const params = { H, D, K } as Params;
  Object.assign(params, cellField(cell));
  if (CELLS[cell].keep)
    params.keep = sc.params.keep
      ? Float64Array.from(sc.params.keep)
      : ratesPerUnit(CHOICES.keep.default, H);
  for (const name of PARAM_NAMES) {
    const v = sc.params[name];
    params[name] =
      PARAMS[name].shape[1] === 1 ? Float64Array.from(v as number[]) : flat(v as number[][]);
  }
  return {
    ok: true,
    value: {
      activation: (sc.activation ?? ACTIVATION_NAMES[0]) as Scenario['activation'],
      loss: sc.loss as Scenario['loss'],
      params,
      s0: sc.s0 ? Float64Array.from(sc.s0) : new Float64Array(H),
      ...(CELLS[cell].cellState
        ? { m0: sc.m0 ? Float64Array.from(sc.m0) : new Float64Array(H) }
        : {}),
      seq: { T, D, K, inputs: flat(sc.inputs), targets: flat(sc.targets) },
      ...(sc.symbols ? { symbols: sc.symbols } : {}),
      ...(sc.notes !== undefined ? { notes: sc.notes } : {}),
    },
  };
}

/** Whether brackets in JSON text nest deeper than `limit` (outside strings): a cheap look
 *  before JSON.parse, which takes most of a second over a few hundred thousand levels. */
function nestsDeeper(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Parse scenario text (a file's contents); bad JSON is answered like any other bad input. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  if (nestsDeeper(text, MAX_NESTING))
    return { ok: false, error: '(scenario): nested too deeply to be a scenario' };
  let value: unknown;
  try {
    // A byte-order mark (left by some editors) is not JSON whitespace; skip it.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    // V8 quotes the offending source in its message, newlines included: keep the error one line.
    const message = (e as Error).message.replace(/\s+/g, ' ');
    return { ok: false, error: `(scenario): not valid JSON: ${message}` };
  }
  return parseScenario(value);
}

/** Rows of a row-major matrix as nested arrays. */
export function toRows(m: Float64Array, rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(m.subarray(r * cols, (r + 1) * cols)));
  return out;
}

/** Each parameter as JSON: nested rows for matrices, a plain array for vectors. */
export function paramsToJson(dims: Dims, values: Record<ParamName, Float64Array>) {
  return Object.fromEntries(
    PARAM_NAMES.map((n) => {
      const [rows, cols] = paramShape(n, dims);
      return [
        n,
        cols === 1 && PARAMS[n].shape[1] === 1
          ? Array.from(values[n])
          : toRows(values[n], rows, cols),
      ];
    }),
  ) as ScenarioJson['params'];
}

/** The scenario as JSON, the inverse of parseScenario (export, presets). */
export function scenarioToJson(sc: Scenario): ScenarioJson {
  const { D, K } = sc.params;
  const cell = cellOf(sc.params);
  const T = sc.seq.T;
  return {
    ...cellField(cell),
    ...(CELLS[cell].hasActivation ? { activation: sc.activation } : {}),
    loss: sc.loss,
    params: {
      ...paramsToJson(sc.params, sc.params),
      ...(sc.params.keep ? { keep: Array.from(sc.params.keep) } : {}),
    },
    s0: Array.from(sc.s0),
    ...(CELLS[cell].cellState ? { m0: Array.from(sc.m0 ?? new Float64Array(sc.params.H)) } : {}),
    inputs: toRows(sc.seq.inputs, T, D),
    targets: toRows(sc.seq.targets, T, K),
    ...(sc.symbols ? { symbols: [...sc.symbols] } : {}),
    ...(sc.notes !== undefined ? { notes: sc.notes } : {}),
  };
}
