import { z } from 'zod';
import type { Scenario, Trace } from './types';

// One schema for every scenario that comes from outside: the CLI, an imported file, a preset.
// Structure first (types, finite numbers), then shapes against the dimensions that U and V set.

const finite = z.number({ error: 'expected a finite number' });
const vector = z.array(finite, { error: 'expected an array of numbers' });
const matrix = z.array(vector, { error: 'expected an array of rows' });

const scenarioJson = z.object({
  activation: z
    .enum(['tanh', 'sigmoid', 'relu'], { error: 'expected "tanh", "sigmoid" or "relu"' })
    .default('tanh'),
  loss: z
    .enum(['cross-entropy', 'squared-error'], {
      error: 'expected "cross-entropy" or "squared-error"',
    })
    .default('cross-entropy'),
  params: z.object(
    { U: matrix, W: matrix, V: matrix, b: vector, c: vector },
    { error: 'expected an object with U, W, V, b and c' },
  ),
  s0: vector.optional(),
  inputs: matrix,
  targets: matrix,
});

export type ScenarioJson = z.input<typeof scenarioJson>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || '(scenario)';
}

function checkMatrix(
  m: number[][],
  rows: number,
  cols: number,
  field: string,
  ctx: z.RefinementCtx,
) {
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

function checkVector(v: number[], n: number, field: string, ctx: z.RefinementCtx) {
  if (v.length !== n)
    ctx.addIssue({
      code: 'custom',
      path: field.split('.'),
      message: `expected ${n} entries, got ${v.length}`,
    });
}

const shapedScenario = scenarioJson.superRefine((sc, ctx) => {
  const H = sc.params.U.length;
  const D = sc.params.U[0]?.length ?? 0;
  const K = sc.params.V.length;
  const T = sc.inputs.length;
  if (H === 0 || D === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['params', 'U'],
      message: 'expected at least one row and one column',
    });
    return;
  }
  if (K === 0) {
    ctx.addIssue({ code: 'custom', path: ['params', 'V'], message: 'expected at least one row' });
    return;
  }
  if (T === 0) {
    ctx.addIssue({ code: 'custom', path: ['inputs'], message: 'expected at least one time step' });
    return;
  }
  checkMatrix(sc.params.U, H, D, 'params.U', ctx);
  checkMatrix(sc.params.W, H, H, 'params.W', ctx);
  checkMatrix(sc.params.V, K, H, 'params.V', ctx);
  checkVector(sc.params.b, H, 'params.b', ctx);
  checkVector(sc.params.c, K, 'params.c', ctx);
  if (sc.s0) checkVector(sc.s0, H, 's0', ctx);
  checkMatrix(sc.inputs, T, D, 'inputs', ctx);
  checkMatrix(sc.targets, T, K, 'targets', ctx);
  if (sc.loss === 'cross-entropy') {
    sc.targets.forEach((row, t) => {
      const sum = row.reduce((acc, v) => acc + v, 0);
      const negative = row.findIndex((v) => v < 0);
      if (negative >= 0 || Math.abs(sum - 1) > 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: ['targets', t],
          message: `cross-entropy needs a probability distribution (entries >= 0 summing to 1), got ${
            negative >= 0 ? `entry ${negative} = ${row[negative]}` : `sum ${sum}`
          }`,
        });
    });
  }
});

const flat = (m: number[][]) => Float64Array.from(m.flat());

/** Validate an already-parsed JSON value as a scenario; on failure, one line naming the field. */
export function parseScenario(value: unknown): ParseResult<Scenario> {
  const r = shapedScenario.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `${formatPath(issue.path)}: ${issue.message}` };
  }
  const sc = r.data;
  const H = sc.params.U.length;
  const D = sc.params.U[0].length;
  const K = sc.params.V.length;
  const T = sc.inputs.length;
  return {
    ok: true,
    value: {
      activation: sc.activation,
      loss: sc.loss,
      params: {
        H,
        D,
        K,
        U: flat(sc.params.U),
        W: flat(sc.params.W),
        V: flat(sc.params.V),
        b: Float64Array.from(sc.params.b),
        c: Float64Array.from(sc.params.c),
      },
      s0: sc.s0 ? Float64Array.from(sc.s0) : new Float64Array(H),
      seq: { T, D, K, inputs: flat(sc.inputs), targets: flat(sc.targets) },
    },
  };
}

/** Parse scenario text (a file's contents); bad JSON is answered like any other bad input. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
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

/** The scenario as JSON, the inverse of parseScenario (export, presets). */
export function scenarioToJson(sc: Scenario): ScenarioJson {
  const { H, D, K } = sc.params;
  const T = sc.seq.T;
  return {
    activation: sc.activation,
    loss: sc.loss,
    params: {
      U: toRows(sc.params.U, H, D),
      W: toRows(sc.params.W, H, H),
      V: toRows(sc.params.V, K, H),
      b: Array.from(sc.params.b),
      c: Array.from(sc.params.c),
    },
    s0: Array.from(sc.s0),
    inputs: toRows(sc.seq.inputs, T, D),
    targets: toRows(sc.seq.targets, T, K),
  };
}

/** The trace as JSON per spec/trace-format.md, with the two terms of dL/ds_t as extra keys. */
export function traceToJson(tr: Trace) {
  const { T, H, D, K } = tr;
  return {
    T,
    a: toRows(tr.a, T, H),
    s: toRows(tr.s, T, H),
    o: toRows(tr.o, T, K),
    yhat: toRows(tr.yhat, T, K),
    losses: Array.from(tr.losses),
    loss: tr.loss,
    dL_do: toRows(tr.dL_do, T, K),
    dL_ds: toRows(tr.dL_ds, T, H),
    dL_da: toRows(tr.dL_da, T, H),
    dL_ds_from_output: toRows(tr.dL_ds_out, T, H),
    dL_ds_from_future: toRows(tr.dL_ds_next, T, H),
    grads: {
      U: toRows(tr.grads.U, H, D),
      W: toRows(tr.grads.W, H, H),
      V: toRows(tr.grads.V, K, H),
      b: Array.from(tr.grads.b),
      c: Array.from(tr.grads.c),
      s0: Array.from(tr.grads.s0),
    },
  };
}
