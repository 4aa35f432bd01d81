import { readFileSync } from 'node:fs';

// 100 malformed or hostile scenario files for e2e/hostile-scenarios.spec.ts, each meant to be
// refused whole. Built from the spec's example scenario, broken one way at a time.

export interface HostileFile {
  name: string;
  /** The file's text, or its size in bytes for one made of spaces on disk (the 50 MB one). */
  text: string;
}

type Json = unknown;
const example = (): Record<string, Json> & {
  params: Record<string, Json>;
  inputs: Json[];
  targets: Json[];
} => JSON.parse(readFileSync('test/fixtures/example-scenario.json', 'utf8'));

const nested = (depth: number, open: string, close: string, inner = '0') =>
  open.repeat(depth) + inner + close.repeat(depth);

export function hostileScenarios(): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (kind: string, text: string) =>
    files.push({ name: `${kind}-${files.length + 1}.json`, text });
  const mutate = (kind: string, f: (s: ReturnType<typeof example>) => void) => {
    const s = example();
    f(s);
    add(kind, JSON.stringify(s));
  };

  // Not JSON at all (12).
  for (const t of [
    '',
    '{',
    'NaN',
    'undefined',
    '\u0000',
    '<html><script>window.__pwned=1</script></html>',
    '\ufeff',
    '[1, 2',
    "{'activation': 'tanh'}",
    '{"activation": "tanh",}',
    '// a comment\n{}',
    '\\u0000{"a":1}',
  ])
    add('not-json', t);

  // Valid JSON of the wrong shape (14).
  for (const t of [null, 1, 'scenario', true, [], {}, [example()], { scenario: example() }])
    add('wrong-shape', JSON.stringify(t));
  mutate('wrong-shape', (s) => delete s.params.U);
  mutate('wrong-shape', (s) => (s.params.U = 'U'));
  mutate('wrong-shape', (s) => (s.params.W = [[1]]));
  mutate('wrong-shape', (s) => (s.inputs = []));
  mutate('wrong-shape', (s) => (s.targets = s.targets.slice(1)));
  mutate('wrong-shape', (s) => (s.params = { 0: s.params.U, length: 1 }));

  // Wrong values where numbers belong, NaN and friends as strings (14).
  for (const v of ['NaN', 'Infinity', '-Infinity', '1e309', '0x10', '', ' 1', null, true, {}, [1]])
    mutate('nan-string', (s) => (((s.params.W as Json[][])[0] as Json[])[0] = v));
  mutate('nan-string', (s) => (s.activation = 'eval'));
  mutate('nan-string', (s) => (s.loss = '<img src=x onerror="window.__pwned=1">'));
  mutate('nan-string', (s) => (((s.inputs[0] as Json[])[0] as Json) = 'NaN'));

  // Overflow: numbers too large for a double, or weights whose trace overflows (10).
  for (const literal of ['1e309', '-1e309', '1e400', '-1e99999'])
    add('overflow', JSON.stringify(example()).replace(/"W":\[\[[^,\]]+/, `"W":[[${literal}`));
  for (const big of [1e308, -1e308, 1.7976931348623157e308, 9e307, -9e307, -1.7976931348623157e308])
    mutate('overflow', (s) => {
      for (const row of s.params.V as number[][]) row.fill(big);
      for (const row of s.params.U as number[][]) row.fill(big);
    });

  // Huge arrays, under the 2 MB limit: 10⁶ elements where a few belong (10).
  const million = `[${'0,'.repeat(999_999)}0]`; // 2,000,001 bytes: just over, refused by size
  add('huge-array', `{"activation":"tanh","loss":"cross-entropy","params":{"b":${million}}}`);
  const almost = `[${'0,'.repeat(650_000)}0]`;
  for (const field of ['b', 'c', 'U', 'W', 's0'])
    add(
      'huge-array',
      JSON.stringify(example()).replace(
        new RegExp(`"${field}":\\[`),
        `"${field}":[${almost.slice(1, -1)},`,
      ),
    );
  const rows = `[${Array.from({ length: 600 }, () => `[${'0,'.repeat(599)}0]`).join(',')}]`;
  for (const field of ['W', 'V']) {
    const s = JSON.stringify(example());
    add('huge-array', s.replace(new RegExp(`"${field}":\\[\\[[^"]*?\\]\\]`), `"${field}":${rows}`));
  }
  mutate('huge-array', (s) => (s.inputs = Array.from({ length: 50_000 }, () => [1, 0, 0])));
  mutate('huge-array', (s) => (s.targets = Array.from({ length: 50_000 }, () => [0, 1, 0])));

  // Deep nesting (10).
  for (const depth of [64, 1_000, 10_000, 100_000, 400_000]) add('deep', nested(depth, '[', ']'));
  for (const depth of [1_000, 100_000]) add('deep', nested(depth, '{"a":', '}'));
  for (const depth of [1_000, 50_000, 200_000])
    add(
      'deep',
      JSON.stringify(example()).replace(/"b":\[[^\]]*\]/, `"b":${nested(depth, '[', ']')}`),
    );

  // Prototype keys (12): refused, and no object of the page is polluted.
  const proto = (where: string, s: string) => add('proto', s.replace(/^\{/, `{${where}`));
  const ex = JSON.stringify(example());
  proto('"__proto__":{"polluted":true},', '{}');
  proto('"__proto__":{"polluted":true},', `{"activation":"tanh"}`);
  proto('"constructor":{"prototype":{"polluted":true}},', '{}');
  proto('"__proto__":{"activation":"tanh","polluted":true},', '{"loss":"nope"}');
  // (Each also has one wrong value, the last of a repeated key, which JSON.parse keeps.)
  add(
    'proto',
    ex
      .replace('"params":{', '"params":{"__proto__":{"polluted":true},')
      .replace(']},"s0"', '],"U":1},"s0"'),
  );
  add(
    'proto',
    ex
      .replace('"params":{', '"params":{"constructor":{"prototype":{"polluted":1}},')
      .replace(']},"s0"', '],"W":"x"},"s0"'),
  );
  add('proto', `{"__proto__":[],"length":3,"activation":"tanh"}`);
  add('proto', `{"__proto__":null}`);
  add('proto', `[{"__proto__":{"polluted":true}}]`);
  add('proto', ex.replace(/"inputs":\[/, '"inputs":[{"__proto__":{"polluted":true}},'));
  add(
    'proto',
    ex.replace('"activation":"tanh"', '"activation":{"__proto__":"tanh","toString":"tanh"}'),
  );
  add('proto', ex.replace('"loss":"cross-entropy"', '"loss":{"valueOf":1}'));

  // Sizes (4): over the limit, refused before they are read.
  add('size', ' '.repeat(2_000_001));
  add('size', `${ex}${' '.repeat(2_100_000)}`);
  add('size', `[${'1e308,'.repeat(400_000)}1]`);
  add('size', 'x'.repeat(3_000_000));

  // Odd text (remaining to 99; the 100th is the 50 MB file).
  const odd = [
    '\ud800',
    '🙂'.repeat(1000),
    JSON.stringify(example()).replace('"tanh"', '"t\\u0000anh"'),
    JSON.stringify({ ...example(), symbols: { U: '\\href{javascript:window.__pwned=1}{U}' } }),
    JSON.stringify({ ...example(), symbols: { W: '\\htmlClass{pwned}{W}', V: 1 } }),
    JSON.stringify({ ...example(), notes: { evil: true } }),
    JSON.stringify({ ...example(), s0: [1, 2, 3, 4, 5] }),
    JSON.stringify({ ...example(), s0: 'zeros' }),
    JSON.stringify({ ...example(), activation: 'TANH' }),
    JSON.stringify({ ...example(), inputs: [[1, 0, 0]], targets: [[0, 1, 0]], loss: 'mse' }),
    JSON.stringify({ ...example(), params: { ...example().params, b: [Number.MAX_VALUE, 0, 0] } }),
    JSON.stringify({
      ...example(),
      inputs: example().targets,
      targets: example().inputs.slice(0, 2),
    }),
    JSON.stringify({ ...example(), params: { ...example().params, c: [] } }),
    JSON.stringify({ ...example(), params: null }),
    JSON.stringify({ ...example(), params: [] }),
    JSON.stringify({ ...example(), inputs: null }),
    JSON.stringify({ ...example(), targets: 'abc' }),
  ];
  for (const t of odd) {
    if (files.length >= 99) break;
    add('odd', t);
  }
  return files;
}

/** The 100th: a 50 MB file, written to disk by the spec. */
export const FIFTY_MB = 50 * 1024 * 1024;
