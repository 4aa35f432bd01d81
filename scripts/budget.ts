// Which files of a Vite build the browser loads before the first paint, and how big they are
// gzipped. Pure: it reads strings and a manifest, never the disk (check-budget.ts does that).
import { gzipSync } from 'node:zlib';

/** One chunk of Vite's build manifest (dist/.vite/manifest.json, `build.manifest: true`). */
export interface ManifestChunk {
  file: string;
  /** Manifest keys of the chunks this one imports statically (loaded before it runs). */
  imports?: string[];
  /** Manifest keys of the chunks it loads later with import(): not initial. */
  dynamicImports?: string[];
  isEntry?: boolean;
}
export type Manifest = Record<string, ManifestChunk>;

/** A path of the page ("./assets/x.js", "/assets/x.js") as the manifest writes it ("assets/x.js"). */
function normalize(path: string): string {
  return path.replace(/^(\.\/|\/)+/, '').replace(/[?#].*$/, '');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * The module scripts the page starts with: every `<script type="module" src>` and every
 * `<link rel="modulepreload" href>`, in document order, as paths relative to the build root.
 */
export function pageModules(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const url = isScript
      ? attr(tag, 'type')?.toLowerCase() === 'module'
        ? attr(tag, 'src')
        : undefined
      : attr(tag, 'rel')?.toLowerCase() === 'modulepreload'
        ? attr(tag, 'href')
        : undefined;
    if (url && !/^[a-z]+:/i.test(url)) out.push(normalize(url));
  }
  return out;
}

/**
 * The initial JS: the page's module scripts and preloads, plus every chunk they import
 * statically, transitively. Chunks reached only through import() (and the worker, which no
 * chunk imports statically) are left out. Paths relative to the build root, each once.
 */
export function initialJsFiles(html: string, manifest: Manifest): string[] {
  const byFile = new Map(Object.values(manifest).map((c) => [c.file, c]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const key of byFile.get(file)?.imports ?? []) {
      const chunk = manifest[key];
      if (chunk) visit(chunk.file);
    }
  };
  for (const file of pageModules(html)) visit(file);
  return [...seen];
}

export interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** Gzip size at level 9, what a server that compresses well sends. */
export function gzipSize(content: Uint8Array | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** "152.3 kB" (1 kB = 1000 bytes, as Vite counts). */
export function kB(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** The report's lines: the total against the budget first, then each file, largest first. */
export function budgetReport(files: SizedFile[], budgetBytes: number): string[] {
  const total = files.reduce((s, f) => s + f.gzip, 0);
  const sorted = [...files].sort((a, b) => b.gzip - a.gzip);
  return [
    `initial JS: ${kB(total)} gzip (budget ${budgetBytes / 1000} kB)`,
    ...sorted.map(
      (f) => `  ${kB(f.gzip).padStart(9)} gzip  ${kB(f.bytes).padStart(9)} raw  ${f.file}`,
    ),
  ];
}
