import { describe, expect, it } from 'vitest';
import { precached, serviceWorker } from './serviceWorkerPlugin';

/** Runs the plugin's generateBundle on a fake bundle; returns the sw.js it emits. */
function emit(files: Record<string, string>): string {
  const bundle = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [
      name,
      name.endsWith('.js') ? { type: 'chunk', code: text } : { type: 'asset', source: text },
    ]),
  );
  let out = '';
  const hook = serviceWorker().generateBundle as unknown as (
    this: { emitFile: (f: { source: string }) => void },
    o: unknown,
    b: unknown,
  ) => void;
  hook.call({ emitFile: (f) => (out = f.source) }, {}, bundle);
  return out;
}

describe('the service worker of the build', () => {
  const build = {
    'index.html': '<html>',
    'assets/index-a.js': 'app',
    'assets/index-a.js.map': '{}',
    'assets/index-b.css': 'css',
    'assets/rnn.worker-c.js': 'worker',
    'assets/KaTeX_Main-Regular-d.woff2': 'font',
    'assets/KaTeX_Main-Regular-e.woff': 'font',
    'assets/KaTeX_Main-Regular-f.ttf': 'font',
    '.vite/manifest.json': '{}',
  };

  it('caches the page, the scripts, the worker, the stylesheet and the woff2 fonts', () => {
    expect(Object.keys(build).filter(precached)).toEqual([
      'index.html',
      'assets/index-a.js',
      'assets/index-b.css',
      'assets/rnn.worker-c.js',
      'assets/KaTeX_Main-Regular-d.woff2',
    ]);
    const sw = emit(build);
    expect(sw).toContain(
      'const PRECACHE = ["./assets/KaTeX_Main-Regular-d.woff2","./assets/index-a.js","./assets/index-b.css","./assets/rnn.worker-c.js"];',
    );
    expect(sw).not.toContain('__UNROLLED_SW_');
  });

  it('a new build is a new version, which waits for the next visit', () => {
    const v = (sw: string) => /const VERSION = "([0-9a-f]{16})"/.exec(sw)?.[1];
    const a = emit(build);
    expect(v(a)).toBe(v(emit(build)));
    expect(v(emit({ ...build, 'index.html': '<html lang="en">' }))).not.toBe(v(a));
    expect(v(emit({ ...build, 'assets/rnn.worker-c.js': 'worker 2' }))).not.toBe(v(a));
    // Never takes over an open page: no skipWaiting(), no clients.claim().
    expect(a).not.toMatch(/skipWaiting\(|clients\.claim\(/);
  });
});
