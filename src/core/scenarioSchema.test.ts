import { describe, expect, it } from 'vitest';
import exampleText from '../../test/fixtures/example-scenario.json?raw';
import { makeCharScenario } from './encoding';
import {
  type ScenarioJson,
  parseScenario,
  parseScenarioText,
  scenarioToJson,
  toRows,
} from './scenarioSchema';

/** A fresh copy of the worked example as plain JSON (H = 2, D = K = 3, T = 3). */
const example = (): ScenarioJson & Record<string, unknown> => JSON.parse(exampleText);

/** The error of a value that must be refused (and fail the test if it is accepted). */
function errorOf(value: unknown): string {
  const r = parseScenario(value);
  if (r.ok) throw new Error('expected the scenario to be refused');
  expect(r.error).not.toMatch(/\n/); // one line
  return r.error;
}

/** A valid scenario with H = 3 (D = 2, K = 2, T = 2), for the spec's "W is 3 x 2" example. */
function threeHidden(): ScenarioJson {
  return {
    params: {
      U: [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
      W: [
        [0.1, 0, 0],
        [0, 0.1, 0],
        [0, 0, 0.1],
      ],
      V: [
        [1, -1, 0],
        [0, 1, -1],
      ],
      b: [0, 0, 0],
      c: [0, 0],
    },
    inputs: [
      [1, 0],
      [0, 1],
    ],
    targets: [
      [0, 1],
      [1, 0],
    ],
  };
}

describe('parseScenario accepts', () => {
  it('the worked example', () => {
    const r = parseScenarioText(exampleText);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sc = r.value;
    expect(sc.params).toMatchObject({ H: 2, D: 3, K: 3 });
    expect(sc.seq).toMatchObject({ T: 3, D: 3, K: 3 });
    // Row-major: U[1][2] = -0.6 sits at 1 * D + 2.
    expect(sc.params.U[5]).toBe(-0.6);
    expect(sc.params.V[2 * 2 + 1]).toBe(0.8);
    expect(sc.params.U).toBeInstanceOf(Float64Array);
    expect(sc.seq.targets).toBeInstanceOf(Float64Array);
  });

  it('with defaults: activation tanh, loss cross-entropy, s0 zeros', () => {
    const json = threeHidden();
    expect(json.activation).toBeUndefined();
    const r = parseScenario(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.activation).toBe('tanh');
    expect(r.value.loss).toBe('cross-entropy');
    expect(r.value.s0).toEqual(new Float64Array(3));
  });

  it('every activation and loss by name', () => {
    for (const activation of ['tanh', 'sigmoid', 'relu'] as const)
      for (const loss of ['cross-entropy', 'squared-error'] as const) {
        const r = parseScenario({ ...example(), activation, loss });
        expect(r.ok && [r.value.activation, r.value.loss]).toEqual([activation, loss]);
      }
  });

  it('squared-error targets that are any finite numbers', () => {
    const json = {
      ...example(),
      loss: 'squared-error',
      targets: [
        [-2, 5, 0.5],
        [0, 0, 0],
        [1e6, -1e-6, 3],
      ],
    };
    expect(parseScenario(json).ok).toBe(true);
  });

  it('cross-entropy targets that are soft distributions, and sums within 1e-9 of 1', () => {
    const json = example();
    json.targets = [
      [0.2, 0.3, 0.5],
      [1 / 3, 1 / 3, 1 / 3],
      [0.5, 0.5 + 5e-10, 0],
    ];
    expect(parseScenario(json).ok).toBe(true);
  });

  it('extra keys (ignored)', () => {
    const r = parseScenario({ ...example(), note: 'hello', version: 2 });
    expect(r.ok).toBe(true);
  });
});

describe('parseScenario refuses, with one line naming the field', () => {
  it('text that is not JSON', () => {
    for (const text of ['', '{', '{"params": }', "{ 'a': 1 }", '{\n  "params":\n}\n']) {
      const r = parseScenarioText(text);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error).toMatch(/^\(scenario\): not valid JSON: /);
      expect(r.error).not.toMatch(/[\r\n]/);
    }
  });

  it('JSON that is not an object', () => {
    for (const value of [null, 42, 'tanh', [], [1, 2]])
      expect(errorOf(value)).toMatch(/^\(scenario\): /);
  });

  it('W 3 x 2 when H = 3: exactly "params.W: expected 3 x 3, got 3 x 2"', () => {
    const json = threeHidden();
    json.params.W = [
      [0.1, 0],
      [0, 0.1],
      [0, 0],
    ];
    expect(errorOf(json)).toBe('params.W: expected 3 x 3, got 3 x 2');
    // And from text, as the CLI sees it.
    expect(parseScenarioText(JSON.stringify(json))).toEqual({
      ok: false,
      error: 'params.W: expected 3 x 3, got 3 x 2',
    });
  });

  it('other wrong shapes, naming the matrix', () => {
    const cases: [(j: ScenarioJson) => void, string][] = [
      [(j) => (j.params.W = [[1, 0]]), 'params.W: expected 2 x 2, got 1 x 2'],
      [(j) => (j.params.W = []), 'params.W: expected 2 x 2, got 0 x 0'],
      [(j) => (j.params.V = [[1, 2, 3]]), 'params.V: expected 1 x 2, got 1 x 3'],
      [(j) => (j.params.b = [0]), 'params.b: expected 2 entries, got 1'],
      [(j) => (j.params.c = [0, 0, 0, 0]), 'params.c: expected 3 entries, got 4'],
      [
        (j) =>
          (j.inputs = [
            [1, 0],
            [0, 1],
            [0, 0],
          ]),
        'inputs: expected 3 x 3, got 3 x 2',
      ],
      [(j) => (j.targets = [[0, 1, 0]]), 'targets: expected 3 x 3, got 1 x 3'],
      [(j) => (j.inputs = []), 'inputs: expected at least one time step'],
      [(j) => (j.params.U = []), 'params.U: expected at least one row and one column'],
      [(j) => (j.params.U = [[], []]), 'params.U: expected at least one row and one column'],
      [(j) => (j.params.V = []), 'params.V: expected at least one row'],
    ];
    for (const [edit, message] of cases) {
      const json = example();
      edit(json);
      expect(errorOf(json)).toBe(message);
    }
  });

  it('ragged rows, naming the row', () => {
    const json = example();
    json.params.W = [[0.9, -0.2], [0.3]];
    expect(errorOf(json)).toBe(
      'params.W: expected 2 x 2, got 2 rows of unequal length (row 1 has 1 entry)',
    );
    const u = example();
    u.params.U = [
      [0.5, -0.3, 0.1],
      [0.2, 0.4],
    ];
    expect(errorOf(u)).toMatch(/^params\.U: .*row 1 has 2 entries/);
    const t = example();
    t.targets = [
      [0, 1, 0],
      [0, 0, 1, 0],
      [0, 0, 1],
    ];
    expect(errorOf(t)).toBe(
      'targets: expected 3 x 3, got 3 rows of unequal length (row 1 has 4 entries)',
    );
  });

  it('a wrong s0 length', () => {
    expect(errorOf({ ...example(), s0: [0] })).toBe('s0: expected 2 entries, got 1');
    expect(errorOf({ ...example(), s0: [0, 0, 0] })).toBe('s0: expected 2 entries, got 3');
    expect(errorOf({ ...example(), s0: 'zeros' })).toMatch(/^s0: /);
  });

  it('an unknown activation', () => {
    expect(errorOf({ ...example(), activation: 'gelu' })).toBe(
      'activation: expected "tanh", "sigmoid", "relu" or "softsign"',
    );
    expect(errorOf({ ...example(), activation: 'Tanh' })).toMatch(/^activation: /);
    expect(errorOf({ ...example(), activation: null })).toMatch(/^activation: /);
  });

  it('an unknown loss', () => {
    expect(errorOf({ ...example(), loss: 'mse' })).toBe(
      'loss: expected "cross-entropy" or "squared-error"',
    );
  });

  it('a non-finite number (1e999 in JSON is Infinity), naming the entry', () => {
    const text = exampleText.replace('0.9', '1e999');
    expect(text).not.toBe(exampleText);
    expect(parseScenarioText(text)).toEqual({
      ok: false,
      error: 'params.W[0][0]: expected a finite number',
    });
    expect(errorOf({ ...example(), s0: [0, -Infinity] })).toBe('s0[1]: expected a finite number');
    expect(errorOf({ ...example(), s0: [NaN, 0] })).toBe('s0[0]: expected a finite number');
    const t = example();
    t.inputs[2][1] = Infinity;
    expect(errorOf(t)).toBe('inputs[2][1]: expected a finite number');
  });

  it('a value of the wrong type', () => {
    const j = example();
    (j.params.b as unknown[])[0] = '0';
    expect(errorOf(j)).toBe('params.b[0]: expected a finite number');
    expect(errorOf({ ...example(), inputs: 'abc' })).toMatch(/^inputs: /);
    expect(errorOf({ ...example(), targets: [1, 2, 3] })).toMatch(/^targets\[0\]: /);
  });

  it('cross-entropy targets that are not distributions, naming the row', () => {
    const sum = example();
    sum.targets[1] = [0.5, 0.6, 0];
    expect(errorOf(sum)).toMatch(/^targets\[1\]: cross-entropy needs a probability distribution/);
    expect(errorOf(sum)).toMatch(/sum 1\.1/);
    const neg = example();
    neg.targets[2] = [-0.5, 1.5, 0];
    expect(errorOf(neg)).toMatch(/^targets\[2\]: .*entry 0 = -0\.5/);
    const zero = example();
    zero.targets[0] = [0, 0, 0];
    expect(errorOf(zero)).toMatch(/^targets\[0\]: /);
    const off = example();
    off.targets[0] = [0.5, 0.5 + 2e-9, 0];
    expect(errorOf(off)).toMatch(/^targets\[0\]: /);
    // The same rows are fine for squared error.
    expect(parseScenario({ ...neg, loss: 'squared-error' }).ok).toBe(true);
  });

  it('missing params, or a missing matrix', () => {
    const none = example();
    delete (none as Partial<ScenarioJson>).params;
    expect(errorOf(none)).toBe('params: expected an object with U, W, V, b and c');
    for (const key of ['U', 'W', 'V', 'b', 'c'] as const) {
      const j = example();
      delete (j.params as Partial<ScenarioJson['params']>)[key];
      expect(errorOf(j)).toMatch(new RegExp(`^params\\.${key}: expected an array`));
    }
    const noInputs = example();
    delete (noInputs as Partial<ScenarioJson>).inputs;
    expect(errorOf(noInputs)).toMatch(/^inputs: /);
    const noTargets = example();
    delete (noTargets as Partial<ScenarioJson>).targets;
    expect(errorOf(noTargets)).toMatch(/^targets: /);
  });
});

describe('parseScenarioText', () => {
  it('skips a byte-order mark', () => {
    expect(parseScenarioText(`\uFEFF${exampleText}`).ok).toBe(true);
  });
});

describe('scenarioToJson', () => {
  it('∘ parseScenario is the identity on the example (with s0 made explicit)', () => {
    const r = parseScenarioText(exampleText);
    if (!r.ok) throw new Error(r.error);
    expect(scenarioToJson(r.value)).toEqual(example());
  });

  it('parseScenario ∘ scenarioToJson round-trips a scenario bit for bit', () => {
    for (const seed of [1, 2, 3]) {
      const made = makeCharScenario({
        text: 'round trip é😀',
        hidden: seed + 1,
        activation: 'relu',
        loss: 'squared-error',
        seed,
      });
      if (!made.ok) throw new Error(made.error);
      const sc = made.value.scenario;
      sc.s0 = Float64Array.from(sc.s0, (_, i) => 0.1 * (i + 1) - 1 / 3);
      sc.params.b[0] = Math.PI;
      sc.params.c[0] = -Number.MIN_VALUE;
      // Through text as well, the way a file is exported and imported.
      const back = parseScenarioText(JSON.stringify(scenarioToJson(sc)));
      expect(back).toEqual({ ok: true, value: sc });
    }
  });

  it('defaults become explicit and stay put', () => {
    const r = parseScenario(threeHidden());
    if (!r.ok) throw new Error(r.error);
    const json = scenarioToJson(r.value);
    expect(json.activation).toBe('tanh');
    expect(json.loss).toBe('cross-entropy');
    expect(json.s0).toEqual([0, 0, 0]);
    expect(parseScenario(json)).toEqual(r);
  });
});

describe('toRows', () => {
  it('splits a row-major matrix into rows', () => {
    expect(toRows(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toRows(Float64Array.of(1, 2, 3, 4, 5, 6), 3, 2)).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
});

describe('input no scenario can be, refused before the schema reads it', () => {
  const example = () => JSON.parse(exampleText) as { params: Record<string, unknown> };

  it('a matrix of 10⁶ entries: one line, no stack overflow', () => {
    const s = example();
    s.params.W = new Array(1_000_000).fill(0);
    expect(parseScenario(s)).toEqual({
      ok: false,
      error: 'params.W: 1000000 entries, far more than a scenario has',
    });
  });

  it('nesting deeper than a scenario goes, as a value or as text', () => {
    const s = example();
    s.params.b = [[[0]]];
    expect(parseScenario(s)).toEqual({ ok: false, error: 'params.b[0][0]: nested too deeply' });
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    expect(parseScenarioText(deep)).toEqual({
      ok: false,
      error: '(scenario): nested too deeply to be a scenario',
    });
    // Brackets inside strings do not count.
    const text = JSON.stringify({ ...example(), notes: '[[[[[[[[' });
    expect(parseScenarioText(text).ok).toBe(true);
  });
});
