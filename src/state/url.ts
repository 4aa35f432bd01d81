import * as z from 'zod/mini';
import { CHOICES, type ChoiceName } from '../core/model';
import { PRESET_IDS } from '../core/presets';
import { APP_DEFAULTS, SPEEDS, THEMES, VIEWS } from './appChoices';
import { LESSON_LENGTH } from '../content/lesson/length';

// Every choice a user makes lives in the URL. One table names each property, its schema and
// its default; parse and serialize are both driven by it, so they cannot drift apart. The
// model's choices (text, hidden, act, loss, seed, lr, notation) come from core/model.ts with
// their bounds and defaults; nothing here repeats them.

type Choice = (typeof CHOICES)[ChoiceName];

/** The URL schema of one model choice, from its declaration. */
function schemaOf(c: Choice) {
  switch (c.kind) {
    case 'text':
      // Code points, as the panel counts them: an emoji is one character.
      return z
        .string()
        .check(
          z.refine(
            (v) => [...v].length >= c.minLength && [...v].length <= c.maxLength,
            `expected ${c.minLength} to ${c.maxLength} characters`,
          ),
        );
    case 'int':
      return z.coerce.number().check(z.int(), z.gte(c.min), z.lte(c.max));
    case 'number':
      return z.coerce.number().check(z.gt(c.above), z.lte(c.max));
    case 'enum':
      return z.enum(c.options as readonly string[] as [string, ...string[]]);
  }
}

const modelProps = Object.fromEntries(
  (Object.keys(CHOICES) as ChoiceName[]).map((k) => [
    k,
    { schema: schemaOf(CHOICES[k]), default: CHOICES[k].default },
  ]),
) as unknown as {
  [K in ChoiceName]: { schema: z.ZodMiniType; default: (typeof CHOICES)[K]['default'] };
};

export const URL_PROPS = {
  ...modelProps,
  step: {
    schema: z.string().check(z.regex(/^(0|update|[fb][1-9]\d{0,3})$/)),
    default: APP_DEFAULTS.step,
  },
  view: { schema: z.enum(VIEWS), default: APP_DEFAULTS.view },
  theme: { schema: z.enum(THEMES), default: APP_DEFAULTS.theme },
  preset: { schema: z.enum(['none', ...PRESET_IDS]), default: 'none' },
  speed: { schema: z.enum(SPEEDS), default: APP_DEFAULTS.speed },
  /** The guided lesson's step, 1-based; 0: the lesson is closed. */
  lesson: { schema: z.coerce.number().check(z.int(), z.gte(0), z.lte(LESSON_LENGTH)), default: 0 },
  /** Presenter mode. */
  present: { schema: z.enum(['0', '1']), default: '0' },
} as const;

export type UrlKey = keyof typeof URL_PROPS;

type Widen<T> = T extends string ? string : T extends number ? number : T;
/** The URL's values, typed by each choice's declaration (enum choices keep their options). */
export type UrlState = {
  [K in ChoiceName]: (typeof CHOICES)[K] extends { options: readonly (infer O)[] }
    ? O
    : Widen<(typeof CHOICES)[K]['default']>;
} & {
  step: string;
  view: (typeof VIEWS)[number];
  theme: (typeof THEMES)[number];
  preset: 'none' | (typeof PRESET_IDS)[number];
  speed: (typeof SPEEDS)[number];
  lesson: number;
  present: '0' | '1';
};

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

/** A refused value, quoted short and without control characters, for a notice. */
function shown(raw: string): string {
  const clean = [...raw].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' ? ' ' : c));
  return clean.length > 40 ? `${clean.slice(0, 40).join('')}…` : clean.join('');
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
        `“${key}=${shown(raw)}” is not valid; using ${String(URL_PROPS[key].default)}.`,
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
