import { z } from 'zod';

// Every choice a user makes lives in the URL. One table names each property, its schema and
// its default; parse and serialize are both driven by it, so they cannot drift apart.

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const URL_PROPS = {
  text: { schema: z.string().min(2).max(201), default: 'hello' },
  hidden: { schema: int(1, 16), default: 3 },
  act: { schema: z.enum(['tanh', 'sigmoid', 'relu']), default: 'tanh' as const },
  loss: { schema: z.enum(['cross-entropy', 'squared-error']), default: 'cross-entropy' as const },
  seed: { schema: int(0, 2 ** 31 - 1), default: 1 },
  lr: { schema: z.coerce.number().gt(0).max(10), default: 0.1 },
  step: { schema: z.string().regex(/^(0|update|[fb][1-9]\d{0,3})$/), default: '0' },
  view: { schema: z.enum(['folded', 'unrolled']), default: 'folded' as const },
  theme: { schema: z.enum(['auto', 'light', 'dark']), default: 'auto' as const },
  preset: { schema: z.enum(['none', 'worked-example']), default: 'none' as const },
  speed: { schema: z.enum(['0.5', '1', '2', '4']), default: '1' as const },
} as const;

export type UrlKey = keyof typeof URL_PROPS;
export type UrlState = { [K in UrlKey]: z.output<(typeof URL_PROPS)[K]['schema']> };

export const URL_DEFAULTS = Object.fromEntries(
  Object.entries(URL_PROPS).map(([k, p]) => [k, p.default]),
) as UrlState;

/** Keys that only say how the page is framed; read once, never written back. */
export interface FrameOptions {
  embed: boolean;
  parentOrigin: string | null;
}

export interface ParsedUrl {
  state: UrlState;
  frame: FrameOptions;
  /** One line per value that was refused, for the dismissible notice. */
  problems: string[];
}

function parseOrigin(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

export function parseUrl(search: string): ParsedUrl {
  const q = new URLSearchParams(search);
  const state = { ...URL_DEFAULTS } as Record<UrlKey, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(URL_PROPS) as UrlKey[]) {
    const raw = q.get(key);
    if (raw === null) continue;
    const r = URL_PROPS[key].schema.safeParse(raw);
    if (r.success) state[key] = r.data;
    else
      problems.push(
        `“${key}=${raw.slice(0, 40)}” is not valid; using ${String(URL_PROPS[key].default)}.`,
      );
  }
  const rawOrigin = q.get('parentOrigin');
  const parentOrigin = parseOrigin(rawOrigin);
  if (rawOrigin && !parentOrigin)
    problems.push(`“parentOrigin” is not an http(s) origin; ignored.`);
  return {
    state: state as UrlState,
    frame: { embed: q.get('embed') === '1', parentOrigin },
    problems,
  };
}

/** Only values that differ from the defaults are written, so links stay short. */
export function serializeUrl(state: UrlState, frame?: FrameOptions): string {
  const q = new URLSearchParams();
  for (const key of Object.keys(URL_PROPS) as UrlKey[]) {
    const v = state[key];
    if (v !== URL_PROPS[key].default) q.set(key, String(v));
  }
  if (frame?.embed) q.set('embed', '1');
  if (frame?.parentOrigin) q.set('parentOrigin', frame.parentOrigin);
  const s = q.toString();
  return s ? `?${s}` : '';
}
