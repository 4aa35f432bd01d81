// The trace CLI as a user runs it: a child process per case (node --import tsx, which is what
// `npm run -s trace` amounts to without npm's start-up), checked for exit status, stdout, stderr.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenarioPath = join(root, 'test/fixtures/example-scenario.json');
const scenarioText = readFileSync(scenarioPath, 'utf8');
const expectedTrace: unknown = JSON.parse(
  readFileSync(join(root, 'test/fixtures/example-trace.json'), 'utf8'),
);

// The machine may be slow and tsx compiles on start: be generous per test.
const SLOW = { timeout: 30000 };

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI with arguments and optional standard input, from the repository root. */
function runTrace(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/trace.ts', ...args], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Same keys (extras allowed in actual), same lengths, numbers to 1e-9 relative. */
function expectClose(actual: unknown, expected: unknown, path = 'trace'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const err = Math.abs((actual as number) - expected);
    if (!(err <= 1e-9 * Math.max(Math.abs(expected), 1e-6)))
      expect.fail(`${path}: got ${String(actual)}, expected ${expected}`);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    for (const [k, e] of Object.entries(expected)) {
      expect(actual, path).toHaveProperty([k]);
      expectClose((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

/** A refusal: non-zero exit, nothing on stdout, exactly one line on stderr. */
function expectRefused(r: Run): string {
  expect(r.stdout).toBe('');
  expect(r.status).not.toBe(0);
  expect(r.status).not.toBeNull();
  expect(r.stderr).toMatch(/^[^\n]+\n$/);
  return r.stderr.trimEnd();
}

let dir = '';
const tmp = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const edited = (
  edit: (j: Record<string, unknown> & { params: Record<string, unknown> }) => void,
) => {
  const json = JSON.parse(scenarioText);
  edit(json);
  return JSON.stringify(json, null, 2);
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unrolled-trace-test-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.concurrent('npm run -s trace -- FILE', () => {
  it(
    'prints the trace of the worked example, equal to the fixture to 1e-9, from a file and from stdin',
    SLOW,
    async () => {
      const [fromFile, fromStdin] = await Promise.all([
        runTrace([scenarioPath]),
        runTrace(['-'], scenarioText),
      ]);
      expect(fromFile.stderr).toBe('');
      expect(fromFile.status).toBe(0);
      expectClose(JSON.parse(fromFile.stdout), expectedTrace);
      expect(fromStdin.stderr).toBe('');
      expect(fromStdin.status).toBe(0);
      expect(fromStdin.stdout).toBe(fromFile.stdout);
    },
  );

  it(
    'takes a new activation by its name (softsign) and symbols, from the one declaration',
    SLOW,
    async () => {
      const r = await runTrace([
        tmp(
          'softsign.json',
          edited((j) => {
            j.activation = 'softsign';
            j.symbols = ['a', 'b', 'c'];
          }),
        ),
      ]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const tr = JSON.parse(r.stdout);
      // s_t = a_t / (1 + |a_t|), computed here independently of the core.
      tr.a.forEach((row: number[], t: number) =>
        row.forEach((a, i) => expect(tr.s[t][i]).toBeCloseTo(a / (1 + Math.abs(a)), 14)),
      );
      // dL/da_t = f'(a_t) dL/ds_t with f'(a) = 1 / (1 + |a|)^2.
      tr.a.forEach((row: number[], t: number) =>
        row.forEach((a, i) =>
          expect(tr.dL_da[t][i]).toBeCloseTo(tr.dL_ds[t][i] / (1 + Math.abs(a)) ** 2, 14),
        ),
      );
    },
  );

  it('refuses W 3 x 2 when H = 3, naming the field', SLOW, async () => {
    // H = 3 from U; W has 3 rows of 2.
    const text = JSON.stringify({
      params: {
        U: [[1], [0], [1]],
        W: [
          [0, 0],
          [0, 0],
          [0, 0],
        ],
        V: [[1, 1, 1]],
        b: [0, 0, 0],
        c: [0],
      },
      loss: 'squared-error',
      inputs: [[1]],
      targets: [[0]],
    });
    const line = expectRefused(await runTrace([tmp('w32.json', text)]));
    expect(line).toBe('params.W: expected 3 x 3, got 3 x 2');
  });

  const bad: [string, string, RegExp][] = [
    ['text that is not JSON (on stdin)', '{ "params": \n', /^\(scenario\): not valid JSON: /],
    [
      'an unknown activation',
      edited((j) => (j.activation = 'gelu')),
      /^activation: expected "tanh", "sigmoid", "relu" or "softsign"$/,
    ],
    [
      'an unknown loss',
      edited((j) => (j.loss = 'hinge')),
      /^loss: expected "cross-entropy" or "squared-error"$/,
    ],
    [
      'a non-finite number (1e999)',
      scenarioText.replace('0.9', '1e999'),
      /^params\.W\[0\]\[0\]: expected a finite number$/,
    ],
    [
      'cross-entropy targets that are not distributions',
      edited((j) => ((j.targets as number[][])[1] = [0.5, 0.6, 0])),
      /^targets\[1\]: cross-entropy needs a probability distribution/,
    ],
  ];
  bad.forEach(([what, text, message], i) => {
    it(`refuses ${what}: one line on stderr, nothing on stdout`, SLOW, async () => {
      // The first case goes through stdin, the others through files.
      const r =
        i === 0 ? await runTrace(['-'], text) : await runTrace([tmp(`bad-${i}.json`, text)]);
      expect(expectRefused(r)).toMatch(message);
    });
  });

  it('reports a missing file, naming it', SLOW, async () => {
    const missing = join(dir, 'no-such-scenario.json');
    const line = expectRefused(await runTrace([missing]));
    expect(line).toBe(`${missing}: cannot read: ENOENT`);
  });

  it('writes the worked example as LaTeX, in the notation asked for', SLOW, async () => {
    const [all, one, bad] = await Promise.all([
      runTrace([scenarioPath, '--format', 'latex']),
      runTrace(['--format', 'latex', '--notation', 'wxh', '--step', 'b2', scenarioPath]),
      runTrace([scenarioPath, '--format', 'pdf']),
    ]);
    expect(all.stderr).toBe('');
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/\\documentclass[^\n]*\n\\usepackage\{amsmath\}\n/);
    // 0, f1 … f3, b3 … b1, update: eight cursor positions.
    expect(all.stdout.match(/\\subsection\*/g)).toHaveLength(8);
    expect(one.status).toBe(0);
    expect(one.stdout.match(/\\subsection\*\{([^}]*)\}/g)).toEqual([
      '\\subsection*{Backward pass, t = 2 (from t = 3 down to 1)}',
    ]);
    expect(one.stdout).toContain('W_{hh}');
    expect(expectRefused(bad)).toMatch(/^--format pdf: not a valid option/);
  });

  it('prints its usage without an argument', SLOW, async () => {
    const line = expectRefused(await runTrace([]));
    expect(line).toMatch(/^usage: npm run -s trace -- FILE/);
  });
});

describe.concurrent('npm run -s trace -- FILE with a gated cell', () => {
  const fixture = (cell: string) =>
    JSON.parse(readFileSync(join(root, `test/fixtures/${cell}-scenario.json`), 'utf8')) as Record<
      string,
      unknown
    > & { params: Record<string, unknown> };

  it('writes an LSTM’s worked example as LaTeX with its cell state and gates', SLOW, async () => {
    const r = await runTrace([
      join(root, 'test/fixtures/lstm-scenario.json'),
      '--format',
      'latex',
      '--step',
      'b1',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\\mathbf\{m\}_\{/);
    expect(r.stdout).toMatch(/\\mathbf\{f\}_\{/);
    expect(r.stdout.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it(
    'prints an LSTM trace with m, ∂L/∂m_t and its two parts, the gates and grads.m0',
    SLOW,
    async () => {
      const r = await runTrace([join(root, 'test/fixtures/lstm-scenario.json')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const tr = JSON.parse(r.stdout);
      const sc = fixture('lstm');
      expect(tr.cell).toBe('lstm');
      expect(tr.a[0]).toHaveLength(8); // 4H stacked pre-activations
      expect(tr.grads.W).toHaveLength(8);
      expect(tr.grads.m0).toHaveLength(2);
      const { i, f, g, q } = tr.gates;
      // m_t = f ⊙ m_{t-1} + i ⊙ g and s_t = q ⊙ tanh(m_t), read back from the JSON alone.
      let mPrev = sc.m0 as number[];
      for (let t = 0; t < tr.T; t++) {
        for (let j = 0; j < 2; j++) {
          const m = f[t][j] * mPrev[j] + i[t][j] * g[t][j];
          expect(tr.m[t][j]).toBeCloseTo(m, 14);
          expect(tr.s[t][j]).toBeCloseTo(q[t][j] * Math.tanh(m), 14);
          expect(tr.dL_dm[t][j]).toBeCloseTo(tr.dL_dm_from_s[t][j] + tr.dL_dm_from_next[t][j], 14);
        }
        mPrev = tr.m[t];
      }
    },
  );

  it('prints a GRU trace with the gates r, z, n', SLOW, async () => {
    const r = await runTrace(['-'], JSON.stringify(fixture('gru')));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const tr = JSON.parse(r.stdout);
    expect(tr.cell).toBe('gru');
    expect(tr.a[0]).toHaveLength(6);
    expect(tr.grads.m0).toBeUndefined();
    const { z, n } = tr.gates;
    let sPrev = fixture('gru').s0 as number[];
    for (let t = 0; t < tr.T; t++) {
      for (let j = 0; j < 2; j++)
        expect(tr.s[t][j]).toBeCloseTo(z[t][j] * sPrev[j] + (1 - z[t][j]) * n[t][j], 14);
      sPrev = tr.s[t];
    }
  });

  const refused: [string, () => object, string][] = [
    [
      'an LSTM whose W is 2 x 2 (H = 2 needs 8 x 2)',
      () => {
        const j = fixture('lstm');
        j.params.W = [
          [0.1, 0.2],
          [0.3, 0.4],
        ];
        return j;
      },
      'params.W: expected 8 x 2, got 2 x 2',
    ],
    [
      'an LSTM that names an activation',
      () => ({ ...fixture('lstm'), activation: 'relu' }),
      "activation: an LSTM's nonlinearities are fixed; leave activation out",
    ],
    [
      'a GRU with m0',
      () => ({ ...fixture('gru'), m0: [0, 0] }),
      'm0: only an LSTM has a cell state; leave m0 out',
    ],
    [
      'a GRU whose U rows are not 3H',
      () => {
        const j = fixture('gru');
        j.params.U = (j.params.U as number[][]).slice(0, 5);
        return j;
      },
      'params.U: expected 3H rows (blocks r, z, n of H rows each), got 5',
    ],
  ];
  refused.forEach(([what, make, message], k) => {
    it(`refuses ${what}, naming the field`, SLOW, async () => {
      const r = await runTrace([tmp(`gated-bad-${k}.json`, JSON.stringify(make()))]);
      expect(expectRefused(r)).toBe(message);
    });
  });
});

describe.concurrent('npm run -s trace -- FILE with leaky units', () => {
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(root, `test/fixtures/${name}.json`), 'utf8')) as Record<
      string,
      unknown
    >;

  it(
    'prints the trace equal to an independent reference to 1e-9 (scripts/reference/leaky_trace.py)',
    SLOW,
    async () => {
      const r = await runTrace([join(root, 'test/fixtures/leaky-scenario.json')]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const tr = JSON.parse(r.stdout) as Record<string, unknown>;
      expectClose(tr, fixture('leaky-trace'));
      expect(tr.grads).not.toHaveProperty('keep');
    },
  );

  it('refuses a keep rate of 1, naming the field', SLOW, async () => {
    const sc = fixture('leaky-scenario');
    (sc.params as { keep: number[] }).keep = [0.9, 1, 0];
    const r = await runTrace(['-'], JSON.stringify(sc));
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('params.keep[1]: expected a keep rate in [0, 1), got 1');
  });
});
