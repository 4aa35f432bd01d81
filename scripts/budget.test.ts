import { describe, expect, it } from 'vitest';
import { budgetReport, gzipSize, initialJsFiles, pageModules, type Manifest } from './budget';

// The built page of a Vite app: the entry script, a preload of one of its chunks, the CSS.
const html = `<!doctype html><html><head>
  <script type="module" crossorigin src="./assets/index-A.js"></script>
  <link rel="modulepreload" crossorigin href="./assets/vendor-B.js">
  <link rel="stylesheet" crossorigin href="./assets/index-C.css">
  <link rel="icon" href="data:," />
</head><body><div id="root"></div></body></html>`;

// index imports vendor and shared statically, katex and lesson with import(); lesson imports
// shared (already counted) and its own chunk; the worker is only an asset of the entry.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-A.js',
    isEntry: true,
    imports: ['_vendor-B.js', '_shared-D.js'],
    dynamicImports: ['node_modules/katex/dist/katex.mjs', 'src/lesson/Lesson.tsx'],
  },
  '_vendor-B.js': { file: 'assets/vendor-B.js' },
  '_shared-D.js': { file: 'assets/shared-D.js', imports: ['_vendor-B.js'] },
  'node_modules/katex/dist/katex.mjs': { file: 'assets/katex-E.js' },
  'src/lesson/Lesson.tsx': { file: 'assets/Lesson-F.js', imports: ['_shared-D.js', '_g-G.js'] },
  '_g-G.js': { file: 'assets/g-G.js' },
  'src/worker/host/rnn.worker.ts': { file: 'assets/rnn.worker-H.js' },
};

describe('pageModules', () => {
  it('takes module scripts and module preloads, not stylesheets, icons or classic scripts', () => {
    const page = `${html}<script src="/legacy.js"></script><script type="module" src='/late.js'></script>`;
    expect(pageModules(page)).toEqual(['assets/index-A.js', 'assets/vendor-B.js', 'late.js']);
  });

  it('leaves out scripts from other origins', () => {
    expect(pageModules('<script type="module" src="https://cdn.example/x.js"></script>')).toEqual(
      [],
    );
  });
});

describe('initialJsFiles', () => {
  it('counts the entry, its preloads and their static imports, each once', () => {
    expect(initialJsFiles(html, manifest)).toEqual([
      'assets/index-A.js',
      'assets/vendor-B.js',
      'assets/shared-D.js',
    ]);
  });

  it('leaves out chunks reached only through import(), and the worker', () => {
    const files = initialJsFiles(html, manifest);
    for (const late of ['katex-E', 'Lesson-F', 'g-G', 'rnn.worker-H']) {
      expect(files.some((f) => f.includes(late))).toBe(false);
    }
  });

  it('still counts a page script the manifest does not know', () => {
    expect(initialJsFiles('<script type="module" src="/x.js"></script>', {})).toEqual(['x.js']);
  });
});

describe('budgetReport', () => {
  it('prints the total against the budget, then each file, largest first', () => {
    const lines = budgetReport(
      [
        { file: 'a.js', bytes: 10_000, gzip: 3_000 },
        { file: 'b.js', bytes: 400_000, gzip: 149_250 },
      ],
      170_000,
    );
    expect(lines[0]).toBe('initial JS: 152.3 kB gzip (budget 170 kB)');
    expect(lines[1]).toMatch(/149\.3 kB gzip .* b\.js$/);
    expect(lines[2]).toMatch(/3\.0 kB gzip .* a\.js$/);
  });

  it('gzips at level 9', () => {
    const text = 'abc'.repeat(1000);
    expect(gzipSize(text)).toBeLessThan(100);
  });
});
