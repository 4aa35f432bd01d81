// Hostile URLs for e2e/hostile-urls.spec.ts: a seeded generator, so every run tries the same
// ones. Each URL mixes one to three hostile entries, at least one on a key the app reads.

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'text',
  'hidden',
  'act',
  'loss',
  'seed',
  'lr',
  'notation',
  'step',
  'view',
  'theme',
  'preset',
  'speed',
] as const;

/** Payloads that would run script if they ever reached the DOM as HTML or a URL. */
const SCRIPT = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  "';window.__pwned=1;//",
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];
/** LaTeX that would make links, classes or huge boxes if KaTeX trusted it. */
const LATEX = [
  '\\href{javascript:window.__pwned=1}{x}',
  '\\url{javascript:alert(1)}',
  '\\htmlClass{pwned}{x}',
  '\\htmlId{pwned}{x}',
  '\\htmlStyle{position:fixed;inset:0}{x}',
  '\\includegraphics{x}',
  '\\rule{10000em}{10000em}',
  '$$\\def\\a{\\a}\\a$$',
  '\\text{a}}\\href{x}{y}',
];
const NUMBERS = [
  'NaN',
  '-1',
  '-0',
  '1e309',
  '-1e309',
  'Infinity',
  '9007199254740993',
  '1e-400',
  '0x10',
  '3.5',
  '',
  ' ',
  '1,5',
  '999999999999999999999999',
  '2e3',
];
const UNICODE = [
  '🙂🙃',
  'e\u0301\u0301\u0301\u0301',
  '\u202egnp.exe',
  '\u0000\u0001',
  '👨‍👩‍👧‍👦',
  'Z̴̡̛̙a̷͎͝l̸̰̊g̵̱̈o̸͉͋',
  '\uD800',
  '\u200b\u200b',
];

export function hostileUrls(count: number, seed = 11): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const value = (): string => {
    switch (Math.floor(r() * 7)) {
      case 0:
        return pick(SCRIPT);
      case 1:
        return pick(LATEX);
      case 2:
        return pick(NUMBERS);
      case 3:
        return pick(UNICODE).repeat(1 + Math.floor(r() * 3));
      case 4:
        // Long: up to 10,000 characters.
        return pick(['a', 'é', '🙂', '<b>', '\\x'])
          .repeat(200 + Math.floor(r() * 2500))
          .slice(0, 10_000);
      case 5:
        return `${pick(SCRIPT)}${pick(LATEX)}`;
      default:
        return pick(['true', 'null', 'undefined', '[]', '{}', '[object Object]', 'tanh ', 'TANH']);
    }
  };
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const q = new URLSearchParams();
    q.append(pick(KEYS), value());
    for (let extra = Math.floor(r() * 3); extra > 0; extra--) {
      const roll = r();
      if (roll < 0.25)
        q.append(
          pick(['__proto__', 'constructor', 'prototype', 'foo', 'text[]', 'x'.repeat(300)]),
          value(),
        );
      else if (roll < 0.4)
        q.append(pick(KEYS), value()); // a duplicate key: the first wins
      else q.append(pick(KEYS), value());
    }
    urls.push(q.toString());
  }
  return urls;
}
