import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

// Writes dist/sw.js from src/offline/sw.js: the list of files to keep for offline use (every
// file of the build but source maps, the fonts' .woff/.ttf fallbacks and sw.js itself) and a
// version that changes whenever any file of the build changes (a new version is installed).

const TEMPLATE = new URL('../src/offline/sw.js', import.meta.url);

/** Files a browser needs offline: not source maps, nor the fonts' older formats (woff2 is
 *  what every browser that runs the app loads first; the others are cached if ever used). */
export function precached(fileName: string): boolean {
  return (
    !/\.(map|woff|ttf)$/.test(fileName) &&
    fileName !== 'sw.js' &&
    fileName !== '.vite/manifest.json'
  );
}

export function serviceWorker(): Plugin {
  return {
    name: 'unrolled:service-worker',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter(precached).sort();
      const hash = createHash('sha256');
      for (const name of files) {
        const item = bundle[name];
        hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
      }
      const version = hash.digest('hex').slice(0, 16);
      const source = readFileSync(TEMPLATE, 'utf8')
        .replace("'__UNROLLED_SW_VERSION__'", JSON.stringify(version))
        .replace(
          "['__UNROLLED_SW_PRECACHE__']",
          JSON.stringify(files.filter((f) => f !== 'index.html').map((f) => `./${f}`)),
        );
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}
